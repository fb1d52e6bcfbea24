import type { Blockquote, Code, Data, List, ListItem, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { wordCount } from '../util/text.js'
import { blockHeight, codeLines, itemHeight, tableRowsHeight } from './measure.js'
import type { ThemeMetrics } from './metrics.js'
import { codeBreak } from './code-break.js'
import type { Room } from './room.js'

/**
 * The largest leading piece of a splittable block that fits the room, and the rest.
 * With `force`, at least one unit (item, line group, row) is taken even if it does not fit.
 */
export function take(node: RootContent, room: Room, m: ThemeMetrics, force: boolean): [RootContent, RootContent?] | undefined {
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
  if (!list.children.length) return [list]
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
  const tail: List = { ...list, data: { ...withoutNotes(list.data), continued: true }, children: list.children.slice(count), position: list.children[count].position }
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
  // Between statements or blocks, never before a lone closing bracket.
  const at = codeBreak(rows, count, force)
  if (at < 0) return undefined
  if (at >= rows.length) return [code]
  return [
    { ...code, value: rows.slice(0, at).join('\n') },
    { ...code, data: withoutNotes(code.data), value: rows.slice(at).join('\n') },
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

/** A heading, a line all in bold or a lead-in sentence: it introduces what follows it. */
export function leads(node: RootContent): boolean {
  if (node.type === 'heading' || node.data?.leadIn) return true
  return node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'strong'
}

/** A split block's notes stay with its first piece. */
export function withoutNotes(data: Data | undefined): Data | undefined {
  if (!data?.notes) return data
  const { notes: _, ...rest } = data
  return rest
}

