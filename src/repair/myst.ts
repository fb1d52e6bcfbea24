import type { Code, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast'
import type { Math } from 'mdast-util-math'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { parse } from 'yaml'
import { spoken } from '../util/spoken.js'
import { callout, title } from './callouts.js'
import { parseMarkdown } from './dialects/blocks.js'
import { flowParents, Tally } from './dialects/dialect.js'

// MyST (Sphinx, Jupyter Book) beyond its `:::` containers (callouts.ts): targets that name the
// heading after them (`(label)=`), directives written as code fences (```` ```{note} ````),
// which CommonMark reads as a line of text and a code block, and substitutions the front matter
// defines (`{{ confpy }}`).
const target = /^\([\w/:.\-]+\)=$/
const directiveLang = /^\{([\w-]+)\}$/
const admonitions = new Set(['note', 'tip', 'hint', 'important', 'warning', 'caution', 'attention', 'danger', 'error', 'seealso', 'admonition', 'versionadded', 'versionchanged', 'deprecated', 'todo', 'margin', 'sidebar', 'topic', 'dropdown'])
const codeDirectives = new Set(['code-block', 'code', 'sourcecode', 'code-cell'])

/** MyST targets, directive fences and substitutions read as what they mean (see above). */
export function repairMyst() {
  return (tree: Root, file: VFile) => {
    const tally = new Tally(file, 'myst')
    substitute(tree, tally)
    for (const parent of flowParents(tree)) {
      parent.children = parent.children.flatMap((node) => {
        if (node.type === 'paragraph' && isTarget(node)) {
          tally.add('MyST: targets ((label)=) removed from the slides', node.position)
          // Nothing to show; as written, it stays in the notes.
          return [{ ...node, children: [], data: { ...node.data, notes: [spoken(node)] } }]
        }
        const name = node.type === 'code' ? directiveLang.exec(node.lang ?? '')?.[1] : undefined
        return name ? directive(node as Code, name, tally) : [node]
      }) as never
    }
    tally.flush()
  }
}

function isTarget(node: Paragraph): boolean {
  const lines = spoken(node).split('\n')
  return lines.every((line) => target.test(line.trim()))
}

/** A directive fence as what it means: a callout, code, a formula; others stay as written. */
function directive(node: Code, name: string, tally: Tally): RootContent[] {
  const lines = node.value.split('\n')
  // Its options (":class: tip", ":linenos:") are settings, not words.
  const options = lines.findIndex((line) => !/^:[\w-]+:/.test(line.trim()))
  const body = (options < 0 ? [] : lines.slice(options)).join('\n').trim()
  const argument = node.meta?.trim() || undefined
  if (admonitions.has(name)) {
    tally.add('MyST: directive fences read as callouts', node.position)
    return callout(title(name, argument), parseMarkdown(body, node.position), node)
  }
  if (codeDirectives.has(name)) {
    tally.add('MyST: code directives read as code', node.position)
    return [{ ...node, lang: argument?.split(/\s+/)[0] ?? null, meta: null, value: body }]
  }
  if (name === 'math') {
    tally.add('MyST: math directives read as formulas', node.position)
    // Typeset on the slide; its TeX, as the other display formulas', in the notes.
    return [{ type: 'math', value: body, meta: null, position: node.position, data: { notes: [`$$\n${body}\n$$`] } } satisfies Math]
  }
  return [node]
}

/** `{{ key }}` where the front matter's `myst.substitutions` (or `substitutions`) gives a one-line value. */
function substitute(tree: Root, tally: Tally): void {
  const values = substitutions(tree)
  if (!values.size) return
  const pattern = /\{\{\s*([\w-]+)\s*\}\}/g
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || !node.value.includes('{{')) return
    const made: PhrasingContent[] = []
    let at = 0
    for (const match of node.value.matchAll(pattern)) {
      const value = values.get(match[1])
      if (value === undefined) continue
      made.push({ type: 'text', value: node.value.slice(at, match.index) }, ...value)
      at = match.index + match[0].length
      tally.add('MyST: substitutions from the front matter filled in', node.position)
    }
    if (!at) return
    made.push({ type: 'text', value: node.value.slice(at) })
    // The slide shows the value; the notes keep the text as written, as for other template syntax.
    const block = parent as Paragraph
    block.data = { ...block.data, notes: block.data?.notes ?? [spoken(block)] }
    parent.children.splice(index, 1, ...(made.filter((child) => child.type !== 'text' || child.value) as never[]))
    return index + made.length
  })
}

function substitutions(tree: Root): Map<string, PhrasingContent[]> {
  const matter = tree.children[0]
  const values = new Map<string, PhrasingContent[]>()
  if (matter?.type !== 'yaml') return values
  let data: { myst?: { substitutions?: unknown }; substitutions?: unknown }
  try {
    data = parse(matter.value) ?? {}
  } catch {
    return values
  }
  const defined = data.myst?.substitutions ?? data.substitutions
  if (!defined || typeof defined !== 'object') return values
  for (const [key, value] of Object.entries(defined)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue
    const [block, ...rest] = parseMarkdown(String(value).trim())
    // Block values (a directive, an image tag) stay as written.
    if (block?.type === 'paragraph' && !rest.length) values.set(key, block.children)
  }
  return values
}
