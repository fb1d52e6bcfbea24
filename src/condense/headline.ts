import { fork, isWord, kept, type Draft } from './draft.js'

/**
 * A headline for a sentence no cut can shorten well: its weightiest noun phrase by the
 * chapter's term weights, with the phrase it governs ("tools for X"), code and links whole.
 */
export function headline(input: Draft, weights: Map<string, number>): Draft {
  const { tokens } = input
  const chunks: [number, number][] = []
  for (let at = 0; at < tokens.length; at++) {
    let end = at
    while (end < tokens.length && (['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(tokens[end].pos) || input.atom[end] >= 0)) end++
    if (end > at && (['NOUN', 'PROPN'].includes(tokens[end - 1].pos) || input.atom[end - 1] >= 0)) chunks.push([at, end])
    at = end
  }
  const weight = ([from, to]: [number, number]) => tokens.slice(from, to).reduce((sum, token) => sum + (weights.get(token.lemma) ?? 0), 0)
  const best = chunks.reduce<[number, number] | undefined>((top, chunk) => (!top || weight(chunk) > weight(top) ? chunk : top), undefined)
  const draft = fork(input)
  if (!best) return draft
  let [from, to] = best
  const next = chunks.find(([start]) => start === to + 1 && tokens[to].pos === 'ADP')
  if (next && next[1] - from <= 8) to = next[1]
  // Atoms (a link's text, code) are kept whole.
  while (from > 0 && input.atom[from] >= 0 && input.atom[from - 1] === input.atom[from]) from--
  while (to < tokens.length && input.atom[to] >= 0 && input.atom[to] === input.atom[to - 1]) to++
  draft.keep = tokens.map((_, index) => index >= from && index < to)
  return kept(draft).some((index) => isWord(tokens[index])) ? draft : fork(input)
}
