import { drop, hasClause, kept, lower, type Draft } from './draft.js'

// The steps that shorten a sentence a little, keeping its sense (see compress.ts): openers,
// asides, hedges, appositives and trailing time words.
// Sentence openers a slide does without: discourse markers and hedges.
const markers = [
  'first off', 'first of all', 'alternatively', 'in addition', 'additionally', 'of course', 'pretty much', 'finally', 'for example', 'for instance', 'arguably',
  'however', 'also', 'so', 'now', 'then', 'thus', 'therefore', 'hence', 'in particular', 'in fact', 'obviously',
  'basically', 'actually', 'indeed', 'moreover', 'furthermore', 'in other words', 'as a result', 'in short',
  'in general', 'generally', 'typically', 'usually', 'essentially', 'importantly', 'interestingly', 'well', 'ok',
  'okay', 'first', 'second', 'third', 'firstly', 'secondly', 'lastly', 'next', 'similarly', 'likewise',
  'meanwhile', 'anyway', 'after all', 'in practice', 'as such', 'as mentioned before', 'as mentioned earlier',
  'as mentioned above', 'as noted before', 'as noted earlier', 'as noted above', 'as mentioned', 'as you can see',
  'as we saw', 'note that', 'remember that', 'recall that', 'notice that', 'keep in mind that',
  'it is worth noting that', "it's worth noting that", 'clearly', 'simply put', 'that said', 'of note',
  'on the other hand', 'at this point', 'to be fair', 'honestly', 'frankly', 'again', 'and', 'but', 'or',
  'luckily', 'fortunately', 'unfortunately', 'sadly', 'surprisingly', 'naturally', 'ultimately',
  'in the end', 'in summary', 'to summarize', 'overall', 'put simply', 'in this case', 'at the same time',
  'in this chapter', 'in this section', 'subsequently', 'consequently', 'accordingly', 'conversely', 'notably',
  'specifically', 'in turn', 'by contrast', 'in contrast', 'for this reason', 'to this end', 'initially', 'eventually', 'currently',
].map((phrase) => phrase.split(' '))

// Words that only soften or stress what they modify.
const hedges = new Set(['very', 'really', 'quite', 'just', 'simply', 'actually', 'basically', 'undeniably', 'arguably', 'certainly', 'definitely', 'extremely', 'incredibly', 'truly', 'fairly', 'somewhat', 'clearly', 'obviously', 'literally', 'pretty', 'rather', 'surely', 'totally', 'highly', 'especially', 'particularly'])

const trailingAdverbials = [
  'these days', 'nowadays', 'today', 'too', 'as well', 'again', 'already', 'anymore', 'over time', 'by now',
  'in the future', 'in the near future', 'at all', 'for now', 'in practice', 'in general', 'for sure', 'though', 'either',
  'at the moment', 'right now', 'so far', 'for the most part', 'these days', 'at the time',
].map((phrase) => phrase.split(' '))

/** Drops openers such as "Of course," and "In addition", with the comma after them. */
export function dropMarkers(draft: Draft): boolean {
  let changed = false
  for (let guard = 0; guard < 4; guard++) {
    const indices = kept(draft)
    const words = indices.map((index) => lower(draft.tokens[index]))
    // An interjection ("Hey,", "Ah!") goes too.
    const interjection = draft.tokens[indices[0]]?.pos === 'INTJ' && /^[,!]$/.test(draft.tokens[indices[1]]?.text ?? '') ? [words[0]] : undefined
    const match = interjection ?? markers.find((phrase) => phrase.every((word, at) => words[at] === word) && indices.length > phrase.length + 3)
    if (!match) break
    let end = indices[match.length - 1] + 1
    if (/^[,!]$/.test(draft.tokens[end]?.text ?? '')) end += 1
    // "So" or "Then" before a verb is part of the clause ("So far", "Then run it" stays).
    if (match.length === 1 && draft.tokens[end]?.text !== ',' && !hasClause(draft, end)) break
    // "Now that we …", "So that it …": the word opens a subordinate clause; "In addition to X"
    // and "As a result of X" are phrases, not the markers.
    if (match.length === 1 && lower(draft.tokens[end]) === 'that') break
    if (['to', 'of'].includes(lower(draft.tokens[end]))) break
    drop(draft, indices[0], end)
    changed = true
  }
  return changed
}

