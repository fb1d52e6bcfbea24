import type { Code, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { flatten, isFrame, isolateLines, nest, paragraphLines, type Item, type Token } from './blocks.js'
import { blocksOf, flowParents, guess, rewrite, type Tally } from './dialect.js'

// d2lbook writes one chapter for several frameworks: code cells tagged `#@tab pytorch` (or
// `%%tab mxnet, pytorch`, or `all`; an untagged cell belongs to the book's first framework),
// and prose between `:begin_tab:`pytorch`` and `:end_tab:`. A talk shows one framework.
const cellInfo = /^\{\.(\w+)\s+\.(input|output)\b/
const tabLine = /^(?:#@tab|%%tab)\s+(.+)$/
const beginTab = /^:begin_tab:`([^`]+)`$/
const endTab = /^:end_tab:$/

interface Cell {
  node: Code
  tabs?: string[]
}

/** Keeps one framework's cells and prose; returns the framework kept. */
export function d2lTabs(tree: Root, file: VFile, wanted: string | undefined, tally: Tally): string | undefined {
  const cells: Cell[] = []
  visit(tree, 'code', (node: Code) => {
    if (!cellInfo.test([node.lang, node.meta].filter(Boolean).join(' '))) return
    const tag = tabLine.exec(node.value.split('\n')[0].trim())
    cells.push({ node, tabs: tag ? split(tag[1]) : undefined })
  })
  const order = frameworks(String(file.value))
  const fallback = defaultTab(String(file.value), cells, order)
  let chosen = wanted ?? fallback
  if (wanted && !order.includes(wanted)) {
    guess(file, 'd2l', `d2lbook: --tab ${wanted} is not a framework of this chapter (${order.join(', ') || 'none'}); showing ${fallback ?? 'every cell'}`)
    chosen = fallback
  }
  if (chosen && order.length) tally.add(`d2lbook: code and text for ${chosen} kept, other frameworks (${order.filter((name) => name !== chosen).join(', ')}) left out`, cells[0]?.node.position)
  const keep = (cell: Cell) => !chosen || (cell.tabs ? cell.tabs.includes(chosen) || cell.tabs.includes('all') : chosen === fallback)
  visit(tree, 'code', (node: Code, index, parent) => {
    const cell = cells.find((entry) => entry.node === node)
    if (!cell || !parent || index === undefined) return
    if (!keep(cell) || /%load_ext d2lbook|tab\.interact_select\(/.test(node.value)) {
      parent.children.splice(index, 1)
      return index
    }
    node.value = node.value
      .split('\n')
      .filter((line, at) => !(at === 0 && tabLine.test(line.trim())) && !/^\s*%(?:matplotlib|load_ext|%time)\b/.test(line))
      .map((line) => line.replace(/\s*#@save\s*$/, ''))
      .join('\n')
      .replace(/^\n+/, '')
    const [, language, kind] = cellInfo.exec([node.lang, node.meta].filter(Boolean).join(' '))!
    node.lang = kind === 'output' ? 'text' : language
    node.meta = null
  })
  proseTabs(tree, file, chosen, tally)
  return chosen
}

/** `:begin_tab:` … `:end_tab:` prose: the chosen framework's kept, the others' left out. */
function proseTabs(tree: Root, file: VFile, chosen: string | undefined, tally: Tally): void {
  for (const parent of flowParents(tree)) {
    isolateLines(parent, file, (line) => beginTab.test(line) || endTab.test(line))
    const tokens: Token<string[]>[] = blocksOf(parent).map((node) => {
      const lines = node.type === 'paragraph' ? paragraphLines(file, node).map((line) => line.trim()) : []
      const open = lines.length === 1 ? beginTab.exec(lines[0]) : null
      if (open) return { open: split(open[1]), name: 'tab', node }
      return lines.length === 1 && endTab.test(lines[0]) ? { close: 'tab', node } : { block: node }
    })
    const items = nest(tokens, (node) => rewrite(file, node))
    parent.children = render(items, file, chosen, tally) as never
  }
}

function render(items: Item<string[]>[], file: VFile, chosen: string | undefined, tally: Tally): RootContent[] {
  return items.flatMap((item) => {
    if (!isFrame(item)) return [item]
    rewrite(file, item.at)
    if (!chosen || item.open.includes(chosen) || item.open.includes('all')) return render(item.children, file, chosen, tally)
    tally.add(`d2lbook: text for other frameworks than ${chosen} left out`, item.at.position)
    for (const node of flatten(item.children)) rewrite(file, node)
    return []
  })
}

/** The frameworks a chapter names, in the order it names them. */
function frameworks(source: string): string[] {
  const named = [...source.matchAll(/tab\.interact_select\(\[([^\]]*)\]\)|^(?:#@tab|%%tab)\s+(.+)$|^:begin_tab:`([^`]+)`/gm)]
    .flatMap((match) => split((match[1] ?? match[2] ?? match[3]).replace(/['"]/g, '')))
  return [...new Set(named.filter((name) => name !== 'all'))]
}

/** The book's first framework, whose cells go untagged: the one no cell is tagged alone with. */
function defaultTab(source: string, cells: Cell[], order: string[]): string | undefined {
  const select = /tab\.interact_select\(\[\s*['"](\w+)['"]/.exec(source)
  if (select) return select[1]
  const alone = new Set(cells.flatMap((cell) => (cell.tabs?.length === 1 ? cell.tabs : [])))
  return order.find((name) => !alone.has(name)) ?? order[0]
}

function split(list: string): string[] {
  return list.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean)
}
