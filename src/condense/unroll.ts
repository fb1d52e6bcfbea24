import type { List, ListItem, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { wordCount } from '../util/text.js'

// A list this long whose items hold more than a paragraph is a run of subsections.
const sectionWords = 120

/**
 * A list whose items are whole subsections ("there are 3 main ways:", each way with its
 * paragraphs and code) is unrolled: each item's opening paragraph stays an item, numbered as
 * before, and what else it holds follows as blocks of their own, so its prose is condensed
 * and its code shown like any other, instead of one item too tall for a slide.
 */
export function unrollSections(node: RootContent): RootContent[] {
  if (node.type !== 'list' || node.data?.condensed || !isSections(node)) return [node]
  const out: RootContent[] = []
  let open: List | undefined
  node.children.forEach((item, index) => {
    const [first, ...rest] = item.children
    const head: ListItem = first?.type === 'paragraph' ? { ...item, children: [first] } : item
    // Items with nothing more to say stay one list, numbered on.
    if (open) open.children.push(head)
    else out.push((open = { ...node, children: [head], start: node.ordered ? (node.start ?? 1) + index : node.start, position: item.position }))
    if (head === item || !rest.length) return
    out.push(...(rest as RootContent[]))
    open = undefined
  })
  return out
}

function isSections(list: List): boolean {
  const blocky = list.children.some((item) => item.children.length > 2 || item.children.some((child) => child.type === 'code' || child.type === 'table'))
  return blocky && wordCount(toString(list)) > sectionWords
}
