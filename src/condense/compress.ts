import { clauseCuts, dangles, dropLeadingClause, isNegation, startsClause } from './rules.js'
import { dropAppositives, dropHedges, dropMarkers, dropParentheticals, dropTrailingAdverbials } from './steps.js'
import { boundary, drop, finite, fork, kept, lower, wordsKept, type Draft } from './draft.js'
import { complete } from './complete.js'
import { relative } from './main-clause.js'
import { headline } from './headline.js'
import { dropMatrixClause } from './matrix-clause.js'
import type { Token } from './nlp.js'

export interface CompressOptions {
  /** Words a bullet aims for. */
  target: number
  /** The chapter's term weights, by lemma: how much of the sentence's content a cut keeps. */
  weights: Map<string, number>
}

// Each step shortens the sentence a little, keeping its sense: asides, trailing time words,
// hedges and appositives. They apply one by one while the sentence is over its target.
const steps = [dropParentheticals, dropTrailingAdverbials, dropHedges, dropAppositives]

/**
 * Compresses one English sentence into a bullet. Openers ("Of course,") always go; then each
 * further step, each cut of a trailing clause and the core clause make candidates, and the
 * candidate that keeps most of the sentence's weight within about `target` words wins. Only
 * complete candidates count: a finite clause, no verb cut from its object, no clause left open,
 * no function word or colon at the end. With none, the weightiest noun phrase is the headline.
 */
export function compressEnglish(input: Draft, options: CompressOptions): Compressed {
  const draft = fork(input)
  dropMarkers(draft)
  for (const step of steps) if (wordsKept(draft) > options.target) step(draft)
  // The sentence as the steps left it: tidying the candidates below changes `draft` itself.
  const written = fork(draft)
  const withoutOpening = fork(draft)
  const states = dropLeadingClause(withoutOpening) ? [draft, withoutOpening] : [draft]
  const withoutMatrix = fork(draft)
  if (dropMatrixClause(withoutMatrix)) states.push(withoutMatrix)
  const shortened = states.flatMap((state) => [state, ...shortSubject(state)])
  const candidates = shortened.flatMap((state) => [state, ...trailingCuts(state), ...core(state)]).map((candidate) => (tidy(candidate), candidate))
  const total = weightOf(input, input.keep, options.weights)
  let best: Draft | undefined
  let bestScore = -Infinity
  for (const candidate of candidates) {
    const value = score(candidate, total, options)
    // complete() is the costlier test: only for a candidate that would win.
    if (value > bestScore && complete(candidate)) [best, bestScore] = [candidate, value]
  }
  // A sentence that already fits, where the tagger found no clause ("All four types of loop
  // support …", "support" read as a noun), stays as written: a headline would change its sense.
  if (!best && wordsKept(written) <= options.target && wordsKept(written) >= 3) {
    const whole = fork(written)
    tidy(whole, { words: false })
    return { draft: whole, quality: 0.8 }
  }
  const fallback = headline(input, options.weights)
  // A headline of a word or two says nothing: a long but whole sentence is better.
  const useful = wordsKept(fallback) >= 3
  // A whole clause a little over the target says more than any noun phrase of it.
  const sayable = best && wordsKept(best) <= options.target + 8
  if (useful && (!best || (!sayable && bestScore < score(fallback, total, options) - 0.35))) return { draft: fallback, quality: 0.4 }
  if (best) return { draft: best, quality: Math.max(0.3, Math.min(1, bestScore)) }
  // Never an empty bullet: if the steps left no word, the sentence as written.
  const whole = fork(wordsKept(written) ? written : input)
  tidy(whole, { words: false })
  return { draft: whole, quality: 0.3 }
}

export interface Compressed {
  draft: Draft
  /** How much of the sentence survives, 0..1; low for a headline. */
  quality: number
}

function score(draft: Draft, total: number, { target, weights }: CompressOptions): number {
  const words = wordsKept(draft)
  let value = total > 0 ? weightOf(draft, draft.keep, weights) / total : 1
  if (words > target) value -= 0.1 * (words - target)
  if (words > target + 4) value -= 1
  if (words < 5) value -= 0.12 * (5 - words)
  return value
}

