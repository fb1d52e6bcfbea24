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
// Sentences that announce what comes rather than say it: "Let's take a look at …".
const signpost = /^(?:(?:first|now|next|so|then),? )?(?:let['’]s|let us|we['’]ll|we will|we['’]re going to|here['’]s|here is|in this (?:chapter|section)|as (?:we|you)['’]ll see)\b/i

/**
 * The sentence that carries a paragraph's idea: the weightiest by the chapter's own terms,
 * after penalties for sentences that cannot stand alone (pointing back, a lead-in ending in a
 * colon, a fragment). The first sentence, a paragraph's usual topic sentence, breaks ties.
 * `quality` scales each sentence by how well it compresses (1 when it needs no cut); it is
 * asked best-first, and only while a sentence could still win, since compressing is the cost.
 */
export function pickSentence(candidates: Candidate[], quality: (index: number) => number = () => 1): number {
  const bases = candidates.slice(0, maxCandidates).map(standing)
  const order = bases.map((_, index) => index).sort((a, b) => bases[b] - bases[a] || a - b)
  const scores: number[] = []
  let top = -Infinity
  for (const index of order) {
    if (bases[index] < top - 1e-9) break
    scores[index] = bases[index] * quality(index)
    top = Math.max(top, scores[index])
  }
  return scores.findIndex((score) => score !== undefined && score >= top - 1e-9)
}

/** A sentence's score before compression: its weight, less what keeps it from standing alone. */
function standing(candidate: Candidate, index: number): number {
  const words = candidate.text.split(/\s+/).filter(Boolean).length
  let score = candidate.weight * (index === 0 ? 1.25 : 1)
  if (anaphoric.test(candidate.text)) score *= 0.6
  if (signpost.test(candidate.text)) score *= 0.5
  if (/:\s*$/.test(candidate.text)) score *= 0.6
  if (/\?\s*$/.test(candidate.text)) score *= 0.8
  if (words < 4) score *= 0.4
  // A sentence that fits as it is beats one that must lose half its words.
  if (words > 16) score *= Math.sqrt(16 / words)
  return score
}
