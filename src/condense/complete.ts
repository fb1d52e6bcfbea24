import { dangles, isNegation, startsClause } from './rules.js'
import { finite, hasClause, isWord, kept, lower, type Draft } from './draft.js'
import { lostMainClause, orphansVerb, relative, subordinators } from './main-clause.js'

/** Whether a candidate reads as a whole: see compressEnglish. */
export function complete(draft: Draft): boolean {
  const indices = kept(draft)
  if (indices.length < 2 || dangles(draft) || !hasClause(draft)) return false
  const lastIndex = indices[indices.length - 1]
  // A cut that took a negation away: "not just here to stay" is not "not".
  if (isNegation(draft.tokens[lastIndex + 1]) && !draft.keep[lastIndex + 1]) return false
  if (cutBreaksPhrase(draft, indices)) return false
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
  const open = indices.findLastIndex((index, at) => at > 0 && ((draft.tokens[index].pos === 'SCONJ' && lower(draft.tokens[index]) !== 'for') || (relative.has(lower(draft.tokens[index])) && !determiner(index, at))))
  if (open >= 0 && !indices.slice(open + 1).some((index, at, rest) => finite(draft, index, at ? rest[at - 1] : undefined))) return false
  if (lostMainClause(draft, indices) || orphansVerb(draft)) return false
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
  if (lower(after) === 'of' && dropped && !['NOUN', 'PROPN'].includes(last.pos)) return true
  // "allows Ninja | to carefully control …": an adverb may come between.
  const infinitive = draft.tokens[lastIndex + 2]?.pos === 'ADV' ? draft.tokens[lastIndex + 3] : draft.tokens[lastIndex + 2]
  const toVerb = lower(after) === 'to' && infinitive?.pos === 'VERB'
  if (after && (['VERB', 'AUX'].includes(after.pos) || toVerb) && dropped && last.pos !== 'PUNCT') return true
  // Cut inside a list ("the DNS, TCP | , and SSL delays"): the kept part ends on one item.
  if (after?.text === ',' && ['and', 'or'].includes(lower(draft.tokens[lastIndex + 2])) && draft.tokens[indices[indices.length - 2]]?.text === ',') return true
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
  // "prove me | wrong", "let it | out": an object and the complement or particle after it.
  if (last.pos === 'PRON' && draft.tokens[indices[indices.length - 2]]?.pos === 'VERB' && dropped && ['ADJ', 'ADV', 'PART'].includes(after?.pos ?? '')) return true
  return false
}
