import { dangles, isNegation, purposeAt, startsClause } from './rules.js'
import { finite, hasClause, isWord, kept, lower, type Draft } from './draft.js'
import { lostMainClause, orphansVerb, relative, subordinators } from './main-clause.js'
import type { Token } from './nlp.js'

/** Whether a candidate reads as a whole: see compressEnglish. */
export function complete(draft: Draft): boolean {
  const indices = kept(draft)
  if (indices.length < 2 || dangles(draft) || !hasClause(draft)) return false
  const lastIndex = indices[indices.length - 1]
  // A cut that took a negation away: "not just here to stay" is not "not".
  if (isNegation(draft.tokens[lastIndex + 1]) && !draft.keep[lastIndex + 1]) return false
  if (cutBreaksPhrase(draft, indices) || cutInside(draft, indices)) return false
  // "Which can be described as …": a relative clause whose noun went; "whatever it may be, is in
  // the container": an aside whose clause went.
  const opener = lower(draft.tokens[indices[0]])
  if (['which', 'who', 'whom', 'whose'].includes(opener) && draft.tokens[lastIndex].text !== '?') return false
  if (indices[0] > 0 && ['whatever', 'whoever', 'however', 'whichever', 'wherever'].includes(opener)) return false
  const text = indices.map((index) => draft.tokens[index].text).join(' ')
  if ((text.match(/\(/g)?.length ?? 0) !== (text.match(/\)/g)?.length ?? 0)) return false
  // "The Blink parser, which runs in the render process": a relative clause, and no main verb.
  const aside = indices.findIndex((index, at) => at > 0 && draft.tokens[indices[at - 1]].text === ',' && relative.has(lower(draft.tokens[index])))
  const mainVerb = indices.slice(0, aside).some((index, at) => finite(draft, index, at ? indices[at - 1] : undefined))
  if (aside > 0 && !mainVerb && !indices.slice(aside + 1).some((index) => draft.tokens[index].text === ',')) return false
  // A subordinate or relative clause opened must have its own verb.
  // ("for storing values": the tagger's "for" may be SCONJ, but a phrase follows, not a clause.)
  // ("of that same color": a determiner after a preposition, not a relative word.)
  const determiner = (index: number, at: number) => draft.tokens[index].pos === 'DET' && draft.tokens[indices[at - 1]].pos === 'ADP'
  // ("figuring out what script": a question word after a verb opens a clause too.)
  // ("how to build systems" is whole: its verb is the infinitive.)
  const afterVerb = (at: number) => draft.tokens[indices[at - 1]].pos === 'VERB' || (particles.has(lower(draft.tokens[indices[at - 1]])) && draft.tokens[indices[at - 2]]?.pos === 'VERB')
  const question = (index: number, at: number) => ['what', 'how', 'whether'].includes(lower(draft.tokens[index])) && afterVerb(at) && lower(draft.tokens[indices[at + 1]]) !== 'to'
  const open = indices.findLastIndex((index, at) => at > 0 && ((draft.tokens[index].pos === 'SCONJ' && lower(draft.tokens[index]) !== 'for') || (relative.has(lower(draft.tokens[index])) && !determiner(index, at)) || question(index, at)))
  if (open >= 0 && !indices.slice(open + 1).some((index, at, rest) => finite(draft, index, at ? rest[at - 1] : undefined))) return false
  if (lostMainClause(draft, indices) || orphansVerb(draft)) return false
  // "…, and on larger projects", "…, and the Project": a second clause cut before its verb (a
  // list's last item, "A, B, and C", has commas before it).
  const joined = indices.findLastIndex((index, at) => draft.tokens[index].pos === 'CCONJ' && draft.tokens[indices[at - 1]]?.text === ',')
  const second = joined < 0 ? [] : indices.slice(joined + 1)
  const verbless = second.length > 0 && !second.some((index, at) => finite(draft, index, second[at - 1]))
  const lastVerb = indices.findLastIndex((index, at) => at < joined && finite(draft, index, indices[at - 1]))
  const listed = indices.slice(lastVerb + 1, joined - 1).some((index) => draft.tokens[index].text === ',')
  if (verbless && (draft.tokens[second[0]].pos === 'ADP' || (!listed && draft.tokens.slice(lastIndex + 1).some((token) => ['VERB', 'AUX'].includes(token.pos))))) return false
  if (pairCut(draft, indices)) return false
  // What follows a colon is a part of its own: three words at least, and whole.
  const colon = indices.findLastIndex((index) => /^[:;]$/.test(draft.tokens[index].text))
  const part = indices.slice(colon + 1)
  const cutAfterColon = colon >= 0 && draft.tokens.slice(lastIndex + 1).some(isWord)
  if (cutAfterColon && part.filter((index) => isWord(draft.tokens[index])).length < 3) return false
  // A part that opens with "If …", "When …" or "In cases where …" needs its main clause after a
  // comma. "Here, since …": an opening adverb and its comma come first.
  const opened = draft.tokens[part[0]]?.pos === 'ADV' && draft.tokens[part[1]]?.text === ',' ? part.slice(2) : part
  if (frontedClause(draft, opened, opened[0] === indices[0])) {
    const comma = opened.findIndex((index) => draft.tokens[index].text === ',')
    if (comma < 0 || !startsClause(draft, opened.slice(comma + 1))) return false
  }
  return true
}

