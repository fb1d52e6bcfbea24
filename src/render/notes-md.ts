import type { Deck } from '../types.js'
import { notesOf } from '../serialize/notes.js'
import { slideTitle } from './outline.js'
import { formatMinutes, slideMinutes, talkMinutes, wordsPerMinute } from './timing.js'

/** notes.md: every slide's number, title and speaker notes, for rehearsing or printing. */
export function notesMarkdown(deck: Deck): string {
  const out = [`# ${deck.meta.title}: speaker notes`, '', `${deck.children.length} slides, ${formatMinutes(talkMinutes(deck))} at ${wordsPerMinute} spoken words a minute.`, '']
  deck.children.forEach((slide, index) => {
    out.push(`## ${index + 1}. ${slideTitle(slide)} (${formatMinutes(slideMinutes(slide))})`, '')
    const notes = notesOf(slide)
    out.push(...(notes.length ? notes.flatMap((note) => [note, '']) : ['_No notes._', '']))
  })
  return out.join('\n')
}
