import type { Nodes, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'

export interface Sentence {
  text: string
  line?: number
}

/** Normalised for matching: case, punctuation and spacing do not count. */
export function normalize(text: string): string {
  return text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** The chapter's sentences (paragraphs, headings, table cells; not code), with their lines. */
export function sourceSentences(tree: Root): Sentence[] {
  const texts: Sentence[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      // Raw HTML is markup, not prose: its text never shows as written on a slide or in a note.
      texts.push({ text: toString(node, { includeHtml: false }), line: node.position?.start.line })
      return
    }
    if (node.type === 'code') return
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return texts
    .flatMap(({ text, line }) => text.split(/(?<=[.!?])\s+/).map((sentence) => ({ text: sentence, line })))
    .filter((sentence) => normalize(sentence.text).split(' ').length >= 3)
}