// Words that need a second part: "between A and B", "either A or B", "both A and B".
const pairs: Record<string, string[]> = { between: ['and', '-', '–'], either: ['or'], neither: ['nor'], both: ['and'], whether: ['or'] }

/** Whether the cut took the second part of a pair ("between the Council | as a whole, … and …"). */
function pairCut(draft: Draft, indices: number[]): boolean {
  const lastIndex = indices[indices.length - 1]
  return indices.some((index, at) => {
    const seconds = pairs[lower(draft.tokens[index])]
    // "between teams", "both teams": a plural holds both sides.
    if (!seconds || /[^s]s$/i.test(draft.tokens[indices[at + 1]]?.text ?? '') || at === indices.length - 1) return false
    if (indices.slice(at).some((later) => seconds.includes(lower(draft.tokens[later])))) return false
    return draft.tokens.slice(lastIndex + 1).some((token) => seconds.includes(lower(token)))
  })
}

/**
 * Whether a gap inside the kept words ends on a word that governs what follows it: "federation
 * [, sharding results in less read and] write traffic", "a header scanner [to extract … at] build time".
 */
function cutInside(draft: Draft, indices: number[]): boolean {
  return indices.some((index, at) => {
    const next = indices[at + 1]
    if (next === undefined || next === index + 1) return false
    const end = draft.tokens[next - 1]
    return ['ADP', 'CCONJ', 'DET', 'PART', 'SCONJ', 'AUX'].includes(end.pos) && draft.atom[next - 1] < 0
  })
}

// "Even with all the pieces in one file, …", "Just like the let variant, …": a phrase that leads
// into the clause after its comma.
const absoluteOpeners = /^(?:even |just )?(?:with|without|despite|given|like|unlike)\b/i
const timeOpeners = /^(?:the first time|the last time|every time|each time|any time|by the time|the moment|now that|as soon as|as long as)\b/i

/**
 * Whether the part opens with a subordinate clause: "If …", "The first time you …", "In cases
 * where …". `first`: the part opens the candidate (not what follows its colon).
 */
function frontedClause(draft: Draft, part: number[], first: boolean): boolean {
  const opener = draft.tokens[part[0]]
  if (!opener) return false
  if (opener.pos === 'SCONJ' || subordinators.has(lower(opener))) return true
  // "To see the hosts …, open a new tab": a purpose phrase before its clause. (Without a comma
  // kept or after, the tagger's clause boundary is all there is: "To address this risk VMs were …".)
  if (first && lower(opener) === 'to' && draft.tokens[part[1]]?.pos === 'VERB') {
    const comma = (token: { text: string }) => token.text === ','
    if (part.some((index) => comma(draft.tokens[index])) || draft.tokens.slice(part[part.length - 1] + 1).some(comma)) return true
  }
  const head = part.slice(0, 4).map((index) => draft.tokens[index].text).join(' ')
  if (timeOpeners.test(head) || (absoluteOpeners.test(head) && first)) return true
  if (opener.pos !== 'ADP') return false
  // "In cases where …", "At the point when …": a relative word before the first verb.
  const verb = part.findIndex((index, at) => finite(draft, index, part[at - 1]))
  return part.slice(1, verb < 0 ? part.length : verb).some((index) => ['where', 'when', 'which'].includes(lower(draft.tokens[index])))
}

