import type { RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { Slide } from '../types.js'

const zeroWidthSpace = '\u200b'

/**
 * What the speaker sees for a slide: its cue lines (the point of each bullet, label or
 * callout, one line each), then every note it carries, word for word.
 */
export function notesOf(slide: Slide): string[] {
  const cues = cuesOf(slide)
  return [...(cues.length ? [cues.map((cue) => `• ${cue}`).join('\n')] : []), ...spokenNotes(slide)]
}

/** The prose a slide's notes carry: its own, then that of the blocks placed on it. */
export function spokenNotes(slide: Slide): string[] {
  const notes = [...slide.notes]
  for (const child of slide.children) {
    visit(child as RootContent, (node) => {
      if ('data' in node && node.data && 'notes' in node.data && Array.isArray(node.data.notes)) notes.push(...node.data.notes)
    })
  }
  return notes.filter((note) => note.trim())
}

/** The cue lines of the bullets, labels and callouts on a slide, in order. */
export function cuesOf(slide: Slide): string[] {
  const cues: string[] = []
  for (const child of slide.children) {
    visit(child as RootContent, (node) => {
      const cue = 'data' in node ? node.data?.cue : undefined
      if (cue?.trim()) cues.push(cue.replace(/\s+/g, ' ').trim())
    })
  }
  return cues
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
