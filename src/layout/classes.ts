import type { List, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Deck, Slide } from '../types.js'
import { wordCount } from '../util/text.js'

/**
 * Layouts chosen from what a slide holds, as theme classes: `quote` for a quotation or an
 * epigraph on its own, `columns` for a list of many short items, `code` for a code sample
 * under the sentence that led into it. An opening quote (an epigraph) gets a slide of its own.
 */
export function layoutClasses(deck: Deck): void {
  deck.children = deck.children.flatMap((slide) => {
    if (slide.kind !== 'content') return [slide]
    const epigraph = openingQuote(slide)
    const rest = epigraph ? { ...slide, children: slide.children.slice(1), notes: [] } : slide
    const classes = [...(slide.classes ?? []), ...layoutOf(rest.children)]
    const shaped = { ...rest, classes: classes.length ? [...new Set(classes)] : undefined }
    if (!epigraph) return [shaped]
    const quote: Slide = { ...slide, children: [epigraph], classes: ['quote'], group: undefined, image: undefined }
    return rest.children.length ? [quote, { ...shaped, classes: shaped.classes?.filter((name) => name !== 'quote') }] : [quote]
  })
}

function layoutOf(blocks: RootContent[]): string[] {
  const body = blocks.filter((block) => block.type !== 'heading')
  if (body.length === 1 && isQuote(body[0])) return ['quote']
  if (blocks.some((block) => block.type === 'list' && manyShortItems(block))) return ['columns']
  const [first, second, ...rest] = body
  if (first?.data?.leadIn === 'caption' && second?.type === 'code' && !rest.length) return ['code']
  return []
}

/** A quotation (not a callout) short enough to be set large. */
function isQuote(block: RootContent | undefined): boolean {
  return block?.type === 'blockquote' && !block.data?.callout && wordCount(toString(block)) <= 50
}

/** A quote that opens a slide holding more: the epigraph of a chapter or a section. */
function openingQuote(slide: Slide): RootContent | undefined {
  const [first, ...rest] = slide.children
  return isQuote(first) && rest.length ? first : undefined
}

/** Six or more one-line items of a few words: a list that reads as well in two columns. */
export function manyShortItems(list: List): boolean {
  if (list.data?.condensed || list.children.length < 6) return false
  return list.children.every((item) => item.children.length === 1 && item.children[0].type === 'paragraph' && wordCount(toString(item)) <= 6 && toString(item).length <= 48)
}
