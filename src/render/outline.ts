import type { Deck, Slide } from '../types.js'
import type { OutlineEntry } from './pdf.js'
import { titleText } from '../util/title.js'

export function slideTitle(slide: Slide): string {
  const title = titleText(slide)
  return slide.part ? `${title} (${slide.part.index}/${slide.part.total})` : title
}

/**
 * PDF bookmarks: one per section with its slides nested under it, one per other slide;
 * continuation parts share their first part's entry.
 */
export function deckOutline(deck: Deck): OutlineEntry[] {
  const top: OutlineEntry[] = []
  let section: OutlineEntry | undefined
  deck.children.forEach((slide, page) => {
    if (slide.part && slide.part.index > 1) return
    const entry: OutlineEntry = { title: titleText(slide), page, children: [] }
    if (slide.kind === 'section') {
      section = entry
      top.push(entry)
    } else if (section && (slide.kind === 'content' || slide.kind === 'image')) {
      section.children.push(entry)
    } else {
      if (slide.kind !== 'content' && slide.kind !== 'image') section = undefined
      top.push(entry)
    }
  })
  return top
}