/** The weight of the distinct content words kept; code counts as a weighty word. */
function weightOf(draft: Draft, keep: boolean[], weights: Map<string, number>): number {
  const seen = new Set<string>()
  let sum = 0
  draft.tokens.forEach((token, index) => {
    if (!keep[index] || seen.has(token.lemma)) return
    seen.add(token.lemma)
    sum += draft.atom[index] >= 0 ? 1 : weights.get(token.lemma) ?? 0
  })
  return sum
}

/** The draft cut before each place a trailing clause may start. */
function trailingCuts(draft: Draft): Draft[] {
  return clauseCuts(draft).map((cut) => {
    const trial = fork(draft)
    drop(trial, cut, trial.tokens.length)
    return trial
  })
}

/**
 * A long subject cut to its head: "The number of tools to manage containers, the various
 * addons … keeps growing" → "The number of tools keeps growing".
 */
function shortSubject(draft: Draft): Draft[] {
  const indices = kept(draft)
  // The sentence's first finite verb is the main one; a subject of six words or more is long.
  const verb = indices.findIndex((index, at) => finite(draft, index, indices[at - 1]))
  if (verb < 6) return []
  // "In April 2012, after a talk, I was invited …": the phrases before the subject go, not the subject.
  if (['ADP', 'SCONJ'].includes(draft.tokens[indices[0]].pos)) return frontedPhrases(draft, indices)
  // "To see the hosts for which …, open …": a purpose phrase, not a subject.
  if (lower(draft.tokens[indices[0]]) === 'to') return []
  const head = indices.findIndex((index, at) => {
    if (at < 2 || at >= verb) return false
    const token = draft.tokens[index]
    const next = draft.tokens[indices[at + 1]]
    // "the hoisting metaphor": a participle after an article modifies the noun after it.
    const modifier = ['DET', 'ADP'].includes(draft.tokens[indices[at - 1]].pos)
    return token.text === ',' || token.pos === 'SCONJ' || relative.has(lower(token)) || (lower(token) === 'to' && next?.pos === 'VERB') || (token.pos === 'VERB' && /(?:ing|ed)$/i.test(token.text) && !modifier)
  })
  // "The real reason I | bring up …": a pronoun opens a clause inside the subject; it stays whole.
  if (head < 0 || !boundary(draft, indices[head]) || draft.tokens[indices[head - 1]].pos === 'PRON') return []
  // "The parser, which runs in …, scans …": the first verb is the relative clause's; the main one comes after.
  const relativeHead = [head, head + 1].some((at) => relative.has(lower(draft.tokens[indices[at]])))
  const main = relativeHead ? indices.findIndex((index, at) => at > verb && finite(draft, index, indices[at - 1])) : verb
  if (main < 0) return []
  // "Not unlike X, which …, the render process has …": a new subject after the clause; no cut.
  const close = relativeHead ? indices.slice(0, main).findLastIndex((index) => draft.tokens[index].text === ',') : -1
  if (close > verb && indices.slice(close + 1, main).some((index) => ['NOUN', 'PROPN', 'PRON', 'DET'].includes(draft.tokens[index].pos))) return []
  const trial = fork(draft)
  drop(trial, indices[head], indices[main])
  return [trial]
}

/** The sentence from its subject on, when phrases before a comma open it. */
function frontedPhrases(draft: Draft, indices: number[]): Draft[] {
  // The first comma after which a main clause starts: "To most users, the DNS, TCP and SSL
  // delays are …"; "In addition to accounting for where code resides, the global scope is …".
  const comma = indices.findIndex((index, at) => at > 0 && draft.tokens[index].text === ',' && !opensSubordinate(draft.tokens[indices[at + 1]]) && startsClause(draft, indices.slice(at + 1)))
  if (comma < 1) return []
  const trial = fork(draft)
  drop(trial, indices[0], indices[comma] + 1)
  return [trial]
}

