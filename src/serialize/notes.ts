import type { RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { Slide } from '../types.js'

const zeroWidthSpace = '\u200b'

/** Every note a slide carries: its own, then those of the blocks placed on it. */
export function notesOf(slide: Slide): string[] {
  const notes = [...slide.notes]
  for (const child of slide.children) {
    visit(child as RootContent, (node) => {
      if ('data' in node && node.data && 'notes' in node.data && Array.isArray(node.data.notes)) notes.push(...node.data.notes)
    })
  }
  return notes.filter((note) => note.trim())
}

/**
 * Makes note text safe inside one HTML comment that Marp reads as a presenter note:
 * comment delimiters are broken with an invisible space, and any line that YAML could read
 * as `key: value` gets one before its colon, so Marp never takes a note for a directive.
 */
export function escapeNote(text: string): string {
  return text
    .replace(/--+>/g, (match) => match.slice(0, -1) + zeroWidthSpace + '>')
    .replace(/<!--/g, '<!' + zeroWidthSpace + '--')
    .replace(/^(\s*["']?[^\s:"']+["']?)(\s*:)(?=\s|$)/gm, `$1${zeroWidthSpace}$2`)
    .replace(/\r\n?/g, '\n')
}

/** One notes comment for the slide. */
export function notesComment(notes: string[]): string {
  return `<!--\n${notes.map(escapeNote).join('\n\n')}\n-->`
}
