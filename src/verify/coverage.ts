import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Deck } from '../types.js'
import { notesOf } from '../serialize/notes.js'
import { normalize, plainText, type Sentence } from '../util/sentences.js'
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
  const shown = new SlideTexts(texts.map((text) => text.shown))
  const spoken = new SlideTexts(texts.map((text) => text.notes))
  // A sentence may also span slides (a list split in two): the whole deck is the last resort.
  const whole = ' ' + normalize(texts.map(({ shown, notes }) => `${shown}\n${notes}`).join('\n')) + ' '
  const map = sentences.map(({ text, line }) => {
    const needle = ` ${normalize(text)} `
    const onSlide = shown.find(needle)
    if (onSlide >= 0) return { text, line, slide: onSlide + 1, where: 'slide' as const }
    const inNotes = spoken.find(needle)
    if (inNotes >= 0) return { text, line, slide: inNotes + 1, where: 'notes' as const }
    return whole.includes(needle) ? { text, line, where: 'slide' as const } : { text, line }
  })
  const missing = map.filter((entry) => !entry.where).map((entry) => entry.text)
  return { ratio: sentences.length ? 1 - missing.length / sentences.length : 1, sentences: sentences.length, missing, map }
}

/**
 * One normalized text per slide, searched as one string: a search per sentence, not per
 * sentence and slide. Normalized needles hold no line break, so no match spans two slides.
 */
class SlideTexts {
  private readonly all: string
  private readonly starts: number[] = []

  constructor(texts: string[]) {
    let at = 0
    const parts = texts.map((text) => {
      const part = ` ${normalize(text)} `
      this.starts.push(at)
      at += part.length + 1
      return part
    })
    this.all = parts.join('\n')
  }

  /** The first slide (0-based) whose text holds the needle, or -1. */
  find(needle: string): number {
    const at = this.all.indexOf(needle)
    if (at < 0) return -1
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (this.starts[middle] <= at) low = middle
      else high = middle - 1
    }
    return low
  }
}

const blockParents = new Set(['root', 'list', 'listItem', 'blockquote', 'table', 'tableRow', 'footnoteDefinition'])

/**
 * Text of a block with its child blocks and hard breaks on separate lines, as a browser lays
 * them out (a callout's bold title stands apart from the line under it).
 */
function blockText(node: Nodes): string {
  if (node.type === 'break') return '\n'
  if (!('children' in node)) return plainText(node)
  const separator = blockParents.has(node.type) ? '\n' : ''
  return (node.children as Nodes[]).map(blockText).join(separator)
}
