import type { Paragraph, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Deck, Slide } from '../types.js'
import { wordCount } from '../util/text.js'
import { cjkBudget, size } from '../condense/clause.js'

/**
 * A content slide that would hold one short sentence and nothing else becomes a statement
 * slide: the sentence alone, in large type, centred (Marp's `lead` class).
 */
export function statements(deck: Deck): void {
  for (const slide of deck.children) {
    if (slide.kind !== 'content' || slide.image || slide.classes?.length) continue
    const sentence = loneSentence(slide.children)
    if (!sentence) continue
    const headings = slide.children.filter((block) => block.type === 'heading')
    slide.children = [...headings, sentence]
    slide.classes = ['lead']
  }
}

/** The one short paragraph or one-item list a slide holds besides subheadings, as a paragraph. */
function loneSentence(blocks: RootContent[]): Paragraph | undefined {
  const body = blocks.filter((block) => block.type !== 'heading')
  const text = blocks.map((block) => toString(block)).join(' ')
  // Short: under 20 words, or for CJK text, a long sentence's worth of characters (a few lines at
  // statement size: Japanese sentences run to 100 or more).
  if (body.length !== 1 || (size(text).budget === cjkBudget ? text.length > 120 : wordCount(text) >= 20)) return undefined
  const [block] = body
  if (block.type === 'paragraph' && !block.data?.leadIn) return block
  if (block.type !== 'list' || block.children.length !== 1) return undefined
  const [item] = block.children
  const [paragraph] = item.children
  if (item.children.length !== 1 || paragraph.type !== 'paragraph') return undefined
  return { ...paragraph, position: item.position ?? block.position, data: { ...paragraph.data, notes: item.data?.notes ?? block.data?.notes, cue: item.data?.cue } }
}

export type { Slide }
