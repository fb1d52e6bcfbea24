import type { Code, ListItem, Paragraph, Root, RootContent, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { isFrame, nest, paragraphLines, parseMarkdown, tagTokens, type Item } from './blocks.js'
import { active, blocksOf, flowParents, guess, rewrite, Tally } from './dialect.js'
import { readInside } from './includes.js'
import type { JsxTag } from './jsx-tags.js'

// MkDocs and Material for MkDocs (Python-Markdown extensions) beyond the admonitions and tabs
// every chapter's callouts understand: `<div … markdown>` blocks, icons (`:material-clock:`),
// attribute lists (`{ .lg .middle }`), code annotations (`# (1)!`), snippets
// (`--8<-- "file"`), keys (`++ctrl+c++`) and marks (`==x==`).
const icon = /:(?:material|octicons|fontawesome|simple)-[\w-]+:/g
const attributes = /\s*\{:?\s*(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|[^\s}]+))(?:\s+(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|[^\s}]+)))*\s*\}/g
const snippet = /^-{2}8<-{2}\s+["']([^"']+)["']\s*$/
// FastAPI's code include: `{* ../../docs_src/app/main.py hl[1,3] title["app/main.py"] *}`.
const codeInclude = /^\{\*\s+(\S+)[^*]*\*\}$/

export function mkdocsDialect() {
  return (tree: Root, file: VFile) => {
    if (!active(file, 'mkdocs')) return
    const tally = new Tally(file, 'mkdocs')
    const wrappers = new Set<string>()
    const isWrapper = (tag: JsxTag) => (tag.close ? wrappers.has(tag.name) : 'markdown' in tag.attributes && Boolean(wrappers.add(tag.name)))
    for (const parent of flowParents(tree)) {
      const items = nest(blocksOf(parent).flatMap((node) => tagTokens(node, file, isWrapper)), () => undefined)
      parent.children = unwrap(items, tally) as never
      parent.children = snippets(blocksOf(parent), file, tally) as never
      definitions(blocksOf(parent), file, tally)
    }
    inline(tree, file, tally)
    visit(tree, 'code', (node: Code) => annotations(node, tally))
    tally.flush()
  }
}

function unwrap(items: Item<JsxTag>[], tally: Tally): RootContent[] {
  return items.flatMap((item) => {
    if (!isFrame(item)) return [item]
    tally.add(`MkDocs: <${item.name} markdown> blocks unwrapped`, item.at.position)
    const blocks = unwrap(item.children, tally)
    // Cards draw a rule between their title and text; on a slide it only splits the item.
    for (const block of blocks) {
      visit(block, 'listItem', (node: ListItem) => {
        node.children = node.children.filter((child) => child.type !== 'thematicBreak')
      })
    }
    return blocks
  })
}

/** Snippet lines (`--8<-- "file"`) read the file from the book's folder (see includes.ts). */
function snippets(children: RootContent[], file: VFile, tally: Tally): RootContent[] {
  return children.flatMap((node) => {
    const lines = node.type === 'paragraph' ? paragraphLines(file, node) : []
    const match = lines.length === 1 ? snippet.exec(lines[0].trim()) : null
    const code = lines.length === 1 ? codeInclude.exec(lines[0].trim()) : null
    if (code) return [includeCode(node as Paragraph, code[1], file, tally)]
    return match ? include(node as Paragraph, match[1], file, tally) : [node]
  })
}

/**
 * A definition (`:   text`, Python-Markdown's def_list) is its text; the blocks under it are
 * indented four spaces more than CommonMark expects, so their code loses four.
 */
function definitions(children: RootContent[], file: VFile, tally: Tally): void {
  children.forEach((node, index) => {
    const first = node.type === 'paragraph' ? node.children[0] : undefined
    const prefix = first?.type === 'text' ? /^:[ \t]{1,4}(?=\S)/.exec(first.value) : null
    if (!prefix || first?.type !== 'text') return
    rewrite(file, first.value, first.value.slice(prefix[0].length))
    first.value = first.value.slice(prefix[0].length)
    tally.add('MkDocs: definitions (:   …) read as their text', node.position)
    for (let at = index + 1; children[at]?.type === 'code' && !(children[at] as Code).lang; at++) {
      const code = children[at] as Code
      code.value = code.value.replace(/^ {4}/gm, '')
    }
  })
}

function include(node: Paragraph, name: string, file: VFile, tally: Tally): RootContent[] {
  const found = readInside(file, name)
  rewrite(file, node)
  if ('text' in found) {
    tally.add(`MkDocs: snippets (--8<--) read from ${found.scope}`, node.position)
    return parseMarkdown(found.text, node.position)
  }
  guess(file, 'mkdocs', `MkDocs: the snippet "${name}" is ${found.missing === 'outside' ? `outside ${found.scope}` : 'not found'}; left out`, node.position)
  return []
}

const hashComments = new Set(['py', 'sh', 'bash', 'yaml', 'yml', 'toml', 'rb', 'r'])

/** A code include: the file's code, or a placeholder naming it. */
function includeCode(node: Paragraph, name: string, file: VFile, tally: Tally): Code {
  const found = readInside(file, name)
  rewrite(file, node)
  const extension = /\.(\w+)$/.exec(name)?.[1] ?? ''
  const lang = extension === 'py' ? 'python' : extension || null
  if ('text' in found) {
    tally.add(`MkDocs: code includes ({* … *}) read from ${found.scope}`, node.position)
    return { type: 'code', lang, value: found.text.replace(/\n$/, ''), position: node.position }
  }
  const where = found.missing === 'outside' ? `outside ${found.scope}` : 'not found'
  guess(file, 'mkdocs', `MkDocs: the code include "${name}" is ${where}; the slide shows a placeholder`, node.position)
  return { type: 'code', lang, value: `${hashComments.has(extension) ? '#' : '//'} ${name} (${where})`, position: node.position }
}

/** Icons and attribute lists go; `++ctrl+c++` reads as keys, `==mark==` and `^^insert^^` as text. */
function inline(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, (node) => {
    if (node.type === 'code' || node.type === 'inlineCode') return SKIP
    if (node.type !== 'text') return
    const text = node as Text
    const before = text.value
    text.value = text.value
      .replace(icon, '')
      .replace(attributes, '')
      .replace(/\+\+([\w+-]+?)\+\+/g, (_all, keys: string) => keys.split('+').map((key) => key[0].toUpperCase() + key.slice(1)).join('+'))
      .replace(/==([^=\n]+)==|\^\^([^^\n]+)\^\^/g, '$1$2')
      .replace(/(?<=\S) {2,}(?=\S)/g, ' ')
      .replace(/^\s+/, before.startsWith(' ') ? ' ' : '')
    if (text.value === before) return
    tally.add('MkDocs: icons, attribute lists, keys and marks read as text', text.position)
    rewrite(file, before, text.value)
  })
}

/** Code annotations (`# (1)!`) mark places for notes a slide does not show. */
function annotations(node: Code, tally: Tally): void {
  const cleaned = node.value.replace(/[ \t]*(?:#|\/\/|--|;|\/\*|<!--)[ \t]*\(\d+\)!?[ \t]*(?:\*\/|-->)?[ \t]*$/gm, '')
  if (cleaned === node.value) return
  tally.add('MkDocs: code annotation markers removed', node.position)
  node.value = cleaned
}
