import type { Nodes, Root } from 'mdast'

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
  return sentencesOf(sourceTexts(tree))
}

/** The chapter's prose blocks as plain text, one per paragraph, heading or table cell. */
export function sourceTexts(tree: Root): Sentence[] {
  const texts: Sentence[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      texts.push({ text: plainText(node), line: node.position?.start.line })
      return
    }
    if (node.type === 'code') return
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return texts
}

/** Prose blocks cut into sentences; fragments of fewer than three words do not count. */
export function sentencesOf(texts: Sentence[]): Sentence[] {
  return texts
    .flatMap(({ text, line }) => text.split(/(?<=[.!?])\s+/).map((sentence) => ({ text: sentence, line })))
    .filter((sentence) => normalize(sentence.text).split(' ').length >= 3)
}

/**
 * A node's text as its words are matched: raw HTML left out (it is markup, never shown as
 * written), math set apart by spaces so a formula never fuses with the word beside it (CJK
 * prose writes both without a space between).
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'html':
      return ''
    case 'break':
      return '\n'
    case 'inlineMath':
    case 'math':
      return ` ${node.value} `
    case 'image':
    case 'imageReference':
      return node.alt ?? ''
    default:
      if ('value' in node) return node.value
      return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : ''
  }
}