const needsTo = new Set(['used', 'similar', 'equivalent', 'identical', 'close', 'due', 'prone', 'akin', 'related', 'equal', 'proportional', 'according', 'relative', 'next', 'opposed'])
const makeLike = new Set(['make', 'render', 'keep', 'leave', 'find', 'get'])

/**
 * Whether the kept words end on the object of "make"-like verb whose complement the cut took:
 * the cut part runs, with no verb of its own, to an adjective ("… more difficult").
 */
function makes(draft: Draft, indices: number[]): boolean {
  const verb = indices.findLast((index) => draft.tokens[index].pos === 'VERB')
  if (verb === undefined || !makeLike.has(draft.tokens[verb].lemma)) return false
  const lastIndex = indices[indices.length - 1]
  const end = draft.tokens.findIndex((token, at) => at > lastIndex && /^[,;:.!?]$/.test(token.text))
  const cut = draft.tokens.slice(lastIndex + 1, end < 0 ? draft.tokens.length : end)
  // ("auto-scaling", a gerund, is no verb of its own.)
  const clause = (token: Token) => ['AUX', 'SCONJ'].includes(token.pos) || (token.pos === 'VERB' && !/ing$/i.test(token.text))
  return cut.length > 0 && cut.at(-1)!.pos === 'ADJ' && !cut.some(clause)
}

// Nouns that name nothing without their "of …": "a basic grasp | of what Firefox does".
const ofNouns = new Set(['grasp', 'understanding', 'knowledge', 'sense', 'overview', 'notion', 'description', 'explanation', 'summary', 'lot', 'couple', 'bit', 'kind', 'sort', 'type', 'part', 'rest', 'number', 'amount', 'set', 'series', 'variety', 'range', 'list', 'example', 'instance', 'case', 'way', 'use', 'lack', 'absence', 'presence', 'aware', 'result', 'consequence', 'side', 'top', 'end', 'middle', 'beginning', 'heart', 'core'])
const namedAs = new Set(['describe', 'know', 'refer', 'define', 'see', 'regard', 'consider', 'treat', 'view', 'use', 'design', 'mark', 'label', 'classify', 'express', 'represent', 'write', 'think', 'intend'])
const complemented = new Set(['consider', 'regard', 'treat', 'view', 'mark', 'label', 'deem', 'render', 'keep', 'leave'])
const particles = new Set(['up', 'out', 'off', 'down', 'away', 'back', 'apart', 'aside'])

