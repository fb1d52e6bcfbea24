import { wordCount } from '../util/text.js'

const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g

/** Characters a CJK bullet aims for; words for other scripts. */
export const cjkBudget = 32

/** How long a text is against its budget: CJK characters, else words. */
export function size(text: string): { used: number; budget: number } {
  const chars = text.match(cjk)?.length ?? 0
  return chars > text.length / 3 ? { used: text.length, budget: cjkBudget } : { used: wordCount(text), budget: 14 }
}

/**
 * The end of a bullet for a sentence in a language we do not parse: the whole sentence when
 * it fits, else the longest prefix that ends at a clause boundary and still fits, else the
 * first whole clause. Never a cut inside a clause, never an ellipsis.
 */
export function clauseEnd(sentence: string, lang: string): number {
  const whole = sentence.replace(/[\s.。．:：,，;；]+$/u, '').length
  const { used, budget } = size(sentence.slice(0, whole))
  if (used <= budget) return whole
  // Japanese separates clauses with 、; Chinese uses it between the items of a list.
  const boundaries = /^ja\b/i.test(lang) ? /[,;:，；：、](?=\s|[^\s\d])|\s[–—]\s/gu : /[,;:，；：](?=\s|[^\s\d])|\s[–—]\s/gu
  const ends = [...sentence.matchAll(boundaries)]
    .map((match) => match.index)
    .filter((end) => end > 0 && end < whole && size(sentence.slice(0, end)).used >= Math.min(4, budget / 4))
  const fitting = ends.filter((end) => size(sentence.slice(0, end)).used <= budget)
  if (fitting.length) return fitting[fitting.length - 1]
  return ends[0] ?? whole
}
