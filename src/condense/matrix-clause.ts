import { drop, kept, lower, type Draft } from './draft.js'
import { startsClause } from './rules.js'

const matrixSubjects = new Set(['it', "it's", 'i', 'we', 'you', 'there', "there's"])
// "A final reason Rust doesn't allow … is that indexing operations …": what the subject names
// is the clause after "is that".
const namingHeads = new Set(['reason', 'problem', 'point', 'idea', 'issue', 'answer', 'result', 'difference', 'catch', 'trick', 'advantage', 'benefit', 'downside', 'drawback', 'key', 'truth', 'upshot', 'lesson', 'rule', 'goal', 'hope', 'assumption', 'insight'])
const denials = new Set(['not', "n't", 'never', 'false', 'untrue', 'wrong', 'myth', 'unlikely', 'doubtful'])

/**
 * "It's likely no surprise to readers that most applications …", "We know that X …": the
 * clause after "that" carries the idea. Never past a denial ("It is not true that …").
 */
export function dropMatrixClause(draft: Draft): boolean {
  const indices = kept(draft)
  if (namedClause(draft, indices)) return true
  if (!matrixSubjects.has(lower(draft.tokens[indices[0]]))) return false
  const that = indices.findIndex((index, at) => at > 1 && at < 10 && lower(draft.tokens[index]) === 'that')
  if (that < 0) return false
  const before = indices.slice(0, that).map((index) => lower(draft.tokens[index]))
  if (before.some((word, at) => denials.has(word) || word === ',' || (word === 'no' && !/^(?:surprise|doubt|secret|wonder)$/.test(before[at + 1] ?? '')))) return false
  if (!startsClause(draft, indices.slice(that + 1))) return false
  drop(draft, indices[0], indices[that] + 1)
  return true
}

/** "The reason … is that S", "The problem was that S": S alone, when the subject names it. */
function namedClause(draft: Draft, indices: number[]): boolean {
  const at = indices.findIndex((index, position) => position > 1 && ['is', 'was'].includes(lower(draft.tokens[index])) && lower(draft.tokens[indices[position + 1]]) === 'that')
  if (at < 0 || !indices.slice(0, 4).some((index) => namingHeads.has(draft.tokens[index].lemma))) return false
  if (!startsClause(draft, indices.slice(at + 2))) return false
  drop(draft, indices[0], indices[at + 1] + 1)
  return true
}
