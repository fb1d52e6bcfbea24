import type { FootnoteDefinition, Html, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { plainText } from '../../util/sentences.js'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { flatten, isFrame, nest, tagTokens, type Item } from './blocks.js'
import { active, blocksOf, flowParents, rewrite, Tally } from './dialect.js'
import type { JsxTag } from './jsx-tags.js'
import { latexInline, type LatexContext } from './latex.js'
import { collectLabels, latexBlocks } from './latex-blocks.js'
import { gridTables } from './pandoc-tables.js'

// Pandoc books: `<markdown>` … `</markdown>` for the web edition and `<latex>` … `</latex>` for
// print (AOSA writes both), LaTeX between and inside paragraphs, footnotes (`[^id]`, inline
// `^[…]`), table captions (`Table: …`, `: \label{x} …`), citations `[@key]`, `---` dashes.
const wrapper = (tag: JsxTag) => tag.name === 'markdown' || tag.name === 'latex'

export function pandocDialect() {
  return (tree: Root, file: VFile) => {
    if (!active(file, 'pandoc')) return
    const tally = new Tally(file, 'pandoc')
    const context: LatexContext = { file, tally, labels: new Map(), notes: [] }
    for (const parent of flowParents(tree)) {
      const items = nest(blocksOf(parent).flatMap((node) => tagTokens(node, file, wrapper)), (node) => rewrite(file, node))
      parent.children = editions(items, file, tally) as never
    }
    inlineEditions(tree, file, tally)
    htmlTableCaptions(tree)
    gridTables(tree, file, tally)
    collectLabels(tree, context)
    latexBlocks(tree, context)
    tableCaptions(tree, context)
    latexInline(tree, context)
    tree.children.push(...context.notes)
    footnotes(tree, file, tally)
    typography(tree, file, tally)
    tally.flush()
  }
}

/** The web edition kept, the print edition dropped. */
function editions(items: Item<JsxTag>[], file: VFile, tally: Tally): RootContent[] {
  return items.flatMap((item) => {
    if (!isFrame(item)) return [item]
    if (item.name === 'markdown') return editions(item.children, file, tally)
    tally.add('pandoc: <latex> blocks (the print edition) dropped; <markdown> blocks kept', item.at.position)
    for (const node of flatten(item.children)) rewrite(file, node)
    return []
  })
}

/** `<markdown>…</markdown><latex>…</latex>` inside a paragraph: the first kept, the second dropped. */
function inlineEditions(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, 'paragraph', (node: Paragraph) => {
    if (!node.children.some((child) => child.type === 'html' && /^<\/?(?:markdown|latex)>$/.test(child.value))) return
    const before = plainText(node)
    let print = false
    node.children = node.children.filter((child) => {
      if (child.type === 'html' && /^<\/?latex>$/.test(child.value)) {
        print = !child.value.startsWith('</')
        return false
      }
      return !print && !(child.type === 'html' && /^<\/?markdown>$/.test(child.value))
    })
    tally.add('pandoc: inline <latex> dropped, <markdown> kept', node.position)
    rewrite(file, before, plainText(node))
  })
}

/** A caption line written right under an HTML table is a paragraph of its own. */
function htmlTableCaptions(tree: Root): void {
  visit(tree, 'html', (node: Html, index, parent) => {
    const match = /<\/table>\s*\n((?:Table)?:\s[^\n]+)\s*$/.exec(node.value)
    if (!match || !parent || index === undefined) return
    node.value = node.value.slice(0, match.index + '</table>'.length)
    parent.children.splice(index + 1, 0, { type: 'paragraph', children: [{ type: 'text', value: match[1] }], position: node.position })
  })
}

/** `Table: caption` or `: \label{x} caption` under a table: a bold caption line, numbered. */
function tableCaptions(tree: Root, context: LatexContext): void {
  visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
    const before = parent && index !== undefined ? parent.children[index - 1] : undefined
    if (!parent || index === undefined || !(before?.type === 'table' || (before?.type === 'html' && /<\/table>\s*$/.test(before.value)))) return
    const text = toString(node)
    const match = /^(?:Table)?:\s+(?:\\label\{([^}]*)\}\s*)?([\s\S]+)$/.exec(text)
    if (!match) return
    const title = `${(match[1] && context.labels.get(match[1])) || 'Table'}: ${match[2].trim()}`
    parent.children.splice(index, 1)
    parent.children.splice(index - 1, 0, { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }], position: node.position })
    rewrite(context.file, text, title)
    context.tally.add('pandoc: table captions read', node.position)
  })
}

/** `[^id]` left as text (its definition was inside HTML) and inline notes `^[…]` as footnotes. */
function footnotes(tree: Root, file: VFile, tally: Tally): void {
  const defined = new Set<string>()
  visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
    defined.add(node.identifier.toLowerCase())
  })
  const added: FootnoteDefinition[] = []
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !/\[\^[^\]\s]+\]|\^\[[^\]]+\]/.test(node.value)) return
    const out: PhrasingContent[] = []
    let from = 0
    for (const match of node.value.matchAll(/\[\^([^\]\s]+)\]|\^\[([^\]]+)\]/g)) {
      const known = match[1] !== undefined && defined.has(match[1].toLowerCase())
      if (!known && match[2] === undefined) continue
      out.push({ type: 'text', value: node.value.slice(from, match.index) })
      let identifier = match[1] ?? ''
      if (match[2] !== undefined) {
        identifier = `inline-${added.length + 1}`
        added.push({ type: 'footnoteDefinition', identifier, label: identifier, children: [{ type: 'paragraph', children: [{ type: 'text', value: match[2] }] }] })
      }
      out.push({ type: 'footnoteReference', identifier: identifier.toLowerCase(), label: identifier })
      from = match.index + match[0].length
    }
    if (!from) return
    out.push({ type: 'text', value: node.value.slice(from) })
    tally.add('pandoc: footnote references read', node.position)
    rewrite(file, node.value, out.map((child) => (child.type === 'text' ? child.value : '')).join(''))
    parent.children.splice(index, 1, ...(out.filter((child) => child.type !== 'text' || child.value) as never[]))
    return SKIP
  })
  tree.children.push(...added)
}

/** Pandoc's smart punctuation (`---` an em dash, `--` an en dash), citations and spans. */
function typography(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, 'text', (node: Text) => {
    const before = node.value
    node.value = node.value
      .replace(/(?<!-)---(?!-)/g, '—')
      .replace(/(?<![-!<])--(?![->])/g, '–')
      .replace(/\[((?:-?@[\w:.#$%&+?<>~/-]+(?:,[^;\]]*)?;?\s*)+)\]/g, (_all, keys: string) => `(${keys.replace(/-?@/g, '').trim()})`)
      .replace(/\[([^\]\n]+)\]\{[.#][^}\n]*\}/g, '$1')
    if (node.value === before) return
    tally.add('pandoc: smart dashes, citations and spans read', node.position)
    rewrite(file, before, node.value)
  })
}
