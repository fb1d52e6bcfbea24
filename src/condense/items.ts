import type { Code, List, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { spoken } from '../util/spoken.js'
import { wordCount } from '../util/text.js'
import { bulletOfPhrasing, type Condenser } from './bullet.js'

/** An authored item longer than this is prose in a list: it is condensed like a paragraph. */
export const longItemWords = 25

/**
 * The author's own lists keep their items, but an item that is a paragraph of prose becomes
 * a short bullet of its idea (the words go to the notes), and the colon or ellipsis that ends
 * an item leading into what follows goes: a bullet never ends on one.
 */
export function condenseItems(list: List, condenser: Condenser): void {
  for (const item of list.children) {
    const [first] = item.children
    if (first?.type === 'paragraph' && wordCount(toString(first)) > longItemWords) {
      const children = bulletOfPhrasing(first.children, condenser)
      item.children[0] = { ...first, children }
      item.data = { ...item.data, notes: [...(item.data?.notes ?? []), spoken(first)], cue: toString({ type: 'paragraph', children }) }
    } else if (first?.type === 'paragraph') item.children[0] = withoutLeadMark(first)
    for (const child of item.children) if (child.type === 'list') condenseItems(child, condenser)
  }
}

/** "Create an archive:" then `tar cf …` on a line of its own: a caption over a code sample. */
export function commandPair(node: RootContent, next: RootContent | undefined): [Paragraph, Code] | undefined {
  if (node.type !== 'list' || node.children.length !== 1 || next?.type !== 'paragraph') return undefined
  const [item] = node.children
  const [label] = item.children
  const [code] = next.children
  if (item.children.length !== 1 || label?.type !== 'paragraph' || !/:\s*$/.test(toString(label))) return undefined
  if (next.children.length !== 1 || code.type !== 'inlineCode') return undefined
  const caption: Paragraph = { ...withoutLeadMark(label), position: node.position, data: { leadIn: 'caption', notes: [spoken(label)] } }
  return [caption, { type: 'code', lang: 'sh', value: code.value, position: next.position }]
}

/** The paragraph without the colon or ellipsis it ends on, also inside closing bold ("**Step:**"). */
function withoutLeadMark<T extends { children: PhrasingContent[] }>(parent: T): T {
  const children = [...parent.children]
  const last = children[children.length - 1]
  if (last?.type === 'strong' || last?.type === 'emphasis') {
    children[children.length - 1] = withoutLeadMark(last)
    return { ...parent, children }
  }
  // One colon only: ":::" is something else (a container fence left as text).
  const mark = /\s*(?:(?<!:):|\.{3}|…)\s*$/
  if (last?.type !== 'text' || !mark.test(last.value)) return parent
  const value = last.value.replace(mark, '')
  children[children.length - 1] = { ...last, value }
  return { ...parent, children: value ? children : children.slice(0, -1) }
}
