import { describe, expect, it } from 'vitest'
import { unified } from 'unified'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { spoken } from '../../src/util/spoken.js'

const speak = (markdown: string) => spoken(unified().use(remarkParse).use(remarkMath).parse(markdown))

describe('spoken', () => {
  it('keeps math between its $ delimiters, set apart from the words it touches', () => {
    expect(speak('让我们将$\\mathbf{v}_t$扩展到')).toBe('让我们将 $\\mathbf{v}_t$ 扩展到')
    expect(speak('where $x$ is (the $y$).')).toBe('where $x$ is (the $y$).')
    expect(speak('$$\na = b\n$$')).toBe('$$\na = b\n$$')
  })
})
