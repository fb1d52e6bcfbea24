import type { Code, Heading, List, Paragraph, Root, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { isFrame, isolateLines, nest, paragraphLines, type Frame, type Item, type Token } from './blocks.js'
import { addAside, blocksOf, flowParents, guess, rewrite, sourceOf } from './dialect.js'
import type { LatexContext } from './latex.js'
import { argumentOf, commands, layoutOnly } from './latex-scan.js'

// LaTeX written between a pandoc chapter's paragraphs: environments (`\begin{table}` …
// `\end{table}`), AOSA's figures (`\aosafigure[w]{file}{caption}{label}`) and page layout.
const environment = /^\\(begin|end)\{([\w*]+)\}/
const figure = /^\\aosafigure\b/

/** Numbers figures and tables and names sections by their labels, before any is resolved. */
export function collectLabels(tree: Root, context: LatexContext): void {
  let figures = 0
  let tables = 0
  let heading: Heading | undefined
  visit(tree, (node) => {
    if (node.type === 'heading') heading = node
    if (node.type !== 'paragraph') return
    const text = sourceOf(context.file, node, () => toString(node))
    for (const command of commands(text)) {
      if (command.name === 'aosafigure' && command.args[2]) context.labels.set(command.args[2], `Figure ${++figures}`)
      if (command.name !== 'label' || !command.args[0]) continue
      if (/^(?:Table)?:\s*\\label/m.test(text) || /\\begin\{table/.test(text)) context.labels.set(command.args[0], `Table ${++tables}`)
      else if (heading && text.trim().split('\n')[0] === `\\label{${command.args[0]}}`) context.labels.set(command.args[0], `“${toString(heading)}”`)
    }
  })
}

/** Environments and block commands replaced by the Markdown they mean. */
export function latexBlocks(tree: Root, context: LatexContext): void {
  const marker = (line: string) => environment.test(line) || figure.test(line) || layoutLine(line)
  for (const parent of flowParents(tree)) {
    isolateLines(parent, context.file, marker)
    const tokens: Token<string>[] = blocksOf(parent).map((node) => {
      const line = node.type === 'paragraph' ? paragraphLines(context.file, node) : []
      const match = line.length === 1 ? environment.exec(line[0].trim()) : null
      if (!match) return { block: node }
      if (match[1] === 'begin') return { open: match[2], name: match[2], node }
      rewrite(context.file, node)
      return { close: match[2], node }
    })
    const items = nest(tokens, (node) => rewrite(context.file, node))
    parent.children = renderLatex(items, context) as never
  }
}

/** Coverage stops looking for these blocks as written (inner environments' lines too). */
function forget(items: Item<string>[], context: LatexContext): void {
  for (const item of items) {
    rewrite(context.file, isFrame(item) ? item.at : item)
    if (isFrame(item)) forget(item.children, context)
  }
}

function layoutLine(line: string): boolean {
  const found = commands(line)
  if (!found.length || !found.every((command) => layoutOnly.has(command.name))) return false
  let rest = line
  for (const command of [...found].reverse()) rest = rest.slice(0, command.start) + rest.slice(command.end)
  return !rest.trim()
}

function renderLatex(items: Item<string>[], context: LatexContext): RootContent[] {
  const out: RootContent[] = []
  for (const item of items) {
    if (!isFrame(item)) {
      out.push(...blockCommand(item, context))
      continue
    }
    rewrite(context.file, item.at)
    if (!item.closed) guess(context.file, 'latex', `LaTeX: \\begin{${item.name}} is never ended; read up to the end of its section`, item.at.position)
    const made = environmentBlocks(item, context, rawOf(item.children, context))
    // Its lines were LaTeX; what they hold is now on the slide or in the notes, in words.
    forget(item.children, context)
    if (made) out.push(...made)
    else {
      guess(context.file, 'latex', `LaTeX: environment ${item.name} has no slide form; its text goes to the notes`, item.at.position)
      const words = rawOf(item.children, context).replace(/\\[A-Za-z]+\*?(\[[^\]]*\])?/g, ' ').replace(/[{}]/g, '').replace(/[ \t]+/g, ' ').trim()
      const last = out[out.length - 1]
      if (last && words) addAside(last, words)
    }
  }
  return out
}

/** What an environment shows, or undefined for the notes. */
function environmentBlocks(frame: Frame<string>, context: LatexContext, raw: string): RootContent[] | undefined {
  const name = frame.name.replace(/\*$/, '')
  const at = frame.at.position
  context.tally.add(`LaTeX: \\begin{${name}} environments read as what they hold`, at)
  if (name === 'table' || name === 'longtable' || name === 'tabular' || name === 'tabularx') {
    const table = tabular(raw)
    const caption = argumentOf(raw, 'caption')
    const label = argumentOf(raw, 'label') ?? argumentOf(caption ?? '', 'label')
    const title = caption ? `${(label && context.labels.get(label)) || 'Table'}: ${caption.replace(/\\label\{[^}]*\}/, '').trim()}` : undefined
    return table ? [...(title ? [captionLine(title)] : []), table] : undefined
  }
  if (name === 'figure') {
    const file = argumentOf(raw, 'includegraphics')
    return file ? [{ type: 'paragraph', children: [{ type: 'image', url: file, alt: argumentOf(raw, 'caption') ?? '' }], position: at }] : undefined
  }
  if (name === 'itemize' || name === 'enumerate') return [items(raw, name === 'enumerate')]
  if (name === 'quote' || name === 'quotation') return [{ type: 'blockquote', children: frame.children.filter((child) => !isFrame(child)) as never, position: at }]
  if (/^(?:verbatim|lstlisting|minted|Verbatim|alltt)$/.test(name)) return [{ type: 'code', lang: null, meta: null, value: raw.trim(), position: at } satisfies Code]
  if (/^(?:equation|align|gather|multline|eqnarray|displaymath)$/.test(name)) {
    // The whole environment is TeX a math renderer reads; the notes keep it, as for any formula.
    const value = `\\begin{${frame.name}}\n${raw.trim()}\n\\end{${frame.name}}`
    return [{ type: 'math', value, position: at, data: { notes: [`$$\n${value}\n$$`] } }]
  }
  if (/^(?:center|flushleft|flushright|minipage|small|footnotesize|abstract)$/.test(name)) return frame.children.flatMap((child) => (isFrame(child) ? [] : [child]))
  return undefined
}

function blockCommand(node: RootContent, context: LatexContext): RootContent[] {
  if (node.type !== 'paragraph') return [node]
  const lines = paragraphLines(context.file, node)
  if (lines.length !== 1) return [node]
  const line = lines[0].trim()
  if (layoutLine(line)) {
    context.tally.add('LaTeX: page layout and \\label lines dropped', node.position)
    rewrite(context.file, node)
    return []
  }
  const command = figure.test(line) ? commands(line)[0] : undefined
  if (!command || command.name !== 'aosafigure') return [node]
  const url = (command.path ?? command.args[0] ?? '').replace(/^\/(?=images\/)/, '')
  const alt = (command.path ? command.args[0] : command.args[1]) ?? ''
  const label = command.path ? command.args[1] : command.args[2]
  const number = label ? context.labels.get(label) : undefined
  context.tally.add('LaTeX: \\aosafigure read as an image with its caption', node.position)
  const caption = alt.replace(/\\(?:code|emph|textit|texttt)\{([^{}]*)\}/g, '$1')
  rewrite(context.file, node, caption)
  return [{ type: 'paragraph', children: [{ type: 'image', url, alt: number ? `${number}: ${caption}` : caption }], position: node.position }]
}

function rawOf(items: Item<string>[], context: LatexContext): string {
  return items.map((item) => (isFrame(item) ? `${sourceOf(context.file, item.at, () => '')}\n${rawOf(item.children, context)}\n\\end{${item.name}}` : sourceOf(context.file, item, () => toString(item)))).join('\n')
}

/** A `tabular`: rows end in `\\`, cells split at `&`; rules and colours are layout. */
function tabular(raw: string): Table | undefined {
  const open = raw.indexOf('\\begin{tabular')
  const body = open >= 0 ? raw.slice(raw.indexOf('\n', open) + 1, raw.indexOf('\\end{tabular')) : raw
  const rows = body
    .replace(/\\(?:hline|toprule|midrule|bottomrule)|\\cline\{[^}]*\}|\\rowcolors\{[^}]*\}\{[^}]*\}\{[^}]*\}|^\s*[{}]\s*$/gm, '')
    .split(/\\\\/)
    .map((row) => row.split(/(?<!\\)&/).map((cell) => cell.trim()))
    .filter((row) => row.some(Boolean))
  if (!rows.length) return undefined
  const width = Math.max(...rows.map((row) => row.length))
  return {
    type: 'table',
    align: Array(width).fill(null),
    children: rows.map((row) => ({ type: 'tableRow', children: Array.from({ length: width }, (_, column) => ({ type: 'tableCell', children: row[column] ? [{ type: 'text', value: row[column] }] : [] })) })),
  }
}

function items(raw: string, ordered: boolean): List {
  const entries = raw.split(/\\item\b/).slice(1).map((entry) => entry.replace(/\\end\{(?:itemize|enumerate)\}[\s\S]*$/, '').trim())
  return { type: 'list', ordered, spread: false, children: entries.map((entry) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'text', value: entry }] }] })) }
}

function captionLine(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] }
}
