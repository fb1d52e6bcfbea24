import type { FootnoteDefinition, PhrasingContent, Root, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { mergeText } from '../../util/phrasing.js'
import { plainText } from '../../util/sentences.js'
import { guess, rewrite, type Tally } from './dialect.js'
import { commands, layoutOnly, symbols, type Command } from './latex-scan.js'

export interface LatexContext {
  file: VFile
  tally: Tally
  /** What each `\label` names: "Figure 3", "Table 1", a section's title. */
  labels: Map<string, string>
  /** Footnotes written as `\footnote{…}`, to add to the tree. */
  notes: FootnoteDefinition[]
}

/** LaTeX commands inside prose become the Markdown they stand for. */
export function latexInline(tree: Root, context: LatexContext): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'math' || node.type === 'inlineMath') return SKIP
    if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('\\')) return
    const text = node as Text
    const nodes = latexPhrasing(text.value, context, text)
    if (!nodes) return
    rewrite(context.file, text.value, plainText({ type: 'paragraph', children: nodes }))
    parent.children.splice(index, 1, ...(nodes as never[]))
    return [SKIP, index + nodes.length]
  })
}

/** The phrasing a run of text with commands means, or undefined when it has none. */
export function latexPhrasing(value: string, context: LatexContext, at?: Text): PhrasingContent[] | undefined {
  const found = commands(value).filter((command) => command.name !== 'aosafigure')
  if (!found.length) return undefined
  const out: PhrasingContent[] = []
  let from = 0
  for (const command of found) {
    // `~` is LaTeX's unbreakable space, as in `Figure~\ref{…}`.
    if (command.start > from) out.push({ type: 'text', value: value.slice(from, command.start).replace(/~$/, ' ') })
    out.push(...meaning(command, context, at))
    from = command.end
  }
  if (from < value.length) out.push({ type: 'text', value: value.slice(from) })
  // The pieces keep the place of the text they came from, for later messages.
  return mergeText(out).map((node) => (node.type === 'text' && at?.position ? { ...node, position: at.position } : node))
}

function meaning(command: Command, context: LatexContext, at?: Text): PhrasingContent[] {
  const { name, args } = command
  const inner = (text: string) => latexPhrasing(text, context, at) ?? [{ type: 'text', value: text } as PhrasingContent]
  const noted = (reason: string, nodes: PhrasingContent[]) => {
    context.tally.add(`LaTeX: ${reason}`, at?.position)
    return nodes
  }
  if (layoutOnly.has(name)) return noted('layout commands dropped', [])
  if (name in symbols) return [{ type: 'text', value: symbols[name] }]
  if ((name === 'emph' || name === 'textit' || name === 'textsl') && args[0] !== undefined) return noted('\\emph read as emphasis', [{ type: 'emphasis', children: inner(args[0]) }])
  if (name === 'textbf' && args[0] !== undefined) return noted('\\textbf read as bold', [{ type: 'strong', children: inner(args[0]) }])
  if ((name === 'code' || name === 'texttt') && args[0] !== undefined) return noted('\\code read as code', [{ type: 'inlineCode', value: args[0].replace(/\\([_%&#$])/g, '$1') }])
  if (name === 'url' && args[0]) return [{ type: 'link', url: args[0], children: [{ type: 'text', value: args[0] }] }]
  if (name === 'href' && args[1] !== undefined) return [{ type: 'link', url: args[0], children: inner(args[1]) }]
  if (name === 'footnote' && args[0] !== undefined) return noted('\\footnote read as a footnote', [footnote(args[0], context, inner)])
  if (/^cite[pt]?$/.test(name) && args[0]) return noted('citations read as their keys', [{ type: 'text', value: `(${args[0].split(',').map((key) => key.trim()).join('; ')})` }])
  if (/^(?:aosafigref|aosatblref|aosasecref|ref|autoref|[cC]ref|eqref|pageref|nameref)$/.test(name) && args[0]) return [{ type: 'text', value: reference(args[0], name, context, at) }]
  if (wrappers.has(name) && args[0] !== undefined) return noted('text-style commands read as their text', inner(args[0]))
  // Anything else may be TeX a reader wants to see (or math): it stays as written.
  if (args.length) guess(context.file, 'latex', `LaTeX: unknown command \\${name} left as written`, at?.position)
  return [{ type: 'text', value: writtenCommand(command) }]
}

// Commands whose argument is plain text with a style a slide does not need.
const wrappers = new Set(['textsc', 'textsf', 'textrm', 'textup', 'textmd', 'underline', 'sout', 'mbox', 'hbox', 'text', 'smallcaps', 'uline'])

function writtenCommand({ name, option, path, args }: Command): string {
  return `\\${name}${option !== undefined ? `[${option}]` : ''}${path ?? ''}${args.map((arg) => `{${arg}}`).join('')}`
}

function footnote(text: string, context: LatexContext, inner: (text: string) => PhrasingContent[]): PhrasingContent {
  const identifier = `latex-${context.notes.length + 1}`
  context.notes.push({ type: 'footnoteDefinition', identifier, label: String(context.notes.length + 1), children: [{ type: 'paragraph', children: inner(text) }] })
  return { type: 'footnoteReference', identifier, label: identifier }
}

/** A cross-reference as the printed book reads it, from the chapter's own labels. */
function reference(label: string, command: string, context: LatexContext, at?: Text): string {
  const known = context.labels.get(label)
  if (known) {
    context.tally.add('LaTeX: cross-references resolved', at?.position)
    return known
  }
  const kind = command === 'aosafigref' ? 'Figure' : command === 'aosatblref' ? 'Table' : 'Section'
  guess(context.file, 'latex', `LaTeX: \\${command}{${label}} names nothing in this chapter; read as "${kind}"`, at?.position)
  return kind === 'Section' ? 'another section' : `a ${kind.toLowerCase()}`
}
