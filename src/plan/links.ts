import type { Definition, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { LinkRef } from '../types.js'

const external = /^(?:https?:|mailto:|ftp:)/i

/**
 * Every external link of the chapter, in order of first appearance, one per URL, with the
 * top-level section that cites it. Links in the chapter's own references (`own` blocks) are
 * marked so, and belong to no section.
 */
export function collectLinks(tree: Root, sectionDepth: number, own: Set<RootContent> = new Set()): LinkRef[] {
  const definitions = new Map<string, Definition>()
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node)
  })
  const seen = new Map<string, LinkRef>()
  let section: string | undefined
  for (const block of tree.children) {
    if (block.type === 'heading' && block.depth <= sectionDepth) section = toString(block).trim()
    const mine = own.has(block)
    visit(block, (node) => {
      let url: string | undefined
      if (node.type === 'link') url = node.url
      else if (node.type === 'linkReference') url = definitions.get(node.identifier.toLowerCase())?.url
      if (!url || !external.test(url)) return
      const known = seen.get(url)
      if (known) {
        if (mine) Object.assign(known, { own: true, section: undefined })
        return
      }
      const text = toString(node).trim()
      seen.set(url, { url, text: text && text !== url ? text : '', position: node.position, ...(mine ? { own: true } : { section }) })
    })
  }
  return [...seen.values()]
}
