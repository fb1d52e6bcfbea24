import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Slide } from '../types.js'
import { wordCount } from '../util/text.js'
import { titleText } from '../util/title.js'
import { blockHeight, bodyBudget } from './measure.js'
import type { ThemeMetrics } from './metrics.js'

/** What a slide's body may still hold, by the estimate. */
export interface Room {
  height: number
  words: number
  items: number
  bullets: number
}

export type Cost = Room

export const defaultLimits = { maxWords: 64, maxBullets: 6, maxItems: 12 }

/** The body a slide may fill, by the estimate, and the metrics to estimate it with. */
export function roomFor(slide: Slide, base: ThemeMetrics, limits: { maxWords: number; maxBullets: number; maxItems: number }): { room: Room; metrics: ThemeMetrics } {
  const metrics = base
  const title = titleText(slide) + ' (10/10)'
  const room: Room = { height: bodyBudget(title, metrics), words: limits.maxWords - wordCount(title), items: limits.maxItems, bullets: limits.maxBullets }
  return { room, metrics }
}

// A figure beside the text takes the right 44 % of the slide, most of its height: about a
// third of the room its text would have.
const figureShare = 0.3

export function cost(node: RootContent, m: ThemeMetrics): Cost {
  const items = node.type === 'list' ? node.children.length : 0
  return {
    height: node.type === 'paragraph' && node.data?.figure ? figureShare * (m.height - m.padTop - m.padBottom) : blockHeight(node, m),
    words: node.type === 'code' ? 0 : wordCount(toString(node)),
    items,
    bullets: node.type === 'list' && node.data?.condensed ? items : 0,
  }
}

/** Estimated height of a slide's body: its blocks one under another. */
export function bodyHeight(blocks: RootContent[], m: ThemeMetrics): number {
  return blocks.reduce((sum, block) => sum + cost(block, m).height, 0)
}

export function fits(c: Cost, room: Room): boolean {
  return c.height <= room.height && c.words <= room.words && c.items <= room.items && c.bullets <= room.bullets
}

export function subtract(room: Room, c: Cost): Room {
  return { height: room.height - c.height, words: room.words - c.words, items: room.items - c.items, bullets: room.bullets - c.bullets }
}
