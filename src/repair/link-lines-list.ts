import type { List, Paragraph, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { splitLines } from '../util/phrasing.js'
import { spoken } from '../util/spoken.js'

/**
 * A paragraph of three or more lines that each carry a link (`Name - https://…`) is a list
 * the author typed without markers; as prose it would be condensed into one bullet.
 */
export function repairLinkLinesList() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined || parent.type === 'listItem') return
      const lines = splitLines(node.children).filter((line) => toString(line).trim())
      if (lines.length < 3 || !lines.every(isEntry)) return
      const list: List = {
        type: 'list',
        ordered: false,
        spread: false,
        position: node.position,
        // The lines as written, so the list still reads whole if it is split across slides.
        data: { notes: [spoken(node)] },
        children: lines.map((line) => ({
          type: 'listItem',
          spread: false,
          checked: null,
          children: [{ type: 'paragraph', children: trimLine(line) }],
        })),
      }
      file.info('Lines that each hold a link read as a list', {
        place: node.position,
        ruleId: 'link-lines-list',
        source: 'chapterdeck',
      })
      parent.children.splice(index, 1, list as RootContent as Paragraph)
    })
  }
}

/**
 * A line that names a link: it holds one, and is short or mostly the link's words. A long
 * sentence with a link in it is prose written one sentence to a line.
 */
function isEntry(line: Paragraph['children']): boolean {
  const links = line.filter((child) => child.type === 'link')
  if (!links.length) return false
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length
  const total = words(toString({ type: 'paragraph', children: line }))
  return total <= 15 || links.reduce((sum, link) => sum + words(toString(link)), 0) * 2 >= total
}

function trimLine(line: Paragraph['children']): Paragraph['children'] {
  return line.map((child, index) =>
    child.type === 'text' && (index === 0 || index === line.length - 1)
      ? { ...child, value: index === 0 ? child.value.trimStart() : child.value.trimEnd() }
      : child,
  )
}
