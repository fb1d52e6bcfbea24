import type { Blockquote, Code, List, Paragraph, PhrasingContent, Root, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { Parent } from 'unist'
import type { VFile } from 'vfile'
import { isLabelWord } from '../util/callout-labels.js'
import { joinLines, splitLines } from '../util/phrasing.js'

// Callouts from the common documentation tools become a quote that opens with its title:
// GitHub alerts (`> [!NOTE]`), `:::` containers (VitePress, Docusaurus, MyST), `///` blocks
// (PyMdown), MkDocs admonitions (`!!! note "Title"` with an indented body) and MkDocs content
// tabs (`=== "Tab"` with an indented body), which would otherwise show their body as code.
const alert = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/i
const fenceOpen = /^(:{3,}|\/{3,})\s*\{?([\w-]*)\}?(?:\[([^\]]*)\])?\s*(?:\|\s*)?(.*)$/
const admonition = /^(?:!!!|\?\?\?\+?)\s*([\w-]+)((?:\s+(?:inline|end))*)(?:\s+"([^"]*)")?\s*$/
const contentTab = /^===[!+]?\s+"([^"]*)"\s*$/

type Warn = (node: RootContent, construct: string) => void
type Flow = Parent & { children: RootContent[] }

export function repairCallouts() {
  return (tree: Root, file: VFile) => {
    const warn: Warn = (node, construct) => file.info(`${construct} read as a callout`, { place: node.position, ruleId: 'callout', source: 'chapterdeck' })
    walk(tree, (parent) => {
      for (let index = 0; index < parent.children.length; index++) {
        const node = parent.children[index]
        if (node.type === 'blockquote') githubAlert(node, warn)
        if (node.type === 'table') {
          const made = tableCallout(node)
          if (made) {
            warn(node, 'One-cell table')
            parent.children[index] = made
          }
        }
        if (node.type !== 'paragraph') continue
        const lines = splitLines(node.children)
        if (!mkdocsBlock(parent, index, lines, warn)) container(parent, index, lines, warn, String(file.value))
      }
    })
  }
}

/**
 * `!!! note "Title"` or `=== "Tab"` over its body: the lines right under it (CommonMark runs
 * them on lazily), then the code blocks CommonMark made of the indented ones.
 */
function mkdocsBlock(parent: Flow, index: number, lines: PhrasingContent[][], warn: Warn): boolean {
  const node = parent.children[index]
  const first = toString(lines[0] ?? []).trim()
  const mkdocs = admonition.exec(first)
  const tab = contentTab.exec(first)
  const next = parent.children[index + 1]
  if (!(mkdocs || tab) || !(lines.length > 1 || (next?.type === 'code' && !next.lang))) return false
  warn(node, mkdocs ? 'MkDocs admonition' : 'MkDocs content tab')
  const body: RootContent[] = lines.length > 1 ? [{ type: 'paragraph', children: joinLines(lines.slice(1)) }] : []
  let end = index
  for (let code = parent.children[end + 1]; code?.type === 'code' && !code.lang; code = parent.children[end + 1]) {
    // A `<div … markdown>` wrapper inside the body (MkDocs' result blocks) goes, as the dialect's do.
    body.push(...(unified().use(remarkParse).use(remarkGfm).parse(code.value) as Root).children.filter((child) => !markdownWrapper(child)))
    end += 1
  }
  const blocks = mkdocs
    ? [quote(title(mkdocs[1], mkdocs[3]), body, node)]
    : // A tab is its label, then its body: no quote of its own, so a long body still
      // splits across slides. The label may open with an icon (`:octicons-mark-github-16:`).
      [label(tab![1].replace(/:[\w-]+:/g, '').trim() || 'Tab', node), ...body]
  parent.children.splice(index, end - index + 1, ...blocks)
  return true
}

function markdownWrapper(node: RootContent): boolean {
  return node.type === 'html' && /^(?:<div\b[^>]*\bmarkdown\b[^>]*>|<\/div>)$/.test(node.value.trim())
}

/** A `:::` or `///` container: the rest of its paragraph, then siblings up to its closing line. */
function container(parent: Flow, index: number, lines: PhrasingContent[][], warn: Warn, source: string): void {
  const node = parent.children[index]
  const fence = fenceOpen.exec(toString(lines[0] ?? []).trim())
  if (!fence || !(fence[2] || fence[3] || fence[4])) return
  const close = closing(fence[1])
  const body: RootContent[] = []
  let end = index
  const take = (restLines: PhrasingContent[][]) => {
    const at = restLines.findIndex((line) => close.test(toString(line).trim()))
    const kept = at >= 0 ? restLines.slice(0, at) : restLines
    if (kept.some((line) => toString(line).trim())) body.push({ type: 'paragraph', children: joinLines(kept) })
    return at >= 0
  }
  // A MyST directive's options (":class: tip") are settings, not words.
  const rest = lines.slice(1)
  const options = rest.findIndex((line) => !/^:[\w-]+:/.test(toString(line).trim()))
  let closed = take(rest.slice(options < 0 ? rest.length : options))
  while (!closed && end + 1 < parent.children.length) {
    const sibling = parent.children[end + 1]
    if (sibling.type === 'heading') break
    end += 1
    if (sibling.type === 'paragraph') closed = take(splitLines(sibling.children))
    else {
      // A closing line right under a list is read as the last item's own last line.
      closed = sibling.type === 'list' && closesList(sibling, close)
      body.push(sibling)
    }
  }
  if (!closed) return
  warn(node, `"${fence[1]}" container`)
  // A MyST example shows Markdown as written beside what it makes: on a slide, as written.
  const example = fence[2] === 'myst-example' ? exampleSource(source, node, parent.children[end]) : undefined
  parent.children.splice(index, end - index + 1, quote(title(example ? 'example' : fence[2] || 'note', fence[3] || fence[4]), example ? [example] : body, node))
}

