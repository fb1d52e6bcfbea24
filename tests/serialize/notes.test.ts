import { Marp } from '@marp-team/marp-core'
import { describe, expect, it } from 'vitest'
import { escapeNote } from '../../src/serialize/notes.js'
import { processMarkdown } from '../helpers/process.js'

describe('notes', () => {
  it('escapes comment delimiters invisibly', () => {
    expect(escapeNote('a --> b <!-- c')).toBe('a --\u200b> b <!\u200b-- c')
  })

  it('keeps directive-looking prose as notes when rendered by real Marp', async () => {
    const { markdown } = await processMarkdown('# T\n\n## S\n\nclass: invert\n\ntheme: gaia\npaginate: false\n\nEnds a comment --> here.\n')
    const { comments, html } = new Marp().render(markdown)
    const notes = comments.map((list) => list.join('\n'))
    expect(notes[1]).toContain('invert')
    expect(notes[1]).toContain('paginate')
    expect(notes[1]).toContain('here.')
    expect(html).not.toMatch(/class="[^"]*invert/)
    expect(comments.every((list) => list.length <= 1)).toBe(true)
  })

  it('writes exactly one notes comment per slide and `-` bullets only', async () => {
    const { markdown, deck } = await processMarkdown('# T\n\nLead sentence. More.\n\n## A\n\nOne.\n\n- x\n- y\n\nTwo.\n\n## B\n\nThree.\n')
    const { comments } = new Marp().render(markdown)
    expect(comments).toHaveLength(deck.children.length)
    expect(comments.every((list) => list.length <= 1)).toBe(true)
    expect(markdown).not.toMatch(/^\* /m)
  })
})
