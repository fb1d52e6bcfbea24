import { boundary, drop, finite, isWord, kept, lower, type Draft } from './draft.js'
import type { Token } from './nlp.js'
import { isSpacedDash } from './steps.js'

const clauseOpeners = new Set(['which', 'who', 'whom', 'whose', 'where', 'while', 'whereas', 'although', 'though', 'because', 'since', 'unless', 'until', 'so', 'as', 'when', 'whether', 'if', 'but', 'and', 'or', 'yet', 'making', 'allowing', 'leading', 'giving', 'letting', 'meaning', 'including', 'such', 'like', 'especially', 'e.g.', 'i.e.', 'due', 'thanks', 'unlike', 'with', 'without', 'instead', 'rather', 'even', 'via', 'using', 'from'])

const complementOpeners = new Set(['if', 'whether', 'that', 'what', 'how', 'why', 'whom'])

/**
 * Places where a trailing clause or phrase may be cut off: before a comma, semicolon or dash,
 * a subordinating or coordinating conjunction, a relative pronoun or an example list.
 */
export function clauseCuts(draft: Draft): number[] {
  const indices = kept(draft)
  return indices.filter((index, at) => {
    if (at < 3 || !boundary(draft, index)) return false
    const token = draft.tokens[index]
    const word = lower(token)
    if ([',', ';', ':'].includes(token.text)) return !inEnumeration(draft, indices, at)
    if (isSpacedDash(draft, index)) return true
    // Never inside a word: "code-generation", "Kubernetes-specific".
    if (!/\s/.test(draft.text[token.start - 1] ?? ' ')) return false
    const previous = draft.tokens[indices[at - 1]]
    const afterNoun = ['NOUN', 'PROPN'].includes(previous.pos)
    // "… tools that manage …": a relative clause after a noun; "… projects running inside …",
    // "… a controller used to …": a participle phrase after one.
    if (afterNoun && ['that', 'which', 'who', 'where'].includes(word)) return true
    // "… not clear if …", "… know that …": a clause the sentence needs, not one it can lose.
    if (complementOpeners.has(word)) return false
    const next = draft.tokens[indices[at + 1]]
    // "… are transparent and are negotiated …": a second verb group.
    if ((word === 'and' || word === 'or') && next?.pos === 'AUX' && previous.pos !== 'AUX' && ['VERB', 'AUX'].some((pos) => indices.slice(0, at).some((index) => draft.tokens[index].pos === pos))) return true
    // "one or more operands", "new and old": the words on both sides make one phrase.
    if (token.pos === 'CCONJ' && ['NUM', 'DET', 'ADJ'].includes(previous.pos)) return false
    if (token.pos === 'SCONJ' || (token.pos === 'CCONJ' && startsClause(draft, indices.slice(at + 1)))) return true
    // "… reduce CPU use and minimize bandwidth …": a second predicate; "… by tracking …": the means.
    if ((word === 'and' || word === 'or') && next?.pos === 'VERB' && !/ing$/.test(lower(next)) && previous.pos !== 'AUX') return true
    if (word === 'by' && next && /ing$/.test(lower(next))) return true
    // "… throw hardware at the problem | in the same way …": a trailing phrase after an object.
    if (token.pos === 'ADP' && afterNoun && at >= 5 && !['of', 'to', 'than', 'as'].includes(word) && verbBefore(draft, indices.slice(0, at))) return true
    if (afterNoun && token.pos === 'VERB' && /(?:ing|ed)$/.test(word)) return true
    if (purposeAt(draft, indices, at)) return true
    if (!clauseOpeners.has(word) || !['ADP', 'SCONJ', 'PRON', 'VERB', 'ADV', 'X', 'ADJ'].includes(token.pos) || previous.pos === 'AUX') return false
    // "projects like Calico take …": the phrase sits inside a subject, so the verb comes after it.
    return !verbBeforePause(draft, indices.slice(at + 1))
  })
}

// Verbs whose object the infinitive after it belongs to ("allows Ninja to …"), and nouns that
// take one ("the perfect way to …").
const objectControl = new Set(['allow', 'enable', 'cause', 'want', 'ask', 'tell', 'help', 'force', 'require', 'expect', 'need', 'permit', 'encourage', 'get', 'let', 'lead', 'teach', 'remind', 'invite', 'make', 'prefer', 'like', 'wish', 'choose', 'instruct', 'configure', 'set'])
const infinitiveNouns = new Set(['way', 'ability', 'need', 'attempt', 'decision', 'chance', 'opportunity', 'time', 'effort', 'tendency', 'right', 'reason', 'means', 'place', 'option', 'permission', 'power', 'freedom', 'desire', 'plan', 'goal', 'aim', 'intent', 'intention', 'tool', 'function', 'method', 'command', 'flag', 'setting'])

