import type { ListItem, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { danglingWords } from '../condense/rules.js'
import type { Deck, Slide } from '../types.js'
import { wordCount } from '../util/text.js'
import { titleText } from '../util/title.js'

/** How the deck reads as a talk: the figures report.json and `check` give. */
export interface TalkFigures {
  /** List items on the slides, the author's and chapterdeck's. */
  bullets: number
  /** Bullets that end in an ellipsis: a sentence cut short. */
  cutBullets: number
  /** Bullets that end on a function word or a colon. */
  danglingBullets: number
  /** Content slides with one short bullet and nothing else. */
  thinSlides: number
  contentSlides: number
  referenceSlides: number
  /** The most slides in a row that share one title. */
  longestRun: number
  /** Slide kinds and layout classes the deck uses (the theme's classes), and on how many slides. */
  layouts: Record<string, number>
}

const visualBlocks = new Set(['code', 'table', 'blockquote', 'math', 'image'])

export function talkFigures(deck: Deck): TalkFigures {
  const items = deck.children.flatMap((slide) => bulletsOf(slide.children))
  const content = deck.children.filter((slide) => slide.kind === 'content' && !slide.classes?.includes('lead'))
  const layouts: Record<string, number> = {}
  for (const slide of deck.children) for (const name of [...(slide.kind === 'content' ? [] : [slide.kind]), ...(slide.classes ?? [])]) layouts[name] = (layouts[name] ?? 0) + 1
  return {
    bullets: items.length,
    cutBullets: items.filter((text) => /(?:…|\.\.\.)$/.test(text)).length,
    danglingBullets: items.filter(dangling).length,
    thinSlides: content.filter(thin).length,
    contentSlides: content.length,
    referenceSlides: deck.children.filter((slide) => slide.kind === 'references').length,
    longestRun: longestRun(deck.children),
    layouts,
  }
}

/** The talk figures in a line: "125 bullets, 0 cut, 0 dangling, 0 thin slides". */
export function talkSummary(figures: TalkFigures): string {
  return `${figures.bullets} bullets, ${figures.cutBullets} cut, ${figures.danglingBullets} dangling, ${figures.thinSlides} thin slide${figures.thinSlides === 1 ? '' : 's'}`
}

/** Each list item's own text, without its nested lists. */
function bulletsOf(blocks: RootContent[]): string[] {
  const out: string[] = []
  for (const block of blocks) {
    visit(block, 'listItem', (item: ListItem) => {
      const own = item.children.filter((child) => child.type !== 'list')
      const text = own.map((child) => toString(child)).join(' ').replace(/\s+/g, ' ').trim()
      if (text) out.push(text)
    })
  }
  return out
}

function dangling(text: string): boolean {
  if (/^(?:https?:\/\/|www\.)/i.test(text)) return false
  const last = text.replace(/[\s…]+$/, '').split(/\s+/).pop()?.toLowerCase() ?? ''
  return /[:,;(–—-]$/.test(text) || danglingWords.has(last)
}

function thin(slide: Slide): boolean {
  if (slide.image || slide.children.some((block) => visualBlocks.has(block.type) || hasImage(block))) return false
  const words = wordCount(slide.children.map((block) => toString(block)).join(' '))
  return bulletsOf(slide.children).length <= 1 && words < 20
}

function hasImage(block: RootContent): boolean {
  let found = false
  visit(block, 'image', () => void (found = true))
  return found
}

function longestRun(slides: Slide[]): number {
  let best = 0
  let run = 0
  slides.forEach((slide, index) => {
    run = index && titleText(slide) === titleText(slides[index - 1]) ? run + 1 : 1
    best = Math.max(best, run)
  })
  return best
}
