import type { List, ListItem, Paragraph, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { displayLength } from '../util/text.js'
import type { ThemeMetrics } from './metrics.js'

/** Estimated height in px of one block on a slide, from the theme's metrics. */
export function blockHeight(node: RootContent, m: ThemeMetrics, width = m.width - 2 * m.padX): number {
  const line = m.bodySize * m.lineHeight
  switch (node.type) {
    case 'paragraph':
      return paragraphLines(node, width, m.bodySize, m.charWidth) * line + m.blockGap
    case 'heading':
      return lines(toString(node), width, m.subheadSize, m.charWidth) * m.subheadSize * 1.2 + m.blockGap + 8
    case 'list':
      return listHeight(node, m, width) + m.blockGap
    case 'code':
      return codeLines(node.value, width, m) * m.codeSize * m.codeLineHeight + 2 * m.codePad + m.blockGap
    case 'table':
      return tableRowsHeight(node, m, width).reduce((sum, row) => sum + row, 0) + m.blockGap
    case 'blockquote':
      return node.children.reduce((sum, child) => sum + blockHeight(child as RootContent, m, width - 30), 8)
    case 'thematicBreak':
      return 0
    case 'math':
      return Math.max(2, node.value.split('\n').length) * line * 1.3 + m.blockGap
    default:
      return lines(toString(node), width, m.bodySize, m.charWidth) * line + m.blockGap
  }
}

export function itemHeight(item: ListItem, m: ThemeMetrics, width: number): number {
  return item.children.reduce((sum, child) => {
    if (child.type === 'paragraph') return sum + paragraphLines(child, width, m.bodySize, m.charWidth) * m.bodySize * m.lineHeight
    if (child.type === 'list') return sum + listHeight(child, m, width - m.indent) + m.itemGap
    return sum + blockHeight(child as RootContent, m, width)
  }, m.itemGap)
}

function listHeight(list: List, m: ThemeMetrics, width: number): number {
  return list.children.reduce((sum, item) => sum + itemHeight(item, m, width - m.indent), 0)
}

export function tableRowsHeight(table: Table, m: ThemeMetrics, width: number): number[] {
  const columns = Math.max(1, ...table.children.map((row) => row.children.length))
  const columnWidth = width / columns
  return table.children.map((row) => {
    const tallest = Math.max(1, ...row.children.map((cell) => lines(toString(cell), columnWidth - 24, m.tableSize, m.charWidth)))
    return tallest * m.tableSize * m.tableLineHeight + 2 * m.cellPadY + 1
  })
}

export function codeLines(value: string, width: number, m: ThemeMetrics): number {
  const perLine = Math.max(1, Math.floor((width - 2 * m.codePad) / (m.codeSize * m.monoCharWidth)))
  return value.split('\n').reduce((sum, row) => sum + wrappedLines(row.replace(/\t/g, '    '), perLine), 0)
}

/**
 * Lines a text takes as a browser wraps it: after a space, and inside a word only when the
 * word is longer than a line (overflow-wrap). Spaces at a line's end hang; they never start
 * a new line, and those before the first word (a code row's indent) take room.
 */
function wrappedLines(text: string, perLine: number): number {
  let count = 1
  let used = 0
  // A word with the spaces after it (the first also with the spaces before it).
  for (const token of text.match(/ *[^ ]+ */g) ?? []) {
    const body = token.trimEnd()
    const length = displayLength(body)
    if (used && used + length > perLine) {
      count += 1
      used = 0
    }
    const end = used + length
    count += Math.ceil(end / perLine) - 1
    used = end - (Math.ceil(end / perLine) - 1) * perLine + (token.length - body.length)
  }
  return count
}

/** Wrapped line count of a paragraph: each hard line break (a callout's title line) starts a line. */
function paragraphLines(paragraph: Paragraph, width: number, size: number, charWidth: number): number {
  let count = 0
  let start = 0
  paragraph.children.forEach((child, index) => {
    if (child.type !== 'break') return
    count += lines(toString({ type: 'paragraph', children: paragraph.children.slice(start, index) }), width, size, charWidth)
    start = index + 1
  })
  return count + lines(toString({ type: 'paragraph', children: paragraph.children.slice(start) }), width, size, charWidth)
}

/** Wrapped line count of prose at a font size: its white space collapsed, as HTML shows it. */
export function lines(text: string, width: number, size: number, charWidth: number): number {
  return wrappedLines(text.replace(/\s+/g, ' ').trim(), Math.max(8, Math.floor(width / (size * charWidth))))
}

export function titleHeight(title: string, m: ThemeMetrics): number {
  return lines(title, m.width - 2 * m.padX, m.titleSize, m.charWidth) * m.titleSize * m.titleLineHeight + m.titleGap
}

/** The body height a slide with this title may fill. */
export function bodyBudget(title: string, m: ThemeMetrics): number {
  return (m.height - m.padTop - m.padBottom - titleHeight(title, m)) * m.fill
}
