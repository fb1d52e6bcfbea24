import type { List, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { joinLines, splitLines } from '../util/phrasing.js'

// `:   Definition` (or `~`), as pandoc, kramdown, MkDocs' def_list and MyST's deflist write it.
const marker = /^[:~][ \t]+/
type Line = PhrasingContent[]
interface Entry {
  term: Line
  definitions: Line[][]
}

/**
 * Definition lists (a short `Term` line, then `:   Definition`) → a list of "**Term**: definition"
 * items. CommonMark reads them as paragraphs starting with a colon, the next term glued on.
 */
export function repairDefinitionLists() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (!('children' in node) || !(node as Parent).children.some((child) => child.type === 'paragraph')) return
      const parent = node as Parent
      parent.children = withLists(parent.children as RootContent[], file) as Parent['children']
    })
  }
}

function withLists(children: RootContent[], file: VFile): RootContent[] {
  const texts = children.map((child) => (child.type === 'paragraph' ? toString(child) : ''))
  // Most parents hold no definition line at all, and stay as they are.
  if (!texts.some((text) => /(?:^|\n)[:~][ \t]/.test(text))) return children
  const out: RootContent[] = []
  for (let index = 0; index < children.length; ) {
    const run = definitionRun(children, texts, index)
    if (!run) {
      out.push(children[index++])
      continue
    }
    const list: List = { type: 'list', ordered: false, spread: false, children: run.entries.map(item), position: span(children[index], children[run.end - 1]) }
    file.info('Definition list read as a list of terms', { place: list.position, ruleId: 'definition-list', source: 'chapterdeck' })
    out.push(list)
    index = run.end
  }
  return out
}

/** The definition list that starts at `start`, and the index after its last paragraph. */
function definitionRun(children: RootContent[], texts: string[], start: number): { entries: Entry[]; end: number } | undefined {
  // Cheap first: a definition line in this paragraph or first in the next one.
  const text = texts[start]
  if (!text || !(/\n[:~][ \t]/.test(text) || /^[:~][ \t]/.test(texts[start + 1] ?? ''))) return undefined
  let end = start
  while (children[end]?.type === 'paragraph') end++
  const paragraphs = (children.slice(start, end) as Paragraph[]).map((paragraph) => splitLines(paragraph.children))
  const lines = paragraphs.flatMap((lines, at) => lines.map((line, index) => ({ line, paragraph: at, last: index === lines.length - 1 })))
  const defines = (at: number) => marker.test(toString({ type: 'paragraph', children: lines[at]?.line ?? [] }))
  const entries: Entry[] = []
  let at = 0
  for (; at < lines.length; at++) {
    const { line } = lines[at]
    if (defines(at)) {
      const current = entries.at(-1)
      if (!current) return undefined
      current.definitions.push([stripMarker(line)])
    } else if (defines(at + 1) && isTerm(line)) entries.push({ term: line, definitions: [] })
    // A line the paragraph carries on with; a new paragraph ends the list.
    else if (entries.at(-1)?.definitions.length && lines[at].paragraph === lines[at - 1].paragraph) entries.at(-1)!.definitions.at(-1)!.push(line)
    else break
  }
  // The list ends where a paragraph does; what follows it stays as written.
  const complete = entries.filter((entry) => entry.definitions.length)
  if (!complete.length || (at < lines.length && !lines[at - 1]?.last)) return undefined
  const used = at < lines.length ? lines[at - 1].paragraph + 1 : paragraphs.length
  return { entries: complete, end: start + used }
}

function isTerm(line: Line): boolean {
  const text = toString({ type: 'paragraph', children: line }).trim()
  return text.length > 0 && text.split(/\s+/).length <= 10 && !/[.;,]$/.test(text) && !text.includes(':')
}

function item({ term, definitions }: Entry): ListItem {
  const children: PhrasingContent[] = [{ type: 'strong', children: term }, { type: 'text', value: ': ' }]
  definitions.forEach((lines, index) => {
    if (index) children.push({ type: 'text', value: '; ' })
    children.push(...joinLines(lines))
  })
  return { type: 'listItem', spread: false, checked: null, children: [{ type: 'paragraph', children }] }
}

function stripMarker(line: Line): Line {
  const [head, ...tail] = line
  if (head?.type !== 'text') return line
  const value = head.value.replace(marker, '')
  return value ? [{ ...head, value }, ...tail] : tail
}

function span(first: RootContent, last: RootContent): List['position'] {
  return first.position && last.position ? { start: first.position.start, end: last.position.end } : undefined
}
