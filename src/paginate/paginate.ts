import type { Blockquote, Code, Data, List, ListItem, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import type { Deck, Slide } from '../types.js'
import { wordCount } from '../util/text.js'
import { blockHeight, bodyBudget, codeLines, itemHeight, tableRowsHeight } from './measure.js'
import { chapterdeckMetrics, type ThemeMetrics } from './metrics.js'
import { titleText } from '../util/title.js'

export interface PaginateOptions {
  metrics?: ThemeMetrics
  /** Words a slide may show, title included. */
  maxWords?: number
  /** Condensed prose bullets a slide may show. */
  maxBullets?: number
  /** Items of any list a slide may show. */
  maxItems?: number
}

// The references list is set smaller (see the theme's section.references).
const referencesMetrics: Partial<ThemeMetrics> = { bodySize: 24, lineHeight: 1.25, itemGap: 2 }

export interface Room {
  height: number
  words: number
  items: number
  bullets: number
}

/**
 * Splits slides that exceed the size budget at block boundaries into continuation slides:
 * lists by items, code by lines, tables by rows (header repeated), quotes by blocks.
 * Parts of one logical slide are numbered "Title (2/3)".
 */
export function paginateSlides(options: PaginateOptions = {}) {
  const base = options.metrics ?? chapterdeckMetrics
  const maxWords = options.maxWords ?? defaultLimits.maxWords
  const maxBullets = options.maxBullets ?? defaultLimits.maxBullets
  const maxItems = options.maxItems ?? defaultLimits.maxItems
  return (deck: Deck, file: VFile) => {
    const out: Slide[] = []
    for (const slide of deck.children) {
      if (slide.group === undefined) {
        out.push(slide)
        continue
      }
      const { room, metrics } = roomFor(slide, base, { maxWords, maxBullets, maxItems })
      flattenDeepLists(slide.children, file)
      // An estimate that finds a block too big is only a hint; the browser check decides.
      const parts = splitBlocks(slide.children, room, metrics)
      parts.forEach((blocks, index) => {
        const part = index === 0 ? { ...slide, children: blocks } : { ...slide, children: blocks, notes: [], position: blocks[0]?.position ?? slide.position }
        out.push(tallCodeDense(part, room, metrics))
      })
    }
    number(out)
    deck.children = out
  }
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

/** The body a slide may fill, by the estimate, and the metrics to estimate it with. */
export function roomFor(slide: Slide, base: ThemeMetrics, limits: { maxWords: number; maxBullets: number; maxItems: number }): { room: Room; metrics: ThemeMetrics } {
  const metrics = slide.kind === 'references' ? { ...base, ...referencesMetrics } : base
  const title = titleText(slide) + ' (10/10)'
  const room: Room = { height: bodyBudget(title, metrics), words: limits.maxWords - wordCount(title), items: limits.maxItems, bullets: limits.maxBullets }
  return { room: slide.kind === 'references' ? { ...room, items: 14, words: 140 } : room, metrics }
}

export const defaultLimits = { maxWords: 64, maxBullets: 6, maxItems: 12 }

/** Splits blocks into slide-sized parts; a block that fits nowhere gets a part of its own. */
export function splitBlocks(blocks: RootContent[], full: Room, m: ThemeMetrics): RootContent[][] {
  const parts: RootContent[][] = [[]]
  let room = { ...full }
  const open = () => {
    if (parts[parts.length - 1].length) {
      parts.push([])
      room = { ...full }
    }
  }
  const add = (node: RootContent) => {
    parts[parts.length - 1].push(node)
    room = subtract(room, cost(node, m))
  }
  const queue = [...blocks]
  while (queue.length) {
    const node = queue.shift()!
    if (node.type === 'thematicBreak') {
      open()
      continue
    }
    if (node.type === 'heading') {
      // A subheading stays with the start of what follows it.
      const next = queue[0]
      const need = cost(node, m).height + (next ? minimumHeight(next, m) : 0)
      if (need > room.height) open()
      add(node)
      continue
    }
    if (fits(cost(node, m), room)) {
      add(node)
      continue
    }
    const empty = parts[parts.length - 1].length === 0
    const pieces = take(node, room, m, empty)
    if (!pieces) {
      if (!empty) {
        open()
        queue.unshift(node)
        continue
      }
      add(node)
      continue
    }
    add(pieces[0])
    if (pieces[1]) {
      open()
      queue.unshift(pieces[1])
    }
  }
  return parts.filter((part) => part.length)
}

interface Cost {
  height: number
  words: number
  items: number
  bullets: number
}

export function cost(node: RootContent, m: ThemeMetrics): Cost {
  const items = node.type === 'list' ? node.children.length : 0
  return {
    height: blockHeight(node, m),
    words: node.type === 'code' ? 0 : wordCount(toString(node)),
    items,
    bullets: node.type === 'list' && node.data?.condensed ? items : 0,
  }
}

/** Estimated height of a slide's body: its blocks one under another. */
export function bodyHeight(blocks: RootContent[], m: ThemeMetrics): number {
  return blocks.reduce((sum, block) => sum + cost(block, m).height, 0)
}

function fits(c: Cost, room: Room): boolean {
  return c.height <= room.height && c.words <= room.words && c.items <= room.items && c.bullets <= room.bullets
}

function subtract(room: Room, c: Cost): Room {
  return { height: room.height - c.height, words: room.words - c.words, items: room.items - c.items, bullets: room.bullets - c.bullets }
}

function minimumHeight(node: RootContent, m: ThemeMetrics): number {
  const first = take(node, { height: 0, words: 0, items: 0, bullets: 0 }, m, true)
  return first ? cost(first[0], m).height : cost(node, m).height
}

/**
 * The largest leading piece of a splittable block that fits the room, and the rest.
 * With `force`, at least one unit (item, line group, row) is taken even if it does not fit.
 */
function take(node: RootContent, room: Room, m: ThemeMetrics, force: boolean): [RootContent, RootContent?] | undefined {
  const width = m.width - 2 * m.padX
  switch (node.type) {
    case 'list':
      return takeList(node, room, m, width, force)
    case 'code':
      return takeCode(node, room, m, width, force)
    case 'table':
      return takeTable(node, room, m, width, force)
    case 'blockquote':
      return takeQuote(node, room, m, force)
    default:
      return undefined
  }
}

function takeList(list: List, room: Room, m: ThemeMetrics, width: number, force: boolean): [List, List?] | undefined {
  let height = m.blockGap
  let words = 0
  let count = 0
  const limit = list.data?.condensed ? Math.min(room.items, room.bullets) : room.items
  for (const item of list.children) {
    height += itemHeight(item, m, width - m.indent)
    words += wordCount(toString(item))
    if (height > room.height || words > room.words || count + 1 > limit) break
    count += 1
  }
  // Two items at least on a slide that already holds something, or the list moves on whole.
  if (!force && count < Math.min(2, list.children.length)) return undefined
  if (count === 0) {
    // One item is too big on its own: split inside it, repeating its lead for context.
    const pieces = takeItem(list.children[0], room, m, width)
    if (pieces) {
      const head: List = { ...list, children: [pieces[0]] }
      const tail: List = { ...list, data: withoutNotes(list.data), children: [pieces[1], ...list.children.slice(1)], position: list.children[0].position }
      return [head, tail]
    }
  }
  count = Math.max(1, count)
  if (count >= list.children.length) return [list]
  const head: List = { ...list, children: list.children.slice(0, count) }
  const tail: List = { ...list, data: withoutNotes(list.data), children: list.children.slice(count), position: list.children[count].position }
  if (list.ordered) tail.start = (list.start ?? 1) + count
  return [head, tail]
}

function takeItem(item: ListItem, room: Room, m: ThemeMetrics, width: number): [ListItem, ListItem] | undefined {
  const nestedIndex = item.children.findIndex((child) => child.type === 'list')
  if (nestedIndex < 0) return undefined
  const lead = item.children.slice(0, nestedIndex)
  const leadHeight = lead.reduce((sum, child) => sum + blockHeight(child as RootContent, m, width - m.indent), m.itemGap)
  const nested = item.children[nestedIndex] as List
  const inner = takeList(nested, { ...room, height: room.height - leadHeight, words: Infinity, items: Infinity, bullets: Infinity }, m, width - m.indent, true)
  if (!inner || !inner[1]) return undefined
  const rest = item.children.slice(nestedIndex + 1)
  return [
    { ...item, children: [...lead, inner[0]] },
    { ...item, data: withoutNotes(item.data), children: [...lead.map(stripNotes), inner[1], ...rest] },
  ]
}

function stripNotes<T extends RootContent | ListItem['children'][number]>(node: T): T {
  return 'data' in node && node.data ? { ...node, data: withoutNotes(node.data) } : node
}

function takeCode(code: Code, room: Room, m: ThemeMetrics, width: number, force: boolean): [Code, Code?] | undefined {
  const rows = code.value.split('\n')
  const lineHeight = m.codeSize * m.codeLineHeight
  let height = 2 * m.codePad + m.blockGap
  let count = 0
  for (const row of rows) {
    height += codeLines(row, width, m) * lineHeight
    if (height > room.height) break
    count += 1
  }
  if (count < 3 && !force) return undefined
  count = Math.max(Math.min(3, rows.length), count)
  if (count >= rows.length) return [code]
  return [
    { ...code, value: rows.slice(0, count).join('\n') },
    { ...code, data: withoutNotes(code.data), value: rows.slice(count).join('\n') },
  ]
}

function takeTable(table: Table, room: Room, m: ThemeMetrics, width: number, force: boolean): [Table, Table?] | undefined {
  const heights = tableRowsHeight(table, m, width)
  const [header, ...rows] = table.children
  let height = heights[0] + m.blockGap
  let words = wordCount(toString(header))
  let count = 0
  for (const [index, row] of rows.entries()) {
    height += heights[index + 1]
    words += wordCount(toString(row))
    if (height > room.height || words > room.words + 40) break
    count += 1
  }
  if (!count && !force) return undefined
  count = Math.max(1, count)
  if (count >= rows.length) return [table]
  return [
    { ...table, children: [header, ...rows.slice(0, count)] },
    { ...table, data: withoutNotes(table.data), children: [header, ...rows.slice(count)] },
  ]
}

function takeQuote(quote: Blockquote, room: Room, m: ThemeMetrics, force: boolean): [Blockquote, Blockquote?] | undefined {
  let height = 8
  let count = 0
  for (const child of quote.children) {
    const next = height + blockHeight(child as RootContent, m)
    if (next > room.height) break
    height = next
    count += 1
  }
  // The first block that does not fit is split if it can be (code, a list, a table), so a
  // title or label stays with the start of what it introduces; so is a first block too big
  // for a slide of its own (a quoted list).
  if (count < quote.children.length) {
    const pieces = take(quote.children[count] as RootContent, { ...room, height: room.height - height }, m, false)
    if (pieces?.[1]) {
      return [
        { ...quote, children: [...quote.children.slice(0, count), pieces[0]] as Blockquote['children'] },
        { ...quote, data: withoutNotes(quote.data), children: [pieces[1], ...quote.children.slice(count + 1)] as Blockquote['children'] },
      ]
    }
  }
  // On a slide that holds something already, a title or label never ends the part: if only
  // such lines fit, the quote moves on whole.
  if (!force) while (count > 0 && count < quote.children.length && leads(quote.children[count - 1] as RootContent)) count -= 1
  if (!count && !force) return undefined
  count = Math.max(1, count)
  if (count >= quote.children.length) return [quote]
  return [
    { ...quote, children: quote.children.slice(0, count) },
    { ...quote, data: withoutNotes(quote.data), children: quote.children.slice(count) },
  ]
}

/** A heading or a line all in bold: it introduces what follows it. */
function leads(node: RootContent): boolean {
  return node.type === 'heading' || (node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'strong')
}

const maxListDepth = 4

/** Lists nested deeper than a slide can indent are lifted to the deepest level kept. */
function flattenDeepLists(blocks: RootContent[], file: VFile): void {
  const lift = (list: List, depth: number): void => {
    for (const item of list.children) {
      const nested = item.children.filter((child): child is List => child.type === 'list')
      for (const child of nested) {
        if (depth + 1 < maxListDepth) {
          lift(child, depth + 1)
          continue
        }
        // Bring every deeper item up to this level, in document order.
        const flat: ListItem[] = []
        const collect = (inner: List) => {
          for (const deep of inner.children) {
            flat.push({ ...deep, children: deep.children.filter((c) => c.type !== 'list') })
            for (const deeper of deep.children) if (deeper.type === 'list') collect(deeper)
          }
        }
        const before = child.children.length
        collect(child)
        if (flat.length !== before) {
          file.message(`List nested deeper than ${maxListDepth} levels; deeper items are shown at level ${maxListDepth}`, {
            place: child.position,
            ruleId: 'list-depth',
            source: 'chapterdeck',
          })
        }
        child.children = flat
      }
    }
  }
  for (const block of blocks) if (block.type === 'list') lift(block, 1)
}

/** A split block's notes stay with its first piece. */
function withoutNotes(data: Data | undefined): Data | undefined {
  if (!data?.notes) return data
  const { notes: _, ...rest } = data
  return rest
}

/** Numbers the parts of each logical slide. */
export function number(slides: Slide[]): void {
  const groups = new Map<number, Slide[]>()
  for (const slide of slides) {
    if (slide.group === undefined || slide.kind === 'image') continue
    const list = groups.get(slide.group) ?? []
    list.push(slide)
    groups.set(slide.group, list)
  }
  for (const parts of groups.values()) {
    if (parts.length < 2) continue
    parts.forEach((slide, index) => {
      slide.part = { index: index + 1, total: parts.length }
    })
  }
}
