import type { Code, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { isFrame, isolateLines, nest, paragraphLines, parseMarkdown, tagTokens, type Item } from './blocks.js'
import { active, blocksOf, flowParents, guess, rewrite, Tally } from './dialect.js'
import { readInside } from './includes.js'
import type { JsxTag } from './jsx-tags.js'

// mdBook (the Rust book, the Rust reference): `{{#include file:anchor}}` and
// `{{#rustdoc_include …}}` in code, rustdoc's hidden `# ` lines in Rust code, the reference's
// rule ids (`r[statement.let.intro]` on their own line) and the book's `<Listing>` wrapper.
const ruleId = /^r\[[\w.-]+\]$/
const include = /\{\{#(include|rustdoc_include|playground)\s+([^}\s]+)\s*\}\}/g

export function mdbookDialect() {
  return (tree: Root, file: VFile) => {
    if (!active(file, 'mdbook')) return
    const tally = new Tally(file, 'mdbook')
    for (const parent of flowParents(tree)) {
      isolateLines(parent, file, (line) => ruleId.test(line) || /^\{\{#title\s/.test(line))
      const items = nest(
        blocksOf(parent).flatMap((node) => tagTokens(node, file, (tag) => tag.name === 'Listing')),
        (node) => rewrite(file, node),
      )
      parent.children = render(items, file, tally) as never
    }
    visit(tree, 'code', (node: Code) => {
      if (/\{\{#(?:include|rustdoc_include|playground)\s/.test(node.value)) node.value = includes(node, file, tally)
      if (/^rust\b/.test(node.lang ?? '')) hideLines(node, tally)
    })
    tally.flush()
  }
}

function render(items: Item<JsxTag>[], file: VFile, tally: Tally): RootContent[] {
  return items.flatMap((item): RootContent[] => {
    if (isFrame(item)) {
      tally.add('mdBook: <Listing> read as its caption and code', item.at.position)
      return [...listingCaption(item.open), ...render(item.children, file, tally)]
    }
    const lines = item.type === 'paragraph' ? paragraphLines(file, item) : []
    if (lines.length !== 1 || !(ruleId.test(lines[0].trim()) || /^\{\{#title\s/.test(lines[0].trim()))) return [item]
    tally.add(ruleId.test(lines[0].trim()) ? 'mdBook: rule ids r[…] dropped' : 'mdBook: {{#title}} dropped', item.position)
    rewrite(file, item)
    return []
  })
}

/** `<Listing number="4-1" file-name="src/main.rs" caption="…">`: a bold "Listing 4-1" and its caption. */
function listingCaption(tag: JsxTag): Paragraph[] {
  const { number, caption } = tag.attributes
  const name = tag.attributes['file-name']
  const head = `Listing${typeof number === 'string' ? ` ${number}` : ''}`
  const text = typeof caption === 'string' ? parseMarkdown(caption)[0] : undefined
  const children: PhrasingContent[] = [{ type: 'strong', children: [{ type: 'text', value: text ? `${head}:` : head }] }]
  if (text?.type === 'paragraph') children.push({ type: 'text', value: ' ' }, ...text.children)
  if (typeof name === 'string') children.push({ type: 'text', value: ` (${name})` })
  return [{ type: 'paragraph', children }]
}

/** Each include replaced by the file's lines, when the file is inside the book's folder (see includes.ts). */
function includes(node: Code, file: VFile, tally: Tally): string {
  return node.value.replace(include, (_written, kind: string, target: string) => {
    const [name, ...selector] = target.split(':')
    const found = readInside(file, name)
    if ('text' in found) {
      tally.add(`mdBook: {{#${kind}}} read from ${found.scope}`, node.position)
      return select(found.text, selector).replace(/\n$/, '')
    }
    const where = found.missing === 'outside' ? `outside ${found.scope}` : 'not found'
    guess(file, 'mdbook', `mdBook: {{#${kind} ${target}}}: the file is ${where}; the slide shows a placeholder`, node.position)
    return `// ${name} (${where})`
  })
}

/** The lines an include selects: an anchor's, a line range's, or all; anchor markers removed. */
function select(text: string, selector: string[]): string {
  const lines = text.split('\n')
  let chosen = lines
  if (selector.length === 1 && selector[0] && !/^\d*$/.test(selector[0])) {
    const start = lines.findIndex((line) => new RegExp(`ANCHOR:\\s*${selector[0]}\\b`).test(line))
    const end = lines.findIndex((line, at) => at > start && new RegExp(`ANCHOR_END:\\s*${selector[0]}\\b`).test(line))
    if (start >= 0) chosen = lines.slice(start + 1, end > start ? end : undefined)
  } else if (selector.length) {
    const from = Number(selector[0] || 1)
    const to = selector.length > 1 ? (selector[1] ? Number(selector[1]) : lines.length) : from
    chosen = lines.slice(from - 1, to)
  }
  const kept = chosen.filter((line) => !/\bANCHOR(?:_END)?:/.test(line))
  // An anchor inside a function keeps its indentation; a slide has no room for it.
  const indent = Math.min(...kept.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length))
  return kept.map((line) => line.slice(Number.isFinite(indent) ? indent : 0)).join('\n')
}

/** rustdoc hides `# ` lines of Rust code from readers; `##` stands for a literal `#`. */
function hideLines(node: Code, tally: Tally): void {
  const lines = node.value.split('\n')
  const kept = lines.filter((line) => !/^\s*#(?:\s|$)/.test(line)).map((line) => line.replace(/^(\s*)##/, '$1#'))
  if (kept.length === lines.length) return
  tally.add("mdBook: rustdoc's hidden lines (# ) hidden in Rust code", node.position)
  node.value = kept.join('\n').replace(/^\n+|\n+$/g, '')
}
