import { toString } from 'mdast-util-to-string'
import type { Slide } from '../types.js'

/** A slide's title as plain text, without any part number. */
export function titleText(slide: Pick<Slide, 'title'>): string {
  return toString({ type: 'paragraph', children: slide.title })
}

/** A slide title from prose: its first words, up to a word it may end on. */
export function titleFromText(text: string): string {
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g)?.length ?? 0
  // CJK has no spaces to count words by: its first clause, when short, else its first characters.
  if (cjk > text.length / 3) {
    const clause = text.replace(/\s+/g, '').split(/[，。、：；！？,.:;!?]/)[0]
    return clause.length <= 20 ? clause : clause.slice(0, 16)
  }
  const words = text.replace(/\s+/g, ' ').trim().split(' ').slice(0, 7)
  while (words.length > 2 && /^(a|an|the|of|to|in|on|at|by|for|from|with|and|or|but|as|is|are|was|were|that|which|this|its|their|our|your|if|when)$/i.test(words[words.length - 1])) words.pop()
  return words.join(' ').replace(/[,;:.!?]+$/, '')
}

