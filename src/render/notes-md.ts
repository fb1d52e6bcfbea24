import type { Deck } from '../types.js'
import { notesOf } from '../serialize/notes.js'
import { slideTitle } from './outline.js'

/** notes.md: every slide's number, title and speaker notes, for rehearsing or printing. */
export function notesMarkdown(deck: Deck): string {
  const out = [`# ${deck.meta.title}: speaker notes`, '']
  deck.children.forEach((slide, index) => {
    out.push(`## ${index + 1}. ${slideTitle(slide)}`, '')
    const notes = notesOf(slide)
    out.push(...(notes.length ? notes.flatMap((note) => [note, '']) : ['_No notes._', '']))
  })
  return out.join('\n')
}
