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
      if (lines.length < 3 || !lines.every((line) => line.some((child) => child.type === 'link'))) return
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

function trimLine(line: Paragraph['children']): Paragraph['children'] {
  return line.map((child, index) =>
    child.type === 'text' && (index === 0 || index === line.length - 1)
      ? { ...child, value: index === 0 ? child.value.trimStart() : child.value.trimEnd() }
      : child,
  )
}
