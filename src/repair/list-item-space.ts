import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { joinLines, splitLines } from '../util/phrasing.js'

// `-[text](url)`: a dash glued to the item, so CommonMark reads it as a continuation line.
const gluedMarker = /^[-*+](?=[^\s\-*+])/

/** Reads lines like `-[text](url)` as the list items the author meant. */
export function repairListItemSpace() {
  return (tree: Root, file: VFile) => {
    const warn = (line: PhrasingContent[]) =>
      file.message('List item has no space after the dash; read as a list item', {
        place: line[0]?.position,
        ruleId: 'list-item-space',
        source: 'chapterdeck',
      })

    visit(tree, 'list', (list: List) => {
      list.children = list.children.flatMap((item) => splitItem(item, warn))
    })

    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined || parent.type === 'listItem') return
      const lines = splitLines(node.children)
      if (lines.length < 2 || !lines.every(startsWithMarker)) return
      lines.forEach(warn)
      const list: List = {
        type: 'list',
        ordered: false,
        spread: false,
        children: lines.map((line) => item([{ type: 'paragraph', children: stripMarker(line) }])),
        position: node.position,
      }
      parent.children.splice(index, 1, list as RootContent as Paragraph)
    })
  }
}

function splitItem(listItem: ListItem, warn: (line: PhrasingContent[]) => void): ListItem[] {
  const [first, ...rest] = listItem.children
  if (first?.type !== 'paragraph') return [listItem]
  const groups: PhrasingContent[][][] = [[]]
  for (const line of splitLines(first.children)) {
    if (groups[groups.length - 1].length && startsWithMarker(line)) {
      warn(line)
      groups.push([stripMarker(line)])
    } else groups[groups.length - 1].push(line)
  }
  if (groups.length === 1) return [listItem]
  return groups.map((lines, index) => {
    const paragraph: Paragraph = { type: 'paragraph', children: joinLines(lines) }
    const tail = index === groups.length - 1 ? rest : []
    return index === 0 ? { ...listItem, children: [paragraph, ...tail] } : item([paragraph, ...tail])
  })
}

function item(children: ListItem['children']): ListItem {
  return { type: 'listItem', spread: false, checked: null, children }
}

function startsWithMarker(line: PhrasingContent[]): boolean {
  const head = line[0]
  return head?.type === 'text' && gluedMarker.test(head.value + (line[1] ? toString(line[1]).slice(0, 1) : ''))
}

function stripMarker(line: PhrasingContent[]): PhrasingContent[] {
  const [head, ...tail] = line
  if (head?.type !== 'text') return line
  const value = head.value.slice(1)
  return value ? [{ ...head, value }, ...tail] : tail
}
