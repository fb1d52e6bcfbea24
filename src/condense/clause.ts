import { wordCount } from '../util/text.js'

const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/g

/** Characters a CJK bullet aims for; words for other scripts. */
export const cjkBudget = 32

/** How long a text is against its budget: CJK characters, else words. */
export function size(text: string): { used: number; budget: number } {
  const chars = text.match(cjk)?.length ?? 0
  return chars > text.length / 3 ? { used: text.length, budget: cjkBudget } : { used: wordCount(text), budget: 14 }
}

// Japanese before 、 ends a clause only on a predicate, finished or continuing ("…があります",
// "…を参照し", "…に保管され"); a topic ("プログラムは"), a particle, "but" ("…ですが"), a condition
// or reason ("ので", "時"), a te-form ("において") or a noun ("ポインタと長さ") opens what follows.
const japaneseClauseEnd = /[るただすうつくぬむずんいしきちみりびぎれけせめえべげ]$/u
const japaneseOpeners = /(?:ので|から|ため|なら|のに|より|たり|だり)$/u

// Chinese: a clause that opens with a subordinator ("由于…", "如果…", "当…") or ends as a time or
// condition ("…时", "…的话") leads into the main clause after the comma.
const chineseOpeners = /^(?:由于|因为|如果|假如|若|当|虽然|尽管|即使|为了|只要|除非|一旦|既然|随着|对于)/u
const chineseLeads = /(?:时|的话|之后|以后|之前|以前|情况下)$/u

function opensOnly(head: string, lang: string): boolean {
  const text = head.trim()
  const japanese = /^ja\b/i.test(lang)
  if (!japanese && !/^zh\b/i.test(lang)) return false
  // Inside brackets nothing ends: "(訳注: …)".
  if ((text.match(/[(（]/g)?.length ?? 0) > (text.match(/[)）]/g)?.length ?? 0)) return true
  // A word or two after a colon ("…: ひとたび") is not yet a clause.
  const tail = text.split(/[:：、]/u).pop()!.trim()
  if (japanese) return !japaneseClauseEnd.test(text) || japaneseOpeners.test(text) || tail.length < 5
  // The clause's own words: without what brackets hold ("…情况下（例如，…）") or "i.e." before.
  const clause = text.replace(/[（(][^（()）]*[)）]/gu, '').split(/[，,、：:；;]/u).pop()!.trim().replace(/^(?:即|也就是说?)/u, '')
  return chineseOpeners.test(clause) || chineseLeads.test(clause)
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
    .filter((end) => end > 0 && end < whole && size(sentence.slice(0, end)).used >= Math.min(4, budget / 4) && !opensOnly(sentence.slice(0, end), lang))
  const fitting = ends.filter((end) => size(sentence.slice(0, end)).used <= budget)
  if (fitting.length) return fitting[fitting.length - 1]
  return ends[0] ?? whole
}
