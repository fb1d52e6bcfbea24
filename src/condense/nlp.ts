import winkNLP, { type ItsFunction, type WinkMethods } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

/** A word or mark of English text, with its place in the text and its part of speech. */
export interface Token {
  text: string
  start: number
  end: number
  /** Universal POS tag: NOUN, VERB, ADP, PUNCT … */
  pos: string
  /** Lower-case lemma, for term weights. */
  lemma: string
}

export interface TaggedSentence {
  start: number
  end: number
  tokens: Token[]
}

// Loading the model takes about 0.3 s, and it is never changed after: one per process, on first use.
let english: WinkMethods | undefined

function nlp(): WinkMethods {
  english ??= winkNLP(model, ['sbd', 'pos'])
  return english
}

/** English text cut into sentences of tagged tokens, each placed by character offsets. */
export function tagEnglish(text: string): TaggedSentence[] {
  const { its } = nlp()
  // wink-nlp's typings give its.lemma the wrong signature; it is a token helper like its.pos.
  const lemma = its.lemma as unknown as ItsFunction<string>
  const doc = nlp().readDoc(text)
  // Whole columns at once: one out() per column, not four per token.
  const tokens = doc.tokens()
  const values = tokens.out()
  const spaces = tokens.out(its.precedingSpaces) as string[]
  const tags = tokens.out(its.pos) as string[]
  const lemmas = tokens.out(lemma) as (string | undefined)[]
  let at = 0
  const all: Token[] = values.map((value, index) => {
    at += spaces[index].length
    const token = { text: value, start: at, end: at + value.length, pos: tags[index], lemma: String(lemmas[index] ?? value).toLowerCase() }
    at += value.length
    return token
  })
  const spans = doc.sentences().out(its.span) as unknown as [number, number][]
  return spans
    .map(([first, last]) => all.slice(first, last + 1))
    .filter((sentence) => sentence.length > 0)
    .map((sentence) => ({ start: sentence[0].start, end: sentence[sentence.length - 1].end, tokens: retagVerbs(sentence) }))
}

const gerunds = /^(?:by|for|after|before|without|while|upon|from)$/i

/**
 * Verbs the tagger read as nouns. "Past research paints a picture": a plural-looking noun
 * between a noun and an article (third person singular). "All decisions fall into …": a bare
 * noun after a determiner and a plural noun, before a preposition (plural present). "By
 * first looking on …": an "-ing" word after a preposition.
 */
function retagVerbs(tokens: Token[]): Token[] {
  tokens.forEach((token, index) => {
    const before = tokens[index - 1]
    const after = tokens[index + 1]
    if (token.pos !== 'NOUN' || !before || !after) return
    // "…, sharding results in less traffic": after a gerund that opens the clause, before a preposition.
    const opensWithGerund = before.pos === 'VERB' && /ing$/i.test(before.text) && (index === 1 || tokens[index - 2]?.text === ',') && after.pos === 'ADP' && after.text !== 'of'
    const singular = /[^s]s$/.test(token.text) && ((['NOUN', 'PROPN'].includes(before.pos) && /^(?:a|an|the|its|their|his|our|your|my)$/i.test(after.text)) || opensWithGerund)
    const plural =
      /^[a-z]+$/.test(token.text) && !/s$/.test(token.text) && before.pos === 'NOUN' && /[^s]s$/.test(before.text) &&
      /^(?:all|the|these|those|some|many|most|both)$/i.test(tokens[index - 2]?.text ?? '') && after.pos === 'ADP' && after.text !== 'of'
    // "by first looking on the floor": a gerund after a preposition, with its own object or phrase.
    const lead = ['ADJ', 'ADV'].includes(before.pos) ? tokens[index - 2] : before
    const gerund = /^[a-z]+ing$/.test(token.text) && lead?.pos === 'ADP' && gerunds.test(lead.text) && ['ADP', 'DET', 'PRON'].includes(after.pos)
    if (singular) tokens[index] = { ...token, pos: 'VERB', lemma: token.lemma.replace(/s$/, '') }
    else if (plural || gerund) tokens[index] = { ...token, pos: 'VERB' }
  })
  return tokens
}
