import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Deck } from '../types.js'
import { notesOf } from '../serialize/notes.js'
import { normalize, type Sentence } from '../util/sentences.js'
import { titleText } from '../util/title.js'

export interface Coverage {
  /** Share of the chapter's sentences found on a slide or in its notes. */
  ratio: number
  sentences: number
  /** Sentences found nowhere, with the slide-free text as written. */
  missing: string[]
  /** Where each sentence landed: its source line, and the 1-based slide that shows or speaks it. */
  map: { line?: number; slide?: number; where?: 'slide' | 'notes'; text: string }[]
}

/** What each slide shows, and what its notes say. */
export function slideText(deck: Deck): { shown: string; notes: string }[] {
  return deck.children.map((slide) => ({
    shown: [
      titleText(slide),
      slide.subtitle ? toString({ type: 'paragraph', children: slide.subtitle }) : '',
      slide.image?.alt ?? '',
      ...slide.children.map(blockText),
    ].join('\n'),
    notes: notesOf(slide).join('\n'),
  }))
}

/** How much of the chapter the deck carries, and where each sentence went. */
export function coverage(sentences: Sentence[], deck: Deck): Coverage {
  const texts = slideText(deck)
  const slides = texts.map(({ shown, notes }) => ({ shown: ` ${normalize(shown)} `, notes: ` ${normalize(notes)} ` }))
  // A sentence may also span slides (a list split in two): the whole deck is the last resort.
  const whole = ' ' + normalize(texts.map(({ shown, notes }) => `${shown}\n${notes}`).join('\n')) + ' '
  const map = sentences.map(({ text, line }) => {
    const needle = ` ${normalize(text)} `
    const shown = slides.findIndex((slide) => slide.shown.includes(needle))
    if (shown >= 0) return { text, line, slide: shown + 1, where: 'slide' as const }
    const spoken = slides.findIndex((slide) => slide.notes.includes(needle))
    if (spoken >= 0) return { text, line, slide: spoken + 1, where: 'notes' as const }
    return whole.includes(needle) ? { text, line, where: 'slide' as const } : { text, line }
  })
  const missing = map.filter((entry) => !entry.where).map((entry) => entry.text)
  return { ratio: sentences.length ? 1 - missing.length / sentences.length : 1, sentences: sentences.length, missing, map }
}

const blockParents = new Set(['root', 'list', 'listItem', 'blockquote', 'table', 'tableRow', 'footnoteDefinition'])

/** Text of a block with its child blocks on separate lines, as a browser lays them out. */
function blockText(node: Nodes): string {
  if (!('children' in node)) return toString(node)
  const separator = blockParents.has(node.type) ? '\n' : ''
  return (node.children as Nodes[]).map(blockText).join(separator)
}
