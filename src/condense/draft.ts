import type { Token } from './nlp.js'

/**
 * A sentence being compressed: its tokens, which of them are still kept, and the spans that
 * are kept or dropped whole (inline code, math, link text, quotations).
 */
export interface Draft {
  text: string
  tokens: Token[]
  keep: boolean[]
  /** Atom id of each token, or -1: a cut never falls inside an atom. */
  atom: number[]
  /** Token texts changed on output (an article that must agree with its new neighbour). */
  replace: Map<number, string>
}

export function draftOf(text: string, tokens: Token[], atoms: [number, number][]): Draft {
  const atom = tokens.map((token) => atoms.findIndex(([start, end]) => token.start < end && token.end > start))
  return { text, tokens, keep: tokens.map(() => true), atom, replace: new Map() }
}

export const isWord = (token: Token) => token.pos !== 'PUNCT' && token.pos !== 'SYM'

/** Indices of the tokens still kept, in order. */
export function kept(draft: Draft): number[] {
  // Plain loops: compression asks this thousands of times a chapter.
  const indices: number[] = []
  for (let index = 0; index < draft.keep.length; index++) if (draft.keep[index]) indices.push(index)
  return indices
}

export function wordsKept(draft: Draft): number {
  let words = 0
  for (let index = 0; index < draft.keep.length; index++) if (draft.keep[index] && isWord(draft.tokens[index])) words++
  return words
}

/** Drops tokens [from, to), widened to whole atoms. */
export function drop(draft: Draft, from: number, to: number): void {
  for (let index = from; index < to; index++) {
    draft.keep[index] = false
    const id = draft.atom[index]
    if (id < 0) continue
    for (let at = 0; at < draft.atom.length; at++) if (draft.atom[at] === id) draft.keep[at] = false
  }
}

/** Whether a cut may fall between token index - 1 and index. */
export function boundary(draft: Draft, index: number): boolean {
  return index <= 0 || index >= draft.tokens.length || draft.atom[index] < 0 || draft.atom[index] !== draft.atom[index - 1]
}

/** A copy to try a change on. */
export function fork(draft: Draft): Draft {
  return { ...draft, keep: [...draft.keep], replace: new Map(draft.replace) }
}

export const lower = (token: Token | undefined) => token?.text.toLowerCase() ?? ''

/** Whether the kept tokens in [from, to) read as a clause: a subject and a finite verb. */
export function hasClause(draft: Draft, from = 0, to = draft.tokens.length): boolean {
  const indices = kept(draft).filter((index) => index >= from && index < to)
  const first = draft.tokens[indices[0]]
  const verb = indices.findIndex((index, at) => finite(draft, index, indices[at - 1]))
  // Imperatives ("Use X") have no subject: a verb first, in its base form.
  if (verb === 0 && first.lemma === lower(first)) return true
  // "Given a path, Chrome checks …": a participle first opens a phrase; the clause comes after.
  const main = verb === 0 ? indices.findIndex((index, at) => at > 0 && finite(draft, index, indices[at - 1])) : verb
  // "Caching improves …": a gerund is a subject too.
  const subject = (index: number) => ['NOUN', 'PROPN', 'PRON', 'NUM', 'X'].includes(draft.tokens[index].pos) || draft.atom[index] >= 0 || (draft.tokens[index].pos === 'VERB' && /ing$/i.test(draft.tokens[index].text))
  return main > 0 && indices.slice(verb === 0 ? 1 : 0, main).some(subject)
}

/** A verb that can carry a clause: not "to …", not a bare "-ing" form, not inside "iptables-based". */
export function finite(draft: Draft, index: number, previous?: number): boolean {
  const token = draft.tokens[index]
  if (token.pos !== 'VERB' && token.pos !== 'AUX') return false
  const before = previous === undefined ? undefined : draft.tokens[previous]
  if (before && lower(before) === 'to') return false
  if (draft.text[token.start - 1] === '-' || draft.text[token.end] === '-') return false
  if (token.pos === 'VERB' && /ing$/i.test(token.text)) return before?.pos === 'AUX'
  // "when used well", "if needed": a participle after a subordinator carries no clause.
  if (/ed$/i.test(token.text) && before && (before.pos === 'SCONJ' || ['when', 'if', 'once', 'unless', 'until', 'while', 'though', 'although'].includes(lower(before)))) return false
  return true
}