/** "…, which …", "…, and …": what follows the comma hangs on the clause before it. */
function opensSubordinate(token: Token | undefined): boolean {
  return !token || token.pos === 'CCONJ' || relative.has(lower(token)) || ['when', 'what', 'how', 'why', 'whether', 'if', 'whatever', 'whoever', 'wherever', 'whichever', 'however'].includes(lower(token))
}

/** Subject, verb group and the first noun phrase after it. */
function core(draft: Draft): Draft[] {
  const indices = kept(draft)
  const verb = indices.findIndex((index, at) => at > 0 && finite(draft, index, indices[at - 1]))
  if (verb < 0) return []
  let at = verb
  while (at + 1 < indices.length && ['VERB', 'AUX', 'PART', 'ADV'].includes(draft.tokens[indices[at + 1]].pos)) at++
  let noun = false
  for (at += 1; at < indices.length; at++) {
    const token = draft.tokens[indices[at]]
    const nominal = ['NOUN', 'PROPN', 'NUM', 'PRON'].includes(token.pos) || draft.atom[indices[at]] >= 0
    // "a picture | of what we expect": a clause follows, and the phrase ends before it.
    if (noun && lower(token) === 'of' && /^(?:what|how|which|who|whom|whether|why)$/i.test(draft.tokens[indices[at + 1]]?.text ?? '')) break
    // "the construction of a pipeline": "of" binds its noun phrase.
    if (noun && lower(token) === 'of') {
      noun = false
      continue
    }
    // "one or more operands": the number's phrase goes on.
    if (token.pos === 'CCONJ' && draft.tokens[indices[at - 1]].pos === 'NUM') {
      noun = false
      continue
    }
    if (noun && !nominal) break
    noun ||= nominal
  }
  // Only at a space: never inside "code-generation".
  if (at >= indices.length || !/\s/.test(draft.text[draft.tokens[indices[at]].start - 1] ?? ' ')) return []
  const trial = fork(draft)
  drop(trial, indices[at], trial.tokens.length)
  return [trial]
}


/**
 * Punctuation left at either end goes, and words the bullet may not end on; a sentence kept as
 * written (`words: false`) keeps its words ("… the scope it may be accessed from").
 */
export function tidy(draft: Draft, { words = true } = {}): void {
  const edge = /^(?:[,;:\-–—(]|-{2,}|\.+|…)$/
  for (let guard = 0; guard < 8; guard++) {
    const indices = kept(draft)
    const first = indices[0]
    const last = indices[indices.length - 1]
    if (first === undefined) return
    if ((edge.test(draft.tokens[first].text) || draft.tokens[first].pos === 'CCONJ') && draft.atom[first] < 0) drop(draft, first, first + 1)
    else if (edge.test(draft.tokens[last].text) && draft.atom[last] < 0) drop(draft, last, last + 1)
    else if (words && indices.length > 3 && dangles(draft) && draft.atom[last] < 0 && !isNegation(draft.tokens[last])) drop(draft, last, last + 1)
    // "… before Prettier, not" (after "after" went): the contrast goes with its comma.
    else if (isNegation(draft.tokens[last]) && draft.tokens[indices[indices.length - 2]]?.text === ',') drop(draft, indices[indices.length - 2], last + 1)
    else break
  }
  // Two marks in a row, as a removed aside leaves: the first goes.
  kept(draft).forEach((index, at, indices) => {
    const next = draft.tokens[indices[at + 1]]
    if (next && /^[,;]$/.test(draft.tokens[index].text) && /^[,;.:!?)]$/.test(next.text)) draft.keep[index] = false
  })
  agreeArticles(draft)
}

/** "a" or "an", as the word now after it needs. */
function agreeArticles(draft: Draft): void {
  kept(draft).forEach((index, at, indices) => {
    const word = lower(draft.tokens[index])
    const next = draft.tokens[indices[at + 1]]
    if ((word !== 'a' && word !== 'an') || !next || indices[at + 1] === index + 1) return
    const article = /^[aeiou]/i.test(next.text) && !/^(uni|use|usu|one|eu)/i.test(next.text) ? 'an' : 'a'
    const text = draft.tokens[index].text
    if (article !== word) draft.replace.set(index, text[0] === text[0].toUpperCase() ? 'A' + article.slice(1) : article)
  })
}
