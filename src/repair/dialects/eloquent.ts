import type { Blockquote, Paragraph, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { parse } from 'yaml'
import { spoken } from '../../util/spoken.js'
import { isFrame, isolateLines, nest, paragraphLines, type Item, type Token } from './blocks.js'
import { active, addAside, blocksOf, flowParents, guess, rewrite, Tally } from './dialect.js'
import { eloquentCode, eloquentEditions, eloquentInline, eloquentTables } from './eloquent-inline.js'

// Eloquent JavaScript's own markup (its src/markdown.mjs): `{{tag args}}` lines, and blocks
// from `{{tag args` to `tag}}`. Arguments are pseudo-JSON, which YAML's flow syntax reads.
const single = /^\{\{(\w+)\b(.*)\}\}$/
const opener = /^\{\{(\w+)\b(.*)$/
const closer = /^(\w+)\}\}$/

interface Directive {
  tag: string
  args: unknown[]
}

export function eloquentDialect() {
  return (tree: Root, file: VFile) => {
    if (!active(file, 'eloquent')) return
    const tally = new Tally(file, 'eloquent')
    // Inline marks first, so a hint's words reach the notes already read.
    eloquentEditions(tree, file, tally)
    eloquentInline(tree, file, tally)
    for (const parent of flowParents(tree)) {
      isolateLines(parent, file, (line) => single.test(line) || opener.test(line) || closer.test(line))
      const items = nest(tokens(blocksOf(parent), file), (node) => {
        rewrite(file, node)
        tally.add(`Eloquent JavaScript: a closing "${toString(node)}" without its opening line, dropped`, node.position)
      })
      parent.children = render(items, file, tally) as never
    }
    eloquentCode(tree, tally)
    eloquentTables(tree, file, tally)
    tally.flush()
  }
}

function tokens(children: RootContent[], file: VFile): Token<Directive>[] {
  return children.map((node) => {
    if (node.type !== 'paragraph') return { block: node }
    const lines = paragraphLines(file, node)
    if (lines.length !== 1) return { block: node }
    const line = lines[0].trim()
    const close = closer.exec(line)
    if (close) return { close: close[1], node }
    if (single.test(line)) return { block: node }
    const open = opener.exec(line)
    return open ? { open: directive(open[1], open[2]), name: open[1], node } : { block: node }
  })
}

function directive(tag: string, rest: string): Directive {
  if (!rest.trim()) return { tag, args: [] }
  try {
    const args = parse(`[${rest}]`)
    return { tag, args: Array.isArray(args) ? args : [] }
  } catch {
    return { tag, args: [] }
  }
}

/** The items of one parent, directives replaced by what they mean. */
function render(items: Item<Directive>[], file: VFile, tally: Tally): RootContent[] {
  const out: RootContent[] = []
  let asides: string[] = []
  const push = (...blocks: RootContent[]) => {
    for (const block of blocks) {
      if (asides.length) addAside(block, ...asides.splice(0))
      out.push(block)
    }
  }
  for (const item of items) {
    if (!isFrame(item)) {
      push(...singleDirective(item, file, tally))
      continue
    }
    rewrite(file, item.at)
    const body = render(item.children, file, tally)
    const tag = item.open.tag
    if (tag === 'hint') {
      tally.add('Eloquent JavaScript: {{hint}} blocks go to the notes', item.at.position)
      const words = `Hint: ${spoken({ type: 'root', children: body } as Root)}`
      const last = out[out.length - 1]
      if (last) addAside(last, words)
      else asides.push(words)
    } else if (tag === 'quote') {
      tally.add('Eloquent JavaScript: {{quote}} read as a quote with its attribution', item.at.position)
      push(quote(body, item.open.args[0], item))
    } else {
      if (tag === 'if') tally.add('Eloquent JavaScript: {{if}} blocks kept as text', item.at.position)
      else guess(file, 'eloquent', `Eloquent JavaScript: unknown block {{${tag}}}; its content is kept as text`, item.at.position)
      push(...body)
    }
    if (!item.closed) guess(file, 'eloquent', `Eloquent JavaScript: {{${tag}}} is never closed by "${tag}}}"; read up to the end of its section`, item.at.position)
  }
  if (asides.length && out.length) addAside(out[out.length - 1], ...asides)
  return out
}

function singleDirective(node: RootContent, file: VFile, tally: Tally): RootContent[] {
  if (node.type !== 'paragraph') return [node]
  const lines = paragraphLines(file, node)
  const match = lines.length === 1 ? single.exec(lines[0].trim()) : null
  if (!match) return [node]
  const { tag, args } = directive(match[1], match[2])
  const options = (args[0] ?? {}) as Record<string, unknown>
  if (tag === 'figure' && typeof options.url === 'string') {
    const alt = typeof options.alt === 'string' ? options.alt : ''
    tally.add('Eloquent JavaScript: {{figure}} read as an image', node.position)
    rewrite(file, node, alt)
    return [{ type: 'paragraph', children: [{ type: 'image', url: options.url, alt, position: node.position }], position: node.position }]
  }
  rewrite(file, node)
  if (['meta', 'index', 'indexsee', 'id', 'table', 'figure'].includes(tag)) tally.add(`Eloquent JavaScript: {{${tag}}} lines dropped`, node.position)
  else guess(file, 'eloquent', `Eloquent JavaScript: unknown directive {{${tag}}} dropped`, node.position)
  return []
}

/** `{{quote {author, title}` … `quote}}`: the quote, then its attribution. */
function quote(body: RootContent[], options: unknown, item: { at: RootContent }): Blockquote {
  const { author, title } = (options ?? {}) as Record<string, unknown>
  const by = [author, title].filter((part): part is string => typeof part === 'string' && Boolean(part.trim()))
  const children = body.filter((node) => node.type !== 'html') as Blockquote['children']
  if (by.length) {
    const line: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: `— ${by.join(', ')}` }], position: item.at.position }
    children.push(line)
  }
  return { type: 'blockquote', children, position: item.at.position }
}
