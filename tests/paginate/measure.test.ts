import type { Paragraph } from 'mdast'
import { describe, expect, it } from 'vitest'
import { blockHeight, codeLines } from '../../src/paginate/measure.js'
import { chapterdeckMetrics as m } from '../../src/paginate/metrics.js'

const text = (value: string) => ({ type: 'text' as const, value })

describe('block height estimate', () => {
  it('counts a hard line break as a new line: a callout’s bold title sits above its text', () => {
    const oneLine: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [text('Note')] }, text(' This is a note alert.')] }
    const titled: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [text('Note')] }, { type: 'break' }, text('This is a note alert.')] }
    const line = m.bodySize * m.lineHeight
    expect(blockHeight(titled, m) - blockHeight(oneLine, m)).toBeCloseTo(line)
    expect(blockHeight({ type: 'blockquote', children: [titled] }, m)).toBeCloseTo(2 * line + m.blockGap + 8)
  })

  it('wraps a row of code after a space, as pre-wrap does, and breaks only a word longer than a line', () => {
    const width = m.width - 2 * m.padX
    const perLine = Math.floor((width - 2 * m.codePad) / (m.codeSize * m.monoCharWidth))
    const word = 'x'.repeat(Math.floor(perLine / 2) + 5)
    // Three words each over half a line: one per line, though their characters fill two.
    expect(codeLines(`${word} ${word} ${word}`, width, m)).toBe(3)
    expect(codeLines('y'.repeat(2 * perLine + 1), width, m)).toBe(3)
    // The indent takes room; spaces at a line's end do not start a line.
    expect(codeLines(`${' '.repeat(perLine - 3)}abcd`, width, m)).toBe(2)
    expect(codeLines(`${'z'.repeat(perLine)}    `, width, m)).toBe(1)
    expect(codeLines('a\n\nb', width, m)).toBe(3)
  })
})
