import type { Paragraph, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Position } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { joinLines, splitLines } from '../../util/phrasing.js'
import { plainText } from '../../util/sentences.js'
import { blocksOf, rewrite, sourceOf, type FlowParent } from './dialect.js'
import { asHtml, scanJsx, type JsxTag } from './jsx-tags.js'

interface Line {
  text: string
  position?: Position
}

/**
 * A paragraph's lines as written, each with its place: from the chapter's text when the
 * paragraph has offsets (text nodes lose escapes, so their own offsets drift), else from its
 * plain text. Quote markers and indentation before a line are not part of it.
 */
function sourceLines(file: VFile, node: Paragraph): Line[] {
  const start = node.position?.start
  const end = node.position?.end.offset
  if (start?.offset === undefined || end === undefined) return toString(node).split('\n').map((text) => ({ text }))
  let offset = start.offset
  return String(file.value)
    .slice(start.offset, end)
    .split('\n')
    .map((raw, index) => {
      const prefix = index ? (/^[ \t]*(?:>[ \t]?)*/.exec(raw)?.[0].length ?? 0) : 0
      const line = start.line + index
      const column = index ? prefix + 1 : start.column
      const text = raw.slice(prefix)
      const from = offset + prefix
      offset += raw.length + 1
      return { text, position: { start: { line, column, offset: from }, end: { line, column: column + text.length, offset: from + text.length } } }
    })
}

/** The lines of a paragraph as written. */
export function paragraphLines(file: VFile, node: Paragraph): string[] {
  return sourceLines(file, node).map((line) => line.text)
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
    const written = sourceLines(file, node)
    const marks = written.map((line) => isMarker(line.text.trim()))
    // A hard break hides a line from the inline nodes: such a paragraph stays whole.
    if (lines.length < 2 || lines.length !== written.length || !marks.some(Boolean)) continue
    const groups: number[][] = []
    marks.forEach((mark, at) => {
      if (mark || !groups.length || marks[at - 1]) groups.push([at])
      else groups[groups.length - 1].push(at)
    })
    const parts: Paragraph[] = groups.map((group) => {
      const first = written[group[0]].position
      const last = written[group[group.length - 1]].position
      return { type: 'paragraph', children: joinLines(group.map((at) => lines[at])), position: first && last ? { start: first.start, end: last.end } : node.position }
    })
    children.splice(index, 1, ...parts)
    index += parts.length - 1
  }
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

/**
 * A block that holds tags becomes tokens: the tags `isWrapper` accepts (MDX components,
 * pandoc's `<markdown>`) open and close frames, the Markdown between them is parsed, and other
 * HTML elements lose the JSX-only attributes HTML cannot read.
 */
export function tagTokens(node: RootContent, file: VFile, isWrapper: (tag: JsxTag) => boolean): Token<JsxTag>[] {
  const written = node.type === 'html' ? node.value : node.type === 'paragraph' ? sourceOf(file, node, () => toString(node)) : ''
  if (!/^\s*<[A-Za-z/]/.test(written)) return [{ block: node }]
  const parts = scanJsx(written)
  const jsxOnly = parts.some((part) => 'tag' in part && !isWrapper(part.tag) && part.tag.raw.includes('={'))
  if (!parts.some((part) => 'tag' in part && isWrapper(part.tag)) && !jsxOnly) return [{ block: node }]
  const tokens: Token<JsxTag>[] = []
  let text = ''
  const flush = () => {
    if (text.trim()) tokens.push(...parseMarkdown(text.trim(), node.position).map((block) => ({ block })))
    text = ''
  }
  for (const part of parts) {
    if ('text' in part) text += part.text
    else if (!isWrapper(part.tag)) text += asHtml(part.tag)
    else {
      flush()
      if (part.tag.close) tokens.push({ close: part.tag.name, node })
      else tokens.push({ open: part.tag, name: part.tag.name, node })
      if (part.tag.selfClosing) tokens.push({ close: part.tag.name, node })
    }
  }
  flush()
  // What the block's text became, for coverage: the Markdown it held, without its tags.
  const made = tokens.flatMap((token) => ('block' in token ? [plainText(token.block)] : []))
  if (node.type === 'paragraph') rewrite(file, node, made.join('\n'))
  return tokens
}
