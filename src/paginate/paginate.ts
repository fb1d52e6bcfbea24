import type { VFile } from 'vfile'
import type { Deck, Slide } from '../types.js'
import { flattenDeepLists } from './lists.js'
import { chapterdeckMetrics, type ThemeMetrics } from './metrics.js'
import { bodyHeight, defaultLimits, roomFor, type Room } from './room.js'
import { splitBlocks } from './split.js'

export interface PaginateOptions {
  metrics?: ThemeMetrics
  /** Words a slide may show, title included. */
  maxWords?: number
  /** Condensed prose bullets a slide may show. */
  maxBullets?: number
  /** Items of any list a slide may show. */
  maxItems?: number
}

/**
 * Splits slides that exceed the size budget at block boundaries into continuation slides of
 * about equal size: lists by items, code between statements, tables by rows (header
 * repeated), quotes by blocks. Parts of one logical slide are numbered "Title (2/3)".
 */
export function paginateSlides(options: PaginateOptions = {}) {
  const base = options.metrics ?? chapterdeckMetrics
  const limits = { maxWords: options.maxWords ?? defaultLimits.maxWords, maxBullets: options.maxBullets ?? defaultLimits.maxBullets, maxItems: options.maxItems ?? defaultLimits.maxItems }
  return (deck: Deck, file: VFile) => {
    const out: Slide[] = []
    for (const slide of deck.children) {
      if (slide.group === undefined || slide.kind === 'image' || slide.kind === 'references') {
        out.push(slide)
        continue
      }
      const { room, metrics } = roomFor(slide, base, limits)
      flattenDeepLists(slide.children, file)
      // An estimate that finds a block too big is only a hint; the browser check decides.
      const parts = splitBlocks(slide.children, columnsRoom(slide, room), metrics)
      out.push(...parts.map((blocks, index) => tallCodeDense(partOf(slide, blocks, index), room, metrics)))
    }
    number(out)
    deck.children = out
  }
}

/** Part `index` of a slide: the first keeps the slide's notes. */
export function partOf(slide: Slide, children: Slide['children'], index: number): Slide {
  if (index === 0) return { ...slide, children }
  return { ...slide, children, notes: [], position: children[0]?.position ?? slide.position }
}

/** A list in two columns takes about half its height. */
function columnsRoom(slide: Slide, room: Room): Room {
  return slide.classes?.includes('columns') ? { ...room, height: room.height * 2, items: room.items * 2 } : room
}

/**
 * A part whose code is too tall for the whole slide body even by the estimate (code that
 * cannot be split further, such as one very long line) gets the dense class now: otherwise
 * the browser finds it overflowing and the whole deck is laid out a second time.
 */
function tallCodeDense(slide: Slide, room: Room, m: ThemeMetrics): Slide {
  if (slide.classes?.includes('dense') || !slide.children.some((child) => child.type === 'code')) return slide
  // The theme's dense class sets code at 16 px (fitDeck does the same on overflow).
  if (bodyHeight(slide.children, m) <= room.height / m.fill) return slide
  return { ...slide, classes: [...(slide.classes ?? []), 'dense'] }
}

/** Numbers the parts of each logical slide. */
export function number(slides: Slide[]): void {
  const groups = new Map<number, Slide[]>()
  for (const slide of slides) {
    slide.part = undefined
    if (slide.group === undefined || slide.kind === 'image') continue
    groups.set(slide.group, [...(groups.get(slide.group) ?? []), slide])
  }
  for (const parts of groups.values()) {
    if (parts.length < 2) continue
    parts.forEach((slide, index) => {
      slide.part = { index: index + 1, total: parts.length }
    })
  }
}

export { bodyHeight, defaultLimits, roomFor, splitBlocks }