/**
 * Whether kept word `at` opens a purpose infinitive after an object ("a unique process | to
 * serve a business goal"), which the clause can lose: not after a verb that hands its object
 * the infinitive ("allows Ninja | to …") nor a noun that needs one ("a way | to …").
 */
export function purposeAt(draft: Draft, indices: number[], at: number): boolean {
  const token = draft.tokens[indices[at]]
  const previous = draft.tokens[indices[at - 1]]
  const next = draft.tokens[indices[at + 1]]
  if (lower(token) !== 'to' || !previous || !['NOUN', 'PROPN'].includes(previous.pos) || next?.pos !== 'VERB') return false
  // "inconvenient for humans | to write": the infinitive's own subject, after "for".
  if (infinitiveNouns.has(previous.lemma) || indices.slice(Math.max(0, at - 4), at).some((index) => lower(draft.tokens[index]) === 'for')) return false
  const verb = indices.slice(0, at).findLast((index) => draft.tokens[index].pos === 'VERB')
  return verb !== undefined && !objectControl.has(draft.tokens[verb].lemma) && finite(draft, verb, indices[indices.indexOf(verb) - 1])
}

/** Whether a verb comes before (the phrase then trails a clause, not a subject). */
function verbBefore(draft: Draft, indices: number[]): boolean {
  return indices.some((index) => draft.tokens[index].pos === 'VERB')
}

/** Whether the comma at `at` separates items of a list ("KubeCon, CloudNativeCon, meetups"). */
function inEnumeration(draft: Draft, indices: number[], at: number): boolean {
  if (draft.tokens[indices[at]].text !== ',') return false
  const segment = (from: number, step: number) => {
    const words: number[] = []
    for (let k = from; k >= 0 && k < indices.length; k += step) {
      const token = draft.tokens[indices[k]]
      if (/^[,;:]$/.test(token.text) || token.pos === 'CCONJ') return { words, end: token.text }
      words.push(indices[k])
    }
    return { words, end: '' }
  }
  const short = (words: number[]) => words.length > 0 && words.length <= 3 && !words.some((index) => ['VERB', 'AUX'].includes(draft.tokens[index].pos))
  const next = segment(at + 1, 1)
  const previous = segment(at - 1, -1)
  return (short(next.words) && next.end !== '') || (short(previous.words) && /^[,:]$/.test(previous.end))
}

function verbBeforePause(draft: Draft, indices: number[]): boolean {
  for (const [at, index] of indices.entries()) {
    if (draft.tokens[index].pos === 'PUNCT') return false
    if (finite(draft, index, indices[at - 1])) return true
  }
  return false
}

/** Whether the tokens open a new clause: a subject, then a finite verb within a few words. */
export function startsClause(draft: Draft, indices: number[]): boolean {
  const head = indices.slice(0, 6)
  // An imperative ("make sure …", "use …") is a clause with no subject.
  const first = draft.tokens[head[0]]
  if (first?.pos === 'VERB' && first.lemma === lower(first) && draft.atom[head[0]] < 0) return true
  const subject = head.findIndex((index) => ['PRON', 'NOUN', 'PROPN', 'DET'].includes(draft.tokens[index].pos))
  if (subject < 0 || subject > 1) return false
  if (head.slice(subject + 1).some((index, at, rest) => finite(draft, index, at ? rest[at - 1] : head[subject]))) return true
  // A listed subject: "the DNS, TCP, and SSL delays are …".
  let at = subject + 1
  while (at < Math.min(indices.length, 12) && listed.has(draft.tokens[indices[at]].pos)) at++
  return at < indices.length && finite(draft, indices[at], indices[at - 1])
}

const listed = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'CCONJ', 'PUNCT'])

/**
 * Drops the opening subordinate clause or phrase before the main clause: "When …, X" → "X".
 * Without a comma, the main clause starts where a new subject and its verb do: "When
 * technologies start to offer programs you can tell …" → "You can tell …".
 */
