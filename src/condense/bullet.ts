import type { ListItem, Paragraph, PhrasingContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { spoken } from '../util/spoken.js'
import { flattenInline, inlineAtoms, maskCode, pickInline, type Piece } from '../util/inline.js'
import { splitSentences } from '../util/text.js'
import { clauseEnd } from './clause.js'
import { compressEnglish, type Compressed } from './compress.js'
import { draftOf, kept, type Draft } from './draft.js'
import { tagEnglish, type TaggedSentence } from './nlp.js'
import { pickSentence } from './pick.js'
import { englishTerms, plainTerms, sentenceWeight, termWeights } from './terms.js'

/** Words an English bullet aims for. */
export const bulletTarget = 12

/** What condensing a chapter needs to know: its language and its own term weights. */
export interface Condenser {
  /** The chapter's language: English is parsed; others are cut at clause boundaries. */
  lang: string
  english: boolean
  weights: Map<string, number>
  /** Tagged sentences by text, so each paragraph is tagged once. */
  tagged: Map<string, TaggedSentence[]>
}

/** A condenser for a chapter whose prose paragraphs (flattened) are given. */
export function createCondenser(texts: string[], lang: string): Condenser {
  const english = /^en\b/i.test(lang)
  const condenser: Condenser = { lang, english, weights: new Map(), tagged: new Map() }
  const terms = texts.map((text) => (english ? tagged(condenser, text).flatMap(englishTerms) : plainTerms(text)))
  condenser.weights = termWeights(terms)
  return condenser
}

export function tagged(condenser: Condenser, masked: string): TaggedSentence[] {
  let sentences = condenser.tagged.get(masked)
  if (!sentences) condenser.tagged.set(masked, (sentences = tagEnglish(masked)))
  return sentences
}

/** A paragraph's text as the condenser sees it: inline code masked as one word. */
export function maskedText(children: PhrasingContent[]): string {
  const { nodes, text } = flattenInline(children)
  return maskCode(text, inlineAtoms(nodes, text))
}

/**
 * The bullet for a paragraph: the sentence that carries its idea, compressed to a short,
 * complete phrase, with the paragraph's inline code, links and emphasis where they survive.
 */
export function bulletOfPhrasing(children: PhrasingContent[], condenser: Condenser): PhrasingContent[] {
  return weighedBullet(children, condenser).children
}

/** The bullet, and the weight of the sentence it came from in the chapter's terms. */
function weighedBullet(children: PhrasingContent[], condenser: Condenser): { children: PhrasingContent[]; weight: number } {
  const { nodes, text } = flattenInline(children)
  const atoms = inlineAtoms(nodes, text)
  const { pieces, weight } = condenser.english ? englishPieces(text, maskCode(text, atoms), atoms, condenser) : plainPieces(text, condenser)
  return { children: pickInline(nodes, pieces), weight }
}

function englishPieces(text: string, masked: string, atoms: { start: number; end: number }[], condenser: Condenser): { pieces: Piece[]; weight: number } {
  const sentences = tagged(condenser, masked)
  if (!sentences.length) return { pieces: [], weight: 0 }
  const spans = atoms.map(({ start, end }): [number, number] => [start, end])
  // Compressing is the costly step: only for the sentences pickSentence asks about.
  const compressed: Compressed[] = []
  const compress = (at: number) => (compressed[at] ??= compressEnglish(draftOf(masked, sentences[at].tokens, spans), { target: bulletTarget, weights: condenser.weights }))
  const candidates = sentences.map((sentence) => ({ text: masked.slice(sentence.start, sentence.end), weight: sentenceWeight(englishTerms(sentence), condenser.weights) }))
  const index = pickSentence(candidates, (at) => compress(at).quality)
  const { draft } = compress(index)
  const first = kept(draft)[0]
  // A bullet starts with a capital, unless its first word is a name ("eBPF", "Kubernetes").
  // The word as written: the tagger saw "client-side" as one masked word.
  const word = first === undefined ? '' : text.slice(draft.tokens[first].start, draft.tokens[first].end)
  if (first !== undefined && !draft.replace.has(first) && /^[a-z][a-z'-]{0,29}$/.test(word) && draft.tokens[first].pos !== 'PROPN' && draft.atom[first] < 0) {
    draft.replace.set(first, word[0].toUpperCase() + word.slice(1))
  }
  return { pieces: piecesOf(draft), weight: candidates[index].weight }
}

function plainPieces(text: string, condenser: Condenser): { pieces: Piece[]; weight: number } {
  const sentences = splitSentences(text)
  if (!sentences.length) return { pieces: [], weight: 0 }
  let from = 0
  const placed = sentences.map((sentence) => {
    const start = text.indexOf(sentence, from)
    from = start + sentence.length
    return { start, sentence }
  })
  const candidates = placed.map(({ sentence }) => ({ text: sentence, weight: sentenceWeight(plainTerms(sentence), condenser.weights) }))
  const index = pickSentence(candidates)
  const { start, sentence } = placed[index]
  return { pieces: [{ start, end: start + clauseEnd(sentence, condenser.lang) }], weight: candidates[index].weight }
}

/** Runs of kept tokens as pieces of the text; a changed token is a piece of its own. */
function piecesOf(draft: Draft): Piece[] {
  const pieces: Piece[] = []
  let previous = -2
  for (const index of kept(draft)) {
    const token = draft.tokens[index]
    const text = draft.replace.get(index)
    const last = pieces[pieces.length - 1]
    if (text === undefined && last && last.text === undefined && previous === index - 1) last.end = token.end
    else pieces.push({ start: token.start, end: token.end, ...(text === undefined ? {} : { text }), ...(/^[,.;:!?)\]]/.test(token.text) ? { glue: true } : {}) })
    previous = index
  }
  return pieces
}

/** A bullet starts with a capital, unless it starts with code. */
export function capitalize(nodes: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = nodes
  if (first?.type === 'text') return [{ ...first, value: first.value.charAt(0).toUpperCase() + first.value.slice(1) }, ...rest]
  if (first && (first.type === 'strong' || first.type === 'emphasis')) return [{ ...first, children: capitalize(first.children) } as PhrasingContent, ...rest]
  return nodes
}

/** A paragraph as one bullet; the paragraph itself, word for word, is its notes. */
export function bulletOf(paragraph: Paragraph, condenser: Condenser): ListItem {
  const { children, weight } = weighedBullet(paragraph.children, condenser)
  return {
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children }],
    data: { notes: paragraph.data?.notes ?? [spoken(paragraph)], cue: toString({ type: 'paragraph', children }), weight },
    position: paragraph.position,
  }
}

