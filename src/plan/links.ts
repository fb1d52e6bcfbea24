import type { Definition, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { LinkRef } from '../types.js'

const external = /^(?:https?:|mailto:|ftp:)/i

/** Every external link of the chapter, in order of first appearance, one per URL. */
export function collectLinks(tree: Root): LinkRef[] {
  const definitions = new Map<string, Definition>()
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node)
  })
  const seen = new Map<string, LinkRef>()
  visit(tree, (node) => {
    let url: string | undefined
    if (node.type === 'link') url = node.url
    else if (node.type === 'linkReference') url = definitions.get(node.identifier.toLowerCase())?.url
    if (!url || !external.test(url) || seen.has(url)) return
    const text = toString(node).trim()
    seen.set(url, { url, text: text && text !== url ? text : '', position: node.position })
  })
  return [...seen.values()]
}
