import type { PhrasingContent, Text } from 'mdast'
import type { Point } from 'unist'

/** Splits inline content at soft line breaks ("\n" in text), keeping every other node whole. */
export function splitLines(children: PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]]
  for (const child of children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines[lines.length - 1].push(child)
      continue
    }
    const pieces = child.value.split('\n')
    let offset = child.position?.start.offset
    let line = child.position?.start.line
    pieces.forEach((value, index) => {
      if (index > 0) lines.push([])
      if (value) {
        const piece: Text = { type: 'text', value }
        if (offset !== undefined && line !== undefined) {
          const column = index === 0 ? child.position!.start.column : 1
          piece.position = {
            start: { line, column, offset },
            end: { line, column: column + value.length, offset: offset + value.length },
          }
        }
        lines[lines.length - 1].push(piece)
      }
      if (offset !== undefined) offset += value.length + 1
      if (line !== undefined) line += 1
    })
  }
  return lines
}

/** Joins lines back with soft breaks. */
export function joinLines(lines: PhrasingContent[][]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  lines.forEach((line, index) => {
    if (index > 0) out.push({ type: 'text', value: '\n' })
    out.push(...line)
  })
  return mergeText(out)
}

/** Merges adjacent text nodes, as remark would have produced them. */
export function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = { type: 'text', value: last.value + node.value }
    } else out.push(node)
  }
  return out
}

/** The point `index` characters into a text node that maps 1:1 onto its source. */
export function pointIn(node: Text, index: number): Point | undefined {
  const start = node.position?.start
  if (!start) return undefined
  const before = node.value.slice(0, index)
  const newlines = before.split('\n').length - 1
  const column = newlines ? before.length - before.lastIndexOf('\n') : start.column + index
  return { line: start.line + newlines, column, offset: start.offset === undefined ? undefined : start.offset + index }
}
