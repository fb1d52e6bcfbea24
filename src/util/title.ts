import { toString } from 'mdast-util-to-string'
import type { Slide } from '../types.js'

/** A slide's title as plain text, without any part number. */
export function titleText(slide: Pick<Slide, 'title'>): string {
  return toString({ type: 'paragraph', children: slide.title })
}

/** A slide title from prose: its first words, up to a word it may end on. */
export function titleFromText(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 7)
  while (words.length > 2 && /^(a|an|the|of|to|in|on|at|by|for|from|with|and|or|but|as|is|are|was|were|that|which|this|its|their|our|your|if|when)$/i.test(words[words.length - 1])) words.pop()
  return words.join(' ').replace(/[,;:.!?]+$/, '')
}

