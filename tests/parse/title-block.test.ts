import { describe, expect, it } from 'vitest'
import { processMarkdown } from '../helpers/process.js'

describe('title block', () => {
  it("reads pandoc's % lines as title, authors and date", async () => {
    const { file, deck } = await processMarkdown('% Building Fast\n% Ada Byron; Charles Babbage\n% 2024\n\n## One\n\nText here.\n')
    expect(file.data.matter).toEqual({ title: 'Building Fast', author: 'Ada Byron; Charles Babbage', date: '2024' })
    expect(deck.meta).toMatchObject({ title: 'Building Fast', author: 'Ada Byron; Charles Babbage' })
  })

  it('reads title: and author: lines at the top (MultiMarkdown, the AOSA books), continued lines too', async () => {
    const { file, deck } = await processMarkdown('title: Ninja\nauthor: Evan Martin and\n  Friends\n\nNinja is a build system.\n')
    expect(file.data.matter).toEqual({ title: 'Ninja', author: 'Evan Martin and Friends' })
    expect(deck.children[0].notes.join('\n')).not.toMatch(/^title:/m)
  })

  it('leaves a first paragraph that only looks like metadata', async () => {
    const { file } = await processMarkdown('Note: this chapter is a draft.\nRead on.\n')
    expect(file.data.matter).toEqual({})
  })
})