export function dropLeadingClause(draft: Draft): boolean {
  const indices = kept(draft)
  const first = draft.tokens[indices[0]]
  if (!first || !(['SCONJ', 'ADP', 'VERB', 'ADV'].includes(first.pos) || lower(first) === 'to')) return false
  const comma = indices.findIndex((index, at) => at > 1 && at < indices.length * 0.7 && draft.tokens[index].text === ',' && boundary(draft, index))
  // "When you look to …" (the tagger may call "when" an adverb): a clause opens the sentence.
  const subordinate = first.pos === 'SCONJ' || /^(?:when|whenever|if|while|although|though|because|since|unless|once)$/i.test(first.text)
  const main = comma >= 0 ? comma + 1 : subordinate ? mainClauseStart(draft, indices) : -1
  if (main < 0 || !startsClause(draft, indices.slice(main))) return false
  drop(draft, indices[0], indices[main])
  return true
}

/** Where a new clause starts after the first one's verb and object, or -1. */
function mainClauseStart(draft: Draft, indices: number[]): number {
  const verb = indices.findIndex((index, at) => at > 0 && finite(draft, index, indices[at - 1]))
  if (verb < 0) return -1
  for (let at = verb + 2; at < indices.length - 2; at++) {
    const token = draft.tokens[indices[at]]
    if (['PRON', 'DET'].includes(token.pos) && !['ADP', 'DET', 'VERB'].includes(draft.tokens[indices[at - 1]].pos) && startsClause(draft, indices.slice(at))) return at
  }
  return -1
}

/** Trailing words a bullet may not end on; "the", "of", "can" … leave it dangling. */
export const danglingWords = new Set(
  'a an the of to in on at by for from with and or but nor as is are was were be been being that which who whose than into onto via its their his her our your my this these those such very more most not no so if when while where because both either each every some any all just only also about over under between through like can could will would should may might must has have had do does did per vs what'.split(' '),
)

const danglingTags = new Set(['ADP', 'DET', 'CCONJ', 'SCONJ', 'AUX'])
const openDegree = new Set(['as', 'most', 'more', 'less', 'least', 'so', 'too'])
const quantities = new Set(['multiple', 'several', 'various', 'numerous', 'many', 'few'])

/**
 * Whether the kept text ends on a word or mark that leaves it incomplete: a function word, a
 * preposition, a colon, or a modifier whose noun was cut off ("this helpful").
 */
export function dangles(draft: Draft): boolean {
  const indices = kept(draft)
  const index = indices[indices.length - 1]
  const last = draft.tokens[index]
  if (!last) return false
  if (/^[,;:(\-–—]$/.test(last.text)) return true
  if (!isWord(last) || draft.atom[index] >= 0) return false
  const before = draft.tokens[indices[indices.length - 2]]
  // "named arguments, positional arguments, or both": a pronoun that closes a list.
  if (['both', 'all', 'either', 'neither'].includes(lower(last)) && before?.pos === 'CCONJ') return false
  if (danglingWords.has(lower(last)) || danglingTags.has(last.pos)) return true
  // "about as pure", "the most pure", "composed of multiple": a comparison or quantity left open.
  const cutWord = draft.keep[index + 1] === false && isWord(draft.tokens[index + 1])
  if (last.pos === 'ADJ' && cutWord && (openDegree.has(lower(before)) || quantities.has(lower(last)))) return true
  // "a picture of what we | expect": a subject pronoun whose verb was cut.
  if (['we', 'i', 'they', 'he', 'she'].includes(lower(last)) && draft.keep[index + 1] === false) return true
  // "a data type specifically | for …": an adverb that qualifies the phrase cut after it.
  const next = draft.tokens[index + 1]
  if (last.pos === 'ADV' && /ly$/i.test(last.text) && (next?.pos === 'ADP' || lower(next) === 'for') && draft.keep[index + 1] === false) return true
  // "as soon | as possible": the comparison's second half was cut.
  if (lower(before) === 'as' && lower(draft.tokens[index + 1]) === 'as' && draft.keep[index + 1] === false) return true
  // "this helpful, but impure trace function": a second modifier before the noun. A compound
  // ("a well-defined, lightweight mechanism") counts as one modifier.
  let start = index
  while (start > 0 && draft.keep[start - 1] && draft.text[draft.tokens[start].start - 1] === '-') start -= 2
  const compound = start < index
  const head = compound ? draft.tokens[draft.keep.lastIndexOf(true, start - 1)] : before
  const modifier = next?.text === ',' && ['CCONJ', 'ADJ'].includes(draft.tokens[index + 2]?.pos ?? '')
  return (last.pos === 'ADJ' || compound) && ['DET', 'ADJ'].includes(head?.pos ?? '') && draft.keep[index + 1] === false && (modifier || ['NOUN', 'PROPN', 'ADJ'].includes(next?.pos ?? ''))
}

/** A negation: a cut may never take it away from the end of a bullet. */
export const isNegation = (token: Token | undefined) => ['not', "n't", 'never', 'no'].includes(lower(token))
