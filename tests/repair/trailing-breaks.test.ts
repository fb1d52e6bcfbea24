import type { Paragraph } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { repair } from './dialects/helpers.js'

describe('trailing breaks', () => {
  it('drops the backslash or break that ends a paragraph, keeping one inside it', async () => {
    const { find } = await repair('- web platform APIs: `navigator`, etc\\\n\n  more\n\nTwo lines\\\nhere\\\n', {}, 'ch.md')
    const texts = find<Paragraph>('paragraph').map((node) => toString(node))
    expect(texts).toEqual(['web platform APIs: navigator, etc', 'more', 'Two lineshere'])
    expect(find('break')).toHaveLength(1)
  })

  it('drops <br> breaks that end a list item', async () => {
    const { find } = await repair('- web APIs: `navigator`, etc<br><br>\n\n  more\n', {}, 'ch.md')
    expect(find<Paragraph>('paragraph').map((node) => toString(node))).toEqual(['web APIs: navigator, etc', 'more'])
    expect(find('break')).toHaveLength(0)
  })
})