/** Drops "(…)" asides and " — … — " insertions. */
export function dropParentheticals(draft: Draft): boolean {
  let changed = false
  const { tokens } = draft
  for (let index = 0; index < tokens.length; index++) {
    if (!draft.keep[index] || draft.atom[index] >= 0) continue
    const open = tokens[index].text
    const close = open === '(' ? ')' : open === '[' ? ']' : isSpacedDash(draft, index) ? 'dash' : undefined
    if (!close) continue
    const end = close === 'dash' ? tokens.findIndex((token, at) => at > index && draft.atom[at] < 0 && isSpacedDash(draft, at)) : matching(draft, index, open, close)
    if (end < 0) continue
    // "In (1) the rate …": after a preposition, the brackets hold its object, not an aside;
    // a sentence written in brackets is the sentence.
    const before = index > 0 ? draft.keep.lastIndexOf(true, index - 1) : -1
    if (close !== 'dash' && (before < 0 || tokens[before].pos === 'ADP')) continue
    // "O(1)", "f(x)": brackets against a word are notation, not an aside.
    if (close !== 'dash' && !/\s/.test(draft.text[tokens[index].start - 1] ?? ' ')) continue
    // "[the training loop is the same]": square brackets around a clause mark it, not an aside.
    if (close === ']' && end - index > 4) continue
    // A dash pair only sets off an aside when what is left still reads as a clause.
    if (close === 'dash' && !hasClauseWithout(draft, index, end + 1)) continue
    drop(draft, index, end + 1)
    changed = true
  }
  return changed
}

/** The bracket that closes the one at `index`, past any pair inside it ("(O(1))"). */
function matching(draft: Draft, index: number, open: string, close: string): number {
  let depth = 0
  for (let at = index; at < draft.tokens.length; at++) {
    if (draft.atom[at] >= 0) continue
    if (draft.tokens[at].text === open) depth += 1
    else if (draft.tokens[at].text === close && --depth === 0) return at
  }
  return -1
}

function hasClauseWithout(draft: Draft, from: number, to: number): boolean {
  const keep = draft.keep.map((value, index) => value && (index < from || index >= to))
  return hasClause({ ...draft, keep })
}

export function isSpacedDash(draft: Draft, index: number): boolean {
  const token = draft.tokens[index]
  if (!/^[-–—]+$/.test(token.text)) return false
  // An em dash is one with or without spaces ("reuse—sockets are pooled").
  if (token.text === '—') return true
  const before = draft.text[token.start - 1]
  const after = draft.text[token.end]
  return (before === ' ' || before === undefined) && (after === ' ' || after === undefined)
}

/** Drops hedges and intensifiers ("very", "pretty much", "arguably"). */
export function dropHedges(draft: Draft): boolean {
  let changed = false
  kept(draft).forEach((index, at, indices) => {
    const token = draft.tokens[index]
    if (draft.atom[index] >= 0 || !hedges.has(lower(token)) || !['ADV', 'ADJ'].includes(token.pos)) return
    const next = draft.tokens[indices[at + 1]]
    const before = lower(draft.tokens[indices[at - 1]])
    // "pretty" only as an intensifier, never the last word, and never after a negation:
    // "not just here to stay" is not "not here to stay".
    if (!next || (lower(token) === 'pretty' && !['ADJ', 'ADV'].includes(next.pos))) return
    // "rather than …", "just as …", "even if": the word is half of a phrase.
    if (['than', 'as', 'if', 'though'].includes(lower(next))) return
    // "almost certainly": the hedge is what "almost" qualifies.
    if (['not', "n't", 'never', 'no', 'almost', 'nearly'].includes(before)) return
    drop(draft, index, index + 1)
    changed = true
  })
  return changed
}

/** Drops ", an appositive," after a noun: "VMWare, the virtual machine company, is …". */
export function dropAppositives(draft: Draft): boolean {
  const indices = kept(draft)
  for (let at = 1; at < indices.length; at++) {
    const comma = indices[at]
    if (draft.tokens[comma].text !== ',' || !['NOUN', 'PROPN'].includes(draft.tokens[indices[at - 1]].pos)) continue
    const next = indices.findIndex((index, k) => k > at && draft.tokens[index].text === ',')
    if (next < 0 || next - at > 8 || next - at < 2) continue
    const inner = indices.slice(at + 1, next).map((index) => draft.tokens[index])
    if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(inner[0].pos) || inner.some((token) => ['VERB', 'AUX', 'SCONJ', 'PRON', 'CCONJ'].includes(token.pos))) continue
    // The sentence goes on with its verb after the appositive; a list goes on with a noun.
    const after = draft.tokens[indices[next + 1]]
    if (!after || !['VERB', 'AUX', 'ADV'].includes(after.pos)) continue
    drop(draft, comma, indices[next] + 1)
    return true
  }
  return false
}

/** Drops trailing time words and fillers: "these days", "too", "as well". */
export function dropTrailingAdverbials(draft: Draft): boolean {
  const indices = kept(draft).filter((index) => !/^[.!?]$/.test(draft.tokens[index].text))
  const words = indices.map((index) => lower(draft.tokens[index]))
  const match = trailingAdverbials.find((phrase) => phrase.length < words.length - 3 && phrase.every((word, at) => words[words.length - phrase.length + at] === word))
  if (!match) return false
  const from = indices[indices.length - match.length]
  const previous = draft.tokens[from - 1]
  drop(draft, previous?.text === ',' ? from - 1 : from, indices[indices.length - 1] + 1)
  return true
}
