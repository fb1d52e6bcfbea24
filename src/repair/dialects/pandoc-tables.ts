import type { Paragraph, Root, Table, TableCell } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { paragraphLines, parseMarkdown } from './blocks.js'
import { rewrite, type Tally } from './dialect.js'

// Pandoc's grid tables, which CommonMark reads as one paragraph of `+---+` and `| … |` lines:
//   +-------+--------+
//   | Fruit | Price  |
//   +=======+========+
//   | Apple | $1.34  |
//   +-------+--------+
// Columns run between the `+` of the first rule; a cell's lines join into one.
const rule = /^\+(?:[-=:]+\+)+$/

export function gridTables(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined) return
    const lines = paragraphLines(file, node).map((line) => line.trim())
    if (lines.length < 3 || !rule.test(lines[0]) || !lines.every((line) => rule.test(line) || line.startsWith('|'))) return
    const table = gridTable(lines, node)
    if (!table) return
    tally.add('pandoc: grid tables read as tables', node.position)
    rewrite(file, node, lines.filter((line) => !rule.test(line)).join(' '))
    parent.children.splice(index, 1, table)
  })
}

function gridTable(lines: string[], at: Paragraph): Table | undefined {
  const bounds = [...lines[0].matchAll(/\+/g)].map((match) => match.index)
  const rows: string[][] = []
  let current: string[][] | undefined
  for (const line of lines) {
    if (rule.test(line)) {
      if (current) rows.push(current.map((parts) => parts.join(' ').trim()))
      current = undefined
      continue
    }
    current ??= bounds.slice(1).map(() => [])
    bounds.slice(1).forEach((end, column) => {
      const text = line.slice(bounds[column] + 1, end).trim()
      if (text) current![column].push(text)
    })
  }
  if (!rows.length) return undefined
  return {
    type: 'table',
    align: bounds.slice(1).map(() => null),
    position: at.position,
    children: rows.map((row) => ({
      type: 'tableRow',
      children: row.map((cell): TableCell => {
        const block = parseMarkdown(cell, at.position)[0]
        return { type: 'tableCell', children: block?.type === 'paragraph' ? block.children : [{ type: 'text', value: cell }] }
      }),
    })),
  }
}