/** Takes a closing fence off the end of a list's last item, where Markdown puts a lazy line. */
function closesList(list: List, close: RegExp): boolean {
  const item = list.children[list.children.length - 1]
  const last = item?.children[item.children.length - 1]
  if (last?.type !== 'paragraph') return false
  const lines = splitLines(last.children)
  if (!close.test(toString(lines[lines.length - 1] ?? []).trim())) return false
  if (lines.length > 1) last.children = joinLines(lines.slice(0, -1))
  else item.children.pop()
  return true
}

/** The Markdown between a container's fences, as code. */
function exampleSource(source: string, open: RootContent, last: RootContent): Code | undefined {
  const start = open.position?.start.offset
  const end = last.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const lines = source.slice(start, end).split('\n').slice(1)
  if (/^\s*:{3,}\s*$/.test(lines[lines.length - 1] ?? '')) lines.pop()
  // Its options (":highlight: latex") set how the example shows; they are not its source.
  while (/^\s*:[\w-]+:/.test(lines[0] ?? '')) lines.shift()
  return { type: 'code', lang: 'md', value: lines.join('\n').trim(), position: open.position }
}

function githubAlert(node: Blockquote, warn: Warn): void {
  const first = node.children[0]
  if (first?.type !== 'paragraph' || first.children[0]?.type !== 'text') return
  const head = first.children[0]
  const match = alert.exec(head.value)
  if (!match) return
  warn(node, 'GitHub alert')
  head.value = head.value.slice(match[0].length)
  if (!head.value) first.children.shift()
  first.children.unshift({ type: 'strong', children: [{ type: 'text', value: capitalize(match[1]) }] }, { type: 'break' })
}

/** `| NOTE: |` over one column of rows (You Don't Know JS and other GitHub books): a callout. */
function tableCallout(node: Table): Blockquote | undefined {
  const [head, ...rows] = node.children
  const kind = /^(note|tip|warning|important|caution|hint|info)\s*:?$/i.exec(toString(head ?? []).trim())
  if (!kind || !rows.length || node.children.some((row) => row.children.length !== 1)) return undefined
  const body: RootContent[] = rows.map((row) => ({ type: 'paragraph', children: row.children[0].children, position: row.position }))
  return quote(capitalize(kind[1]), body, node)
}

function quote(heading: string, body: RootContent[], at: RootContent): Blockquote {
  // Its words join the notes (an image's alt text is on no slide), read once every repair ran:
  // a tab or admonition inside it is then words too. An aside list, empty, asks for that.
  return { type: 'blockquote', children: [boldLine(heading), ...(body as Blockquote['children'])], position: at.position, data: { asides: [] } }
}

function label(text: string, at: RootContent): Paragraph {
  return { ...boldLine(text), position: at.position }
}

/**
 * A callout a toolchain writes its own way (MDX `<Note>`, `<Pitfall>`): a quote that opens with
 * its title when it is short prose, else its title as a bold line over its blocks, which can
 * then split across slides like any others.
 */
export function callout(heading: string, body: RootContent[], at: RootContent): RootContent[] {
  const short = body.length <= 3 && body.every((node) => node.type === 'paragraph' || node.type === 'list')
  return short ? [quote(heading, body, at)] : [label(heading, at), ...body]
}

function boldLine(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] }
}

/** A callout's title from its kind and its own title: `note`, "Read this" → "Note: Read this"; `tip`, "Tipp" → "Tipp". */
export function title(kind: string, text?: string): string {
  const name = capitalize(kind.replace(/[-_]+/g, ' '))
  const own = text?.trim()
  // A title that is only a label word names the kind in the chapter's language ("/// tip | Tipp"): it alone.
  if (own && isLabelWord(own)) return capitalize(own)
  return own ? `${name}: ${own}` : name
}

function capitalize(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1).toLowerCase() : text
}

function closing(fence: string): RegExp {
  return fence.startsWith(':') ? new RegExp(`^:{${fence.length}}$`) : new RegExp(`^\\/{${fence.length}}$`)
}

function walk(node: Parent, visit: (parent: Parent & { children: RootContent[] }) => void): void {
  if (!('children' in node)) return
  visit(node as Parent & { children: RootContent[] })
  for (const child of node.children as RootContent[]) if ('children' in child) walk(child as Parent, visit)
}