/** Whether the cut after the kept words breaks a phrase that must stay whole. */
function cutBreaksPhrase(draft: Draft, indices: number[]): boolean {
  const lastIndex = indices[indices.length - 1]
  const last = draft.tokens[lastIndex]
  const after = draft.tokens[lastIndex + 1]
  const dropped = draft.keep[lastIndex + 1] === false
  // A verb cut from its object ("… distributions that expand"), or a verb's complement cut
  // from it ("… let it | become"). A passive "is colored" needs no object.
  const passive = /ed$/i.test(last.text) && ['be', 'get'].includes(draft.tokens[indices[indices.length - 2]]?.lemma ?? '')
  if (after && last.pos === 'VERB' && !passive && isWord(after) && after.pos !== 'CCONJ' && draft.atom[lastIndex] < 0) return true
  // "composed | of multiple files", "aware | of it": "of" binds the word it was cut from.
  if (lower(after) === 'of' && dropped && (!['NOUN', 'PROPN'].includes(last.pos) || ofNouns.has(last.lemma))) return true
  // "allows Ninja | to carefully control …": an adverb may come between.
  const infinitive = draft.tokens[lastIndex + 2]?.pos === 'ADV' ? draft.tokens[lastIndex + 3] : draft.tokens[lastIndex + 2]
  const toVerb = lower(after) === 'to' && ['VERB', 'AUX'].includes(infinitive?.pos ?? '')
  const purpose = toVerb && purposeAt(draft, [...indices, lastIndex + 1, lastIndex + 2], indices.length)
  if (after && (['VERB', 'AUX'].includes(after.pos) || toVerb) && dropped && last.pos !== 'PUNCT' && !purpose) return true
  // Cut inside a list ("the DNS, TCP | , and SSL delays", "named arguments, positional arguments
  // | , or both"): the kept part ends on one item.
  const sinceVerb = indices.slice(indices.findLastIndex((index) => ['VERB', 'AUX'].includes(draft.tokens[index].pos)) + 1)
  if (after?.text === ',' && ['and', 'or'].includes(lower(draft.tokens[lastIndex + 2])) && sinceVerb.some((index) => [',', ':'].includes(draft.tokens[index].text))) return true
  // "it essentially asks | , "Which color …?"": a verb of saying cut from its quotation.
  const quoted = /^["“'‘]/.test(draft.tokens[lastIndex + 2]?.text ?? '') || /^["“'‘]/.test(after?.text ?? '')
  if (dropped && last.pos === 'VERB' && (quoted || (/^[,:]$/.test(after?.text ?? '') && /^["“'‘]/.test(draft.text.slice(after!.end).trim())))) return true
  // "It's not clear at this stage | if …": what is unclear, or asked, is the clause the cut took.
  const wondering = indices.some((index) => ['clear', 'unclear', 'sure', 'certain', 'uncertain', 'obvious'].includes(lower(draft.tokens[index])) || ['know', 'wonder', 'ask', 'decide', 'determine', 'check'].includes(draft.tokens[index].lemma))
  if (dropped && wondering && ['if', 'whether'].includes(lower(after))) return true
  // "engage with each other, discuss | and understand …, and work": a cut inside a list of verbs.
  if (dropped && last.pos === 'VERB' && draft.tokens[indices[indices.length - 2]]?.text === ',' && after?.pos === 'CCONJ') return true
  // "provides something | like a for/of loop": a word that says nothing without what follows.
  if (dropped && ['something', 'anything', 'nothing', 'everything'].includes(lower(last)) && ['like', 'else', 'that', 'of'].includes(lower(after))) return true
  // "which bubble it's declared | in,": a preposition its clause ends on.
  if (passive && after?.pos === 'ADP' && dropped && /^[,;:.!?()]$/.test(draft.tokens[lastIndex + 2]?.text ?? '.')) return true
  // "Both objects contain, in addition to X | , …": a verb whose object the cut took.
  const hanging = indices.findIndex((index, at) => draft.tokens[index].pos === 'VERB' && draft.tokens[indices[at + 1]]?.text === ',' && draft.tokens[indices[at + 2]]?.pos === 'ADP')
  if (hanging >= 0 && !indices.slice(hanging + 2).some((index) => draft.tokens[index].text === ',') && draft.tokens.slice(lastIndex + 1).some(isWord)) return true
  if (last.pos === 'VERB' && after?.text === ',' && draft.tokens[lastIndex + 2]?.pos === 'ADP' && dropped) return true
  // "and notice | that all …": a complement clause cut from the verb that needs it (the tagger
  // may read a verb after "and" as a noun).
  const verbLike = last.pos === 'VERB' || (last.pos === 'NOUN' && draft.tokens[indices[indices.length - 2]]?.pos === 'CCONJ')
  if (lower(after) === 'that' && after.pos === 'SCONJ' && dropped && verbLike) return true
  // "gives us | this flexibility", "prevents you | from …": what follows a verb's object pronoun, cut.
  if (['us', 'me', 'them', 'him', 'you'].includes(lower(last)) && draft.tokens[indices[indices.length - 2]]?.pos === 'VERB' && dropped && isWord(after)) return true
  // "must be looked | up": a verb's particle.
  if (last.pos === 'VERB' && dropped && particles.has(lower(after)) && !isWord(draft.tokens[lastIndex + 2] ?? after)) return true
  // "Rust considers `s1` | as no longer valid": a verb that needs its object's complement.
  const verb = draft.tokens[indices[indices.length - 2]]
  if (complemented.has(verb?.lemma ?? '') && dropped && (lower(after) === 'as' || after?.pos === 'ADJ')) return true
  // "which can be described | as a suite of …": a passive that names what its subject is.
  if (lower(after) === 'as' && dropped && passive && namedAs.has(last.lemma)) return true
  // "get used | to such good fortune", "similar | to …": a word that needs its "to".
  if (lower(after) === 'to' && dropped && needsTo.has(lower(last))) return true
  // "makes cloning | and auto-scaling more difficult": the object's complement, after the object.
  if (dropped && makes(draft, indices)) return true
  // "prove me | wrong", "let it | out": an object and the complement or particle after it.
  if (last.pos === 'PRON' && draft.tokens[indices[indices.length - 2]]?.pos === 'VERB' && dropped && ['ADJ', 'ADV', 'PART'].includes(after?.pos ?? '')) return true
  return false
}
