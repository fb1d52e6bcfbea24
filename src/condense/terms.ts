import type { TaggedSentence } from './nlp.js'

const contentTags = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ'])
const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/

/** The content words of tagged English text, as lemmas. */
export function englishTerms(sentence: TaggedSentence): string[] {
  return sentence.tokens.filter((token) => contentTags.has(token.pos) && token.lemma.length > 2).map((token) => token.lemma)
}

/** Words of any other language: letters runs of 3 or more, and for CJK, character pairs. */
export function plainTerms(text: string): string[] {
  const lower = text.toLowerCase()
  const words = lower.match(/[\p{L}\p{N}]{3,}/gu)?.filter((word) => !cjk.test(word)) ?? []
  const pairs: string[] = []
  for (const run of lower.match(new RegExp(`${cjk.source}+`, 'g')) ?? []) {
    for (let at = 0; at + 1 < run.length; at++) pairs.push(run.slice(at, at + 2))
  }
  return [...words, ...pairs]
}

/** The chapter's term weights: how often each term occurs in it, damped. */
export function termWeights(terms: string[][]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const list of terms) for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1)
  return new Map([...counts].map(([term, count]) => [term, Math.log(1 + count)]))
}

/** A sentence's weight: its distinct terms' weights, per square root of its length. */
export function sentenceWeight(terms: string[], weights: Map<string, number>): number {
  if (!terms.length) return 0
  const total = [...new Set(terms)].reduce((sum, term) => sum + (weights.get(term) ?? 0), 0)
  return total / Math.sqrt(terms.length)
}
