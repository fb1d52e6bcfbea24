import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { joinLines, splitLines } from '../../util/phrasing.js'
import { blocksOf, type FlowParent } from './dialect.js'

/** The chapter's text of one line of inline nodes (its plain text when it has no position). */
export function lineSource(file: VFile, line: PhrasingContent[]): string {
  const start = line[0]?.position?.start.offset
  const end = line[line.length - 1]?.position?.end.offset
  if (start === undefined || end === undefined) return toString({ type: 'paragraph', children: line })
  return String(file.value).slice(start, end)
}

/** The lines of a paragraph as written. */
export function paragraphLines(file: VFile, node: Paragraph): string[] {
  return splitLines(node.children).map((line) => lineSource(file, line))
}

/**
 * Splits every paragraph of a parent so that each line `isMarker` accepts is a paragraph of its
 * own: block markers written without a blank line around them (`{{hint`, `:end_tab:`) then stand
 * apart from the prose they open or close.
 */
export function isolateLines(parent: FlowParent, file: VFile, isMarker: (line: string) => boolean): void {
  const children = blocksOf(parent)
  for (let index = 0; index < children.length; index++) {
    const node = children[index]
    if (node.type !== 'paragraph') continue
    const lines = splitLines(node.children)
    const texts = lines.map((line) => lineSource(file, line))
    if (lines.length < 2 || !texts.some((text) => isMarker(text.trim()))) continue
    const groups: PhrasingContent[][][] = []
    lines.forEach((line, at) => {
      const alone = isMarker(texts[at].trim())
      const last = groups[groups.length - 1]
      if (alone || !last || isMarker(texts[at - 1]?.trim() ?? '')) groups.push([line])
      else last.push(line)
    })
    const parts: Paragraph[] = groups.map((group) => ({ type: 'paragraph', children: joinLines(group), position: span(group.flat()) ?? node.position }))
    children.splice(index, 1, ...parts)
    index += parts.length - 1
  }
}

function span(nodes: PhrasingContent[]): Position | undefined {
  const start = nodes[0]?.position?.start
  const end = nodes[nodes.length - 1]?.position?.end
  return start && end ? { start, end } : undefined
}

/** A block opened and closed by markers, with what stands between them. */
export interface Frame<T> {
  open: T
  name: string
  /** The opening marker, for positions. */
  at: RootContent
  children: Item<T>[]
  closed: boolean
}
export type Item<T> = RootContent | Frame<T>
export type Token<T> = { open: T; name: string; node: RootContent } | { close: string; node: RootContent } | { block: RootContent }

export function isFrame<T>(item: Item<T>): item is Frame<T> {
  return 'open' in item && 'closed' in item
}

/**
 * Nests a run of tokens into frames. A closer matches the innermost open frame of its name;
 * frames left open by it (or by the end) stay unclosed, for the caller to warn about; a closer
 * that matches nothing goes to `stray`.
 */
export function nest<T>(tokens: Token<T>[], stray: (node: RootContent) => void): Item<T>[] {
  const root: Frame<T> = { open: undefined as T, name: '', at: { type: 'thematicBreak' }, children: [], closed: true }
  const stack: Frame<T>[] = [root]
  for (const token of tokens) {
    const top = stack[stack.length - 1]
    if ('block' in token) top.children.push(token.block)
    else if ('open' in token) {
      const frame: Frame<T> = { open: token.open, name: token.name, at: token.node, children: [], closed: false }
      top.children.push(frame)
      stack.push(frame)
    } else {
      const depth = stack.map((frame) => frame.name).lastIndexOf(token.close)
      if (depth < 1) stray(token.node)
      else {
        stack[depth].closed = true
        stack.length = depth
      }
    }
  }
  return root.children
}

/** The blocks of a frame's content with every inner frame unwrapped in place. */
export function flatten<T>(items: Item<T>[]): RootContent[] {
  return items.flatMap((item) => (isFrame(item) ? flatten(item.children) : [item]))
}

/**
 * Markdown written inside HTML or a directive, parsed as the chapter is. Its nodes get the line
 * and column of `at` for messages, but no offsets: they have no text of their own in the chapter.
 */
export function parseMarkdown(markdown: string, at?: Position): RootContent[] {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkMath).parse(markdown)
  const place = at && { start: { line: at.start.line, column: at.start.column }, end: { line: at.end.line, column: at.end.column } }
  visit(tree, (node) => {
    node.position = place
  })
  return tree.children
}
