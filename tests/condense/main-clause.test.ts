import { describe, expect, it } from 'vitest'
import { draftOf, drop, kept, type Draft } from '../../src/condense/draft.js'
import { hasMainClause, lostMainClause, orphansVerb } from '../../src/condense/main-clause.js'
import { tagEnglish } from '../../src/condense/nlp.js'

/** A draft of the sentence with the words from `cut` on dropped (a cut is given by its first words). */
function draft(sentence: string, cut?: string): Draft {
  const result = draftOf(sentence, tagEnglish(sentence)[0].tokens, [])
  if (cut === undefined) return result
  const at = sentence.indexOf(cut)
  const from = result.tokens.findIndex((token) => token.start >= at)
  drop(result, from, from + tagEnglish(cut)[0].tokens.length)
  return result
}

describe('main clauses', () => {
  it('finds one left after each subordinate and relative clause takes its verb', () => {
    const whole = draft('Any variable reference that appears in the scope where it was declared will be labeled a marble.')
    expect(hasMainClause(whole, kept(whole))).toBe(true)
    const subject = draft('Any variable reference that appears in the scope where it was declared will be labeled a marble.', 'will be labeled a marble.')
    expect(hasMainClause(subject, kept(subject))).toBe(false)
    expect(lostMainClause(subject, kept(subject))).toBe(true)
  })

  it('reads "As a result, …" and "when used …" as phrases that take no verb', () => {
    const result = draft('As a result, the build runs faster.')
    expect(hasMainClause(result, kept(result))).toBe(true)
    const used = draft('The type of expressions when used as statements must be the unit type.')
    expect(hasMainClause(used, kept(used))).toBe(true)
  })

  it('asks nothing of a phrase written without a main clause', () => {
    const item = draft('Having confirmation that the representatives have reviewed the final proposal.', 'have reviewed the final proposal.')
    expect(lostMainClause(item, kept(item))).toBe(false)
  })

  it("finds a cut that took a clause's opening word but kept its verb", () => {
    expect(orphansVerb(draft('The attributes that have meaning on a statement are few.', 'that have'))).toBe(true)
    // A whole clause up to its comma may go.
    expect(orphansVerb(draft("If you're unsure of the path, add it to the page.", "If you're unsure of the path,"))).toBe(false)
  })
})
