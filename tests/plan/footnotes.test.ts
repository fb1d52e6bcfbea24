import { describe, expect, it } from 'vitest'
import { spokenNotes } from '../../src/serialize/notes.js'
import { processMarkdown } from '../helpers/process.js'

describe('footnotes', () => {
  it('numbers footnotes as cited and puts each after the paragraph that cites it', async () => {
    const { deck, markdown } = await processMarkdown('# T\n\n## One\n\nFirst claim.[^b]\n\nSecond claim.[^a]\n\n## Two\n\nNone here.\n\n[^a]: Source A.\n[^b]: Source B.\n[^c]: Never cited.\n')
    const one = deck.children.find((slide) => JSON.stringify(slide.title).includes('One'))!
    expect(spokenNotes(one)).toEqual(['First claim.', '[1] Source B.', 'Second claim.', '[2] Source A.'])
    expect(spokenNotes(deck.children[deck.children.length - 1]).join('\n')).toMatch(/\[c\] Never cited\./)
    expect(markdown).not.toMatch(/\[\^/)
  })
})
