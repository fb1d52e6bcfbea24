import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import type { Math as MathNode } from 'mdast-util-math'
import { toString } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { active, guess, rewrite, Tally, type DialectOptions } from './dialect.js'
import { d2lSlideMarks } from './d2l-marks.js'
import { d2lTabs } from './d2l-tabs.js'
import { mergeText } from '../../util/phrasing.js'
import { plainText } from '../../util/sentences.js'

// d2lbook (Dive into Deep Learning): Sphinx roles written as `:role:` before a code span.
// `:label:` and `:eqlabel:` name the heading, figure or equation above them; `:numref:`,
// `:eqref:` and `:cite:` refer to them. Labels go; references read as the book prints them.
const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/

export function d2lDialect(options: DialectOptions = {}) {
  return (tree: Root, file: VFile) => {
    if (!active(file, 'd2l')) return
    const tally = new Tally(file, 'd2l')
    d2lTabs(tree, file, options.tab, tally)
    d2lSlideMarks(tree, file, tally)
    const labels = collectLabels(tree)
    visit(tree, (node, index, parent) => {
      if (node.type === 'code' || node.type === 'math') return SKIP
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return
      const before = plainText(node)
      const children = roles(node.children as PhrasingContent[], labels, file, tally)
      if (!children) return SKIP
      ;(node as Paragraph).children = children
      rewrite(file, before, plainText(node))
      if (node.type === 'paragraph' && !toString(node).trim() && !children.some((child) => child.type === 'image') && parent && index !== undefined) {
        parent.children.splice(index, 1)
        return index
      }
      return SKIP
    })
    tally.flush()
  }
}

/** What each label names: a section's title, "Figure 2", or an equation's "(3)". */
function collectLabels(tree: Root): Map<string, string> {
  const labels = new Map<string, string>()
  let figures = 0
  let tables = 0
  let equations = 0
  let last: RootContent | undefined
  let heading: Heading | undefined
  for (const node of tree.children) {
    if (node.type === 'paragraph') {
      for (const [, role, label] of toString(node).matchAll(/:(label|eqlabel):([^\s:]+)/g)) {
        const image = node.children.some((child) => child.type === 'image')
        if (role === 'eqlabel') {
          labels.set(label, `(${++equations})`)
          if (last?.type === 'math') (last as MathNode).value += `\n\\tag{${equations}}`
        } else if (image || label.startsWith('fig_')) labels.set(label, `Figure ${++figures}`)
        else if (last?.type === 'table' || label.startsWith('tab_')) labels.set(label, `Table ${++tables}`)
        else if (heading) labels.set(label, `“${toString(heading)}”`)
      }
    }
    if (node.type === 'heading') heading = node
    last = node
  }
  return labels
}

/** Inline content with its roles read, or undefined when it has none. */
function roles(children: PhrasingContent[], labels: Map<string, string>, file: VFile, tally: Tally): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = []
  let changed = false
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    const next = children[index + 1]
    const role = child.type === 'text' ? /:([a-z_]+):$/.exec(child.value) : null
    if (!role || next?.type !== 'inlineCode') {
      out.push(child)
      continue
    }
    changed = true
    index += 1
    const text = (child as { value: string }).value.slice(0, role.index)
    const context = text + (children[index + 1] && 'value' in children[index + 1] ? String((children[index + 1] as { value: string }).value) : '')
    const meaning = roleText(role[1], next.value, labels, cjk.test(context), file, tally, child.position)
    // A role alone on its line takes the line break before it too.
    out.push({ type: 'text', value: meaning || !/\n\s*$/.test(text) ? text + meaning : text.replace(/\s*\n\s*$/, '') })
  }
  if (!changed) return undefined
  const merged = mergeText(out)
  if (merged[0]?.type === 'text') merged[0] = { ...merged[0], value: merged[0].value.replace(/^\s*\n/, '') }
  return merged.filter((child) => child.type !== 'text' || child.value)
}

function roleText(role: string, target: string, labels: Map<string, string>, cjkText: boolean, file: VFile, tally: Tally, place: PhrasingContent['position']): string {
  if (role === 'label' || role === 'eqlabel' || role === 'width' || role === 'height') {
    tally.add(`d2lbook: :${role}: dropped`, place)
    return ''
  }
  if (/^cite[pt]?$/.test(role)) {
    tally.add('d2lbook: :cite: read as author and year', place)
    return `(${target.split(',').map(citation).join('; ')})`
  }
  if (role === 'numref' || role === 'eqref' || role === 'ref') {
    const label = /<([^>]+)>\s*$/.exec(target)?.[1] ?? target
    const known = labels.get(label)
    tally.add(`d2lbook: :${role}: resolved`, place)
    if (known) return known
    const name = label.replace(/^(?:sec|subsec|chap|fig|tab|eq|app)_/, '').replace(/[_-]+/g, ' ')
    const kind = /^fig_/.test(label) ? 'Figure' : /^tab_/.test(label) ? 'Table' : /^eq_/.test(label) ? 'Equation' : 'Section'
    return cjkText ? `“${name}”` : `${kind} “${name}”`
  }
  guess(file, 'd2l', `d2lbook: unknown role :${role}: read as its text`, place)
  return target
}

/** A bibliography key as d2l prints it: `Sutskever.Martens.Dahl.ea.2013` → "Sutskever et al., 2013". */
function citation(key: string): string {
  const parts = key.trim().split('.')
  const year = /^\d{4}[a-z]?$/.test(parts[parts.length - 1] ?? '') ? parts.pop() : undefined
  const names = parts.filter((part) => part !== 'ea')
  const who = names.length > 2 || parts.includes('ea') ? `${names[0]} et al.` : names.join(' and ')
  return year ? `${who}, ${year}` : who
}
