import { finite, lower, type Draft } from './draft.js'

/** Words that open a relative clause, and words that open a subordinate one. */
export const relative = new Set(['which', 'who', 'whom', 'whose', 'that', 'where'])
export const subordinators = new Set(['if', 'when', 'while', 'whereas', 'although', 'though', 'because', 'since', 'unless', 'until', 'once', 'whenever', 'wherever', 'after', 'before', 'whatever', 'whoever', 'whichever'])
// "as" too, though it opens a clause only in front: "As the role has no duties, …".
const opensClause = (word: string) => subordinators.has(word) || word === 'as'

const whole = new WeakMap<Draft['tokens'], boolean>()

/**
 * Whether a cut lost the sentence's main clause: only a sentence that has one needs to keep it
 * (a list item "Having confirmation that …" is a phrase as written).
 */
export function lostMainClause(draft: Draft, indices: number[]): boolean {
  if (/ing$/i.test(draft.tokens[0]?.text ?? '')) return false
  let had = whole.get(draft.tokens)
  if (had === undefined) whole.set(draft.tokens, (had = hasMainClause(draft, draft.tokens.map((_, index) => index))))
  return had && !hasMainClause(draft, indices)
}

/**
 * Whether the kept words hold a main clause, not only subordinate ones: each clause opened by
 * a relative word after a noun or comma ("a reference that appears …") or a subordinator with its subject
 * ("if any identifier came …") takes one verb, and one verb must be left for the main clause.
 * "Any variable reference that appears in the scope where it was declared" has none left.
 */
export function hasMainClause(draft: Draft, indices: number[]): boolean {
  const heads = indices.map((index, at) => verbHead(draft, indices, at))
  const words = indices.map((index) => lower(draft.tokens[index]))
  const openers = indices.map((index, at) => {
    const token = draft.tokens[index]
    const relativeWord = relative.has(words[at]) && (['NOUN', 'PROPN'].includes(draft.tokens[indices[at - 1]]?.pos ?? '') || words[at - 1] === ',') && token.pos !== 'DET'
    // The tagger reads "when" as an adverb as often as not: counted where it opens a part.
    const fronted = at === 0 || [',', 'and', 'but'].includes(words[at - 1])
    // "as" opens a clause only in front ("As the role has no duties, …"); else it compares.
    const subordinate = words[at] === 'as' ? fronted : token.pos === 'SCONJ' || token.pos === 'ADP' || (token.pos === 'ADV' && fronted && ['when', 'whenever'].includes(words[at]))
    return relativeWord || (opensClause(words[at]) && subordinate)
  })
  let opened = 0
  openers.forEach((opener, at) => {
    if (!opener) return
    // A participle after it is no clause: "when used as statements", "unless explicitly designated".
    let next = at + 1
    while (draft.tokens[indices[next]]?.pos === 'ADV') next++
    if (draft.tokens[indices[next]]?.pos === 'VERB' && /(?:ed|en|ing)$/i.test(words[next] ?? '')) {
      heads[next] = false
      return
    }
    // It takes a verb only if one follows in its own part ("As a result, …" takes none).
    for (let after = at + 1; after < indices.length && words[after] !== ','; after++) {
      if (heads[after]) {
        opened++
        return
      }
    }
  })
  return heads.filter(Boolean).length > opened
}

/** Whether the kept word at `at` starts a verb group: "will be labeled", "was not declared" count once. */
function verbHead(draft: Draft, indices: number[], at: number): boolean {
  if (!finite(draft, indices[at], indices[at - 1])) return false
  const before = draft.tokens[indices[at - 1]]
  // "or appears in …": a verb joined to the last shares its clause.
  // A modal after a verb starts a new group: "where it was declared | will be labeled".
  if (['AUX', 'PART', 'CCONJ'].includes(before?.pos ?? '') || (before?.pos === 'VERB' && draft.tokens[indices[at]].pos !== 'AUX')) return false
  const twoBefore = draft.tokens[indices[at - 2]]
  if (before?.pos === 'ADV' && ['AUX', 'VERB'].includes(twoBefore?.pos ?? '')) return false
  // "any deeper nested scopes", "the compiled code": a participle that modifies a noun.
  const modifier = ['DET', 'ADJ', 'ADP', 'NUM'].includes(before?.pos ?? '') || (before?.pos === 'ADV' && !['NOUN', 'PROPN', 'PRON'].includes(twoBefore?.pos ?? ''))
  return !(/ed$/i.test(draft.tokens[indices[at]].text) && modifier)
}

/**
 * Whether a cut took a clause's opening word but left its verb: "When building HTML [using …,
 * If `dollarmath`] is enabled", "The attributes [that have] meaning …". A dropped run that holds
 * a subordinator or relative word must not end right before a kept verb.
 */
export function orphansVerb(draft: Draft): boolean {
  let opener = false
  for (let index = 0; index < draft.tokens.length; index++) {
    const token = draft.tokens[index]
    if (!draft.keep[index]) {
      opener ||= token.pos === 'SCONJ' || opensClause(lower(token)) || (relative.has(lower(token)) && token.pos !== 'DET')
      continue
    }
    // A run that ends on its comma was a whole clause: "[If you're unsure of the path,] add …".
    const whole = draft.tokens[index - 1]?.pos === 'PUNCT'
    // Its verb as the sentence has it: "[that have] meaning" is one, "[Note that] changing …" none.
    if (opener && !whole && finite(draft, index, index - 1)) return true
    opener = false
  }
  return false
}
