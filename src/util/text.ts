// Sentence and word helpers that also work for CJK text, which has no spaces between words.

const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/g
const abbreviations = /\b(?:e\.g|i\.e|etc|vs|cf|approx|Mr|Mrs|Ms|Dr|Prof|Inc|Ltd|No|Fig|Eq|Sec)\.$/i

/** Words as a reader counts them: CJK characters count as half a word each. */
export function wordCount(text: string): number {
  const cjkChars = text.match(cjk)?.length ?? 0
  const latin = text.replace(cjk, ' ').split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
  return latin + Math.ceil(cjkChars / 2)
}

/** Display width in "average Latin characters": CJK glyphs are about two wide. */
export function displayLength(text: string): number {
  return text.length + (text.match(cjk)?.length ?? 0)
}

/** Splits prose into sentences at . ! ? (and CJK full stops), not after common abbreviations. */
export function splitSentences(text: string): string[] {
  const out: string[] = []
  let start = 0
  const boundary = /([.!?…]["'”’)\]]*)(\s+)(?=["“'‘(\[]?[\p{Lu}\p{N}\p{Lo}])|([。！？])/gu
  for (const match of text.matchAll(boundary)) {
    const end = match.index + (match[1] ?? match[3]).length
    const candidate = text.slice(start, end)
    if (match[1] && (abbreviations.test(candidate) || /\b\p{Lu}\.$/u.test(candidate))) continue
    if (candidate.trim()) out.push(candidate.trim())
    start = end
  }
  const rest = text.slice(start).trim()
  if (rest) out.push(rest)
  return out
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
