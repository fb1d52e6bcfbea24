/** Sentences of a paragraph weighed: the first few (topic sentences come early). */
export const maxCandidates = 6

export interface Candidate {
  /** The sentence as written. */
  text: string
  /** Its terms' weight in the chapter (terms.ts). */
  weight: number
}

// Openers that point back at what came before: the sentence needs its neighbours.
const anaphoric = /^(it|this|that|these|those|they|he|she|here|there|such|which|its|their)\b/i

/**
 * The sentence that carries a paragraph's idea: the weightiest by the chapter's own terms,
 * after penalties for sentences that cannot stand alone (pointing back, a lead-in ending in a
 * colon, a fragment). The first sentence, a paragraph's usual topic sentence, breaks ties.
 * `quality` scales each sentence by how well it compresses (1 when it needs no cut).
 */
export function pickSentence(candidates: Candidate[], quality: (index: number) => number = () => 1): number {
  let best = 0
  let bestScore = -Infinity
  candidates.slice(0, maxCandidates).forEach((candidate, index) => {
    const words = candidate.text.split(/\s+/).filter(Boolean).length
    let score = candidate.weight * (index === 0 ? 1.25 : 1)
    if (anaphoric.test(candidate.text)) score *= 0.6
    if (/:\s*$/.test(candidate.text)) score *= 0.6
    if (/\?\s*$/.test(candidate.text)) score *= 0.8
    if (words < 4) score *= 0.4
    // A sentence that fits as it is beats one that must lose half its words.
    if (words > 16) score *= Math.sqrt(16 / words)
    score *= quality(index)
    if (score > bestScore + 1e-9) {
      best = index
      bestScore = score
    }
  })
  return best
}
