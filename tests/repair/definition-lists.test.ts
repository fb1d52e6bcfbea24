import type { List, Paragraph } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { repair } from './dialects/helpers.js'

describe('definition lists', () => {
  it('reads `Term` then `:   Definition` as a list of bold terms, the next term no longer glued on', async () => {
    const { find, places } = await repair('Principles:\n\nSpeed\n\n:    Make the **fastest** browser\nSecurity\n\n:    Provide the **most secure** environment\n\nProse goes on here.\n', {}, 'ch.md')
    const [list] = find<List>('list')
    expect(list.children.map((item) => toString(item))).toEqual(['Speed: Make the fastest browser', 'Security: Provide the most secure environment'])
    expect(find('strong').map((node) => toString(node))).toEqual(['Speed', 'fastest', 'Security', 'most secure'])
    expect(find<Paragraph>('paragraph').map((node) => toString(node))).toContain('Prose goes on here.')
    expect(places).toEqual(['3:1 definition-list'])
  })

  it('takes a term and its definitions in one paragraph, with a line carrying a definition on', async () => {
    const { find } = await repair('Term one\n:   Its definition\n    carried on.\n:   A second sense.\n', {}, 'ch.md')
    const [list] = find<List>('list')
    expect(toString(list)).toBe('Term one: Its definition\ncarried on.; A second sense.')
  })

  it('leaves prose alone: a sentence before a colon line, or a colon line with no term', async () => {
    for (const markdown of ['A normal paragraph: with a colon\n: and a line starting with one.\n', ': starts with a colon\n', 'This sentence ends.\n\n:   not a definition\n']) {
      const { find } = await repair(markdown, {}, 'ch.md')
      expect(find('list')).toHaveLength(0)
    }
  })
})
