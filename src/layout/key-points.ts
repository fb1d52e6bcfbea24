import type { ListItem, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { Deck, Slide } from '../types.js'
import { summaryHeadings, type Words } from '../plan/words.js'

/** Takeaways a key points slide lists at most. */
const maxPoints = 6

/**
 * When the chapter sums nothing up itself, a "Key points" slide before the references and
 * the closing gives one takeaway per top-level section: its bullet whose sentence weighs most
 * in the chapter's terms, among those that stand alone. Six at most, the weightiest, in the
 * chapter's order.
 */
export function keyPoints(deck: Deck, words: Words, group: number): void {
  if (deck.children.some((slide) => slide.kind !== 'title' && summaryHeadings.test(toString({ type: 'paragraph', children: slide.title }).trim()))) return
  const best = new Map<number, { item: ListItem; weight: number }>()
  for (const slide of deck.children) {
    if (slide.kind !== 'content' || slide.section === undefined) continue
    for (const item of bullets(slide.children)) {
      const weight = (item.data?.weight ?? 0) * standsAlone(toString(item))
      if (weight > 0 && weight > (best.get(slide.section)?.weight ?? -1)) best.set(slide.section, { item, weight })
    }
  }
  if (best.size < 2) return
  const chosen = [...best.entries()].sort((a, b) => b[1].weight - a[1].weight).slice(0, maxPoints).sort((a, b) => a[0] - b[0])
  const items = chosen.map(([, { item }]): ListItem => ({ type: 'listItem', spread: false, children: item.children }))
  const slide: Slide = {
    type: 'slide',
    kind: 'content',
    title: [{ type: 'text', value: words.keyPoints }],
    group,
    classes: ['keypoints'],
    children: [{ type: 'list', ordered: false, spread: false, children: items }],
    notes: [`${words.keyPoints}: ${items.map((item) => toString(item)).join('; ')}.`],
  }
  const end = deck.children.findIndex((other) => other.kind === 'references' || other.kind === 'closing')
  deck.children.splice(end < 0 ? deck.children.length : end, 0, slide)
}

// English only: elsewhere every bullet stands as it is.
const toReader = /^(?:try|go|let['’]s|let us|note|see|consider|imagine|remember|recall|find|take a look|look at)\b(?!:)/i
const aboutText = /^(?:by this point|in this (?:chapter|section)|as (?:we|you) (?:saw|have seen|discussed)|we(?:['’]ll| will| won['’]t| will not| now)\b)|\b(?:this|the next|the previous|the following) (?:chapter|section|book|listing|example|figure)\b/i
const pointsBack = /^(?:it|this|that|these|those|they|such|here)\b/i

/**
 * How well a bullet stands as a takeaway: not at all if it tells the reader to do something,
 * talks about the text itself or asks a question; half if it points back at what came before.
 */
function standsAlone(text: string): number {
  if (toReader.test(text) || aboutText.test(text) || /\?["”’']?\s*$/.test(text)) return 0
  return pointsBack.test(text) ? 0.5 : 1
}

function bullets(blocks: RootContent[]): ListItem[] {
  const out: ListItem[] = []
  for (const block of blocks) {
    visit(block, 'listItem', (item: ListItem) => {
      if (item.data?.weight !== undefined) out.push(item)
    })
  }
  return out
}
