import type { Code, Link, Paragraph, Root, Table, TableCell, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { parse } from 'yaml'
import { plainText } from '../../util/sentences.js'
import { paragraphLines, parseMarkdown } from './blocks.js'
import { rewrite, type Tally } from './dialect.js'

// Inline markup of Eloquent JavaScript: `((term))` index marks read as the term, `[text]{tag}`
// spans as their text, and `[Chapter ?](name)` links, whose `?` the book fills with a number.
// A term may run over a line break: `((callback\nfunction))`.
const term = /\(\((?!\()([^()]{1,80}?)\)\)/g
const span = /\[([^\]\n]+)\]\{\w+(?:\s[^}\n]*)?\}/g

export function eloquentInline(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, (node) => {
    if (node.type === 'code' || node.type === 'inlineCode') return SKIP
    if (node.type === 'link') chapterLink(node, file, tally)
    if (node.type !== 'text') return
    const text = node as Text
    const before = text.value
    text.value = text.value.replace(term, '$1').replace(span, '$1')
    if (text.value === before) return
    if (/\(\(/.test(before)) tally.add('Eloquent JavaScript: ((term)) index marks read as the term', text.position)
    if (/\]\{/.test(before)) tally.add('Eloquent JavaScript: [text]{tag} spans read as their text', text.position)
    rewrite(file, before, text.value)
  })
}

function chapterLink(link: Link, file: VFile, tally: Tally): void {
  const chapter = /^([\w-]+)(?:#[\w-]+)?$/.exec(link.url)?.[1]
  if (!chapter) return
  visit(link, 'text', (text: Text) => {
    if (!text.value.includes('?')) return
    const before = text.value
    text.value = text.value.replace(/\?/g, `“${chapter}”`)
    rewrite(file, before, text.value)
    tally.add('Eloquent JavaScript: a chapter link\'s "?" (its number) read as the chapter\'s name', link.position)
  })
}

/** Fence info is pseudo-JSON: `{lang: "text/html"}`, `{test: no}`; `hidden` code is setup only. */
export function eloquentCode(tree: Root, tally: Tally): void {
  visit(tree, 'code', (node: Code, index, parent) => {
    const info = [node.lang, node.meta].filter(Boolean).join(' ').trim()
    let options: Record<string, unknown> = {}
    if (info.startsWith('{') && info.endsWith('}')) {
      try {
        options = (parse(info) ?? {}) as Record<string, unknown>
      } catch {
        options = {}
      }
      tally.add('Eloquent JavaScript: code fence options read', node.position)
    } else if (info) return
    if (options.hidden === true && parent && index !== undefined) {
      parent.children.splice(index, 1)
      return index
    }
    const lang = typeof options.lang === 'string' ? options.lang : 'javascript'
    node.lang = lang.replace(/^(?:text|application)\//, '').replace(/^plain$/, 'text')
    node.meta = null
  })
}

/** Lines that each start with `|` and no delimiter row: the book's own tables. */
export function eloquentTables(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined) return
    const lines = paragraphLines(file, node).map((line) => line.trim())
    if (!lines.every((line) => line.startsWith('|') && line.length > 1)) return
    const rows = lines.map((line) => [...line.slice(1).matchAll(/((?:[^`|]|`[^`]*`)+)\|?/g)].map((cell) => cell[1].trim()))
    const width = Math.max(...rows.map((row) => row.length))
    const table: Table = {
      type: 'table',
      align: Array(width).fill(null),
      position: node.position,
      children: rows.map((row) => ({
        type: 'tableRow',
        children: Array.from({ length: width }, (_, column): TableCell => {
          const block = parseMarkdown(row[column] ?? '', node.position)[0]
          return { type: 'tableCell', children: block?.type === 'paragraph' ? block.children : [] }
        }),
      })),
    }
    tally.add('Eloquent JavaScript: lines starting with "|" read as a table', node.position)
    parent.children.splice(index, 1, table)
  })
}

// The second edition: `(!html X!)(!tex Y!)` gives each edition its text (X with `~sub~`
// marks), and `pass:[…]` hands TeX to the print edition.
const editionPair = /\(!html ([\s\S]*?)!\)\(!tex [\s\S]*?!\)/g
const passBlock = /^pass:\[([\s\S]*)\]$/

/** The web edition's text of a paragraph written for both editions; a `pass:[…]` formula as display math. */
export function eloquentEditions(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    if (!parent || index === undefined) return
    const source = paragraphLines(file, node).join('\n').trim()
    // "// include_code" on its own line: the book's build marks the next code to run.
    if (/^\/\/ include_code\b/.test(source)) {
      tally.add('Eloquent JavaScript: // include_code marks dropped', node.position)
      parent.children.splice(index, 1)
      return index
    }
    if (!source.includes('(!html') && !passBlock.test(source)) return
    const text = source
      .replace(editionPair, (_, html: string) => html.replace(/([~_])([^~_\s]+)\1/g, '$2'))
      .replace(passBlock, (_, tex: string) => `$$\n${tex.replace(/\\(?:begin|end)\{equation\}/g, '').trim()}\n$$`)
    tally.add('Eloquent JavaScript: (!html …!)(!tex …!) read as the web edition, pass:[…] as a formula', node.position)
    const blocks = parseMarkdown(text, node.position) as Paragraph[]
    rewrite(file, node, plainText({ type: 'root', children: blocks }).trim())
    parent.children.splice(index, 1, ...blocks)
    return SKIP
  })
}
