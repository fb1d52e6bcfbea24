import type { Blockquote, Root, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { spoken } from '../util/spoken.js'

// A one-column table whose header is a label ("| TIP: |", "| NOTE |") boxes a callout.
const label = /^(note|tip|hint|warning|caution|important|info|danger|remember|aside|example)\s*:?$/i

/** One-cell tables used as callouts (You Don't Know JS, GitBook) become callout quotes. */
export function repairTableCallout() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'table', (node: Table, index, parent) => {
      if (!parent || index === undefined || node.children.some((row) => row.children.length !== 1)) return
      const [head, ...rows] = node.children
      const match = label.exec(toString(head).trim())
      if (!match || !rows.length) return
      const name = match[1][0].toUpperCase() + match[1].slice(1).toLowerCase()
      const quote: Blockquote = {
        type: 'blockquote',
        position: node.position,
        children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: name }] }] }, ...rows.map((row) => ({ type: 'paragraph' as const, children: row.children[0].children }))],
        data: { notes: [spoken({ type: 'root', children: rows.map((row) => ({ type: 'paragraph', children: row.children[0].children })) })] },
      }
      parent.children.splice(index, 1, quote)
      file.info(`A one-cell "${toString(head).trim()}" table read as a callout`, { place: node.position, ruleId: 'callout', source: 'chapterdeck' })
    })
  }
}
