import type { Deck, Slide } from '../types.js'
import { spokenNotes } from '../serialize/notes.js'
import { wordCount } from '../util/text.js'

/** Spoken words a minute: a calm presenting pace. */
export const wordsPerMinute = 130

/** Minutes a slide takes to present: its notes' prose at speaking pace, with a floor per slide kind. */
export function slideMinutes(slide: Slide): number {
  const floor = slide.kind === 'title' || slide.kind === 'section' || slide.kind === 'closing' ? 0.25 : 0.5
  return Math.max(floor, wordCount(spokenNotes(slide).join(' ')) / wordsPerMinute)
}

/** "~1 min", "~2.5 min", "~45 min": halves below ten minutes, whole minutes above. */
export function formatMinutes(minutes: number): string {
  const rounded = minutes < 10 ? Math.max(0.5, Math.round(minutes * 2) / 2) : Math.round(minutes)
  return `~${rounded} min`
}

export function talkMinutes(deck: Deck): number {
  return deck.children.reduce((sum, slide) => sum + slideMinutes(slide), 0)
}
