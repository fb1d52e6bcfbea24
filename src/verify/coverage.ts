import type { Nodes, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Deck } from '../types.js'
import { notesOf } from '../serialize/notes.js'

export interface Coverage {
  /** Share of the chapter's sentences found on a slide or in its notes. */
  ratio: number
  sentences: number
  /** Sentences found nowhere, with the slide-free text as written. */
  missing: string[]
}

/** Normalised for matching: case, punctuation and spacing do not count. */
export function normalize(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** The chapter's sentences (paragraphs, headings, table cells; not code). */
export function sourceSentences(tree: Root): string[] {
  const texts: string[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      texts.push(toString(node))
      return
    }
    if (node.type === 'code') return
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return texts.flatMap((text) => text.split(/(?<=[.!?])\s+/)).filter((sentence) => normalize(sentence).split(' ').length >= 3)
}

export function slideText(deck: Deck): string[] {
  return deck.children.map((slide) =>
    [
      toString({ type: 'paragraph', children: slide.title }),
      slide.subtitle ? toString({ type: 'paragraph', children: slide.subtitle }) : '',
      slide.image?.alt ?? '',
      ...slide.children.map(blockText),
      ...notesOf(slide),
    ].join('\n'),
  )
}

/** How much of the chapter the deck carries, on slides or in notes. */
export function coverage(source: Root, deck: Deck): Coverage {
  const sentences = sourceSentences(source)
  const hay = ' ' + normalize(slideText(deck).join('\n')) + ' '
  const missing = sentences.filter((sentence) => !hay.includes(' ' + normalize(sentence) + ' '))
  return { ratio: sentences.length ? 1 - missing.length / sentences.length : 1, sentences: sentences.length, missing }
}

const blockParents = new Set(['root', 'list', 'listItem', 'blockquote', 'table', 'tableRow', 'footnoteDefinition'])

/** Text of a block with its child blocks on separate lines, as a browser lays them out. */
function blockText(node: Nodes): string {
  if (!('children' in node)) return toString(node)
  const separator = blockParents.has(node.type) ? '\n' : ''
  return (node.children as Nodes[]).map(blockText).join(separator)
}
