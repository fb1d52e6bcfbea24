import type { Paragraph, Root } from 'mdast'
import { visit } from 'unist-util-visit'

/**
 * A hard line break that ends a paragraph breaks nothing: two trailing spaces vanish, but a
 * trailing `\` is then literal text, and a slide would show the backslash. Both go.
 */
export function repairTrailingBreaks() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph) => {
      const last = node.children[node.children.length - 1]
      if (last?.type === 'break') node.children.pop()
      else if (last?.type === 'text' && /\\\s*$/.test(last.value)) last.value = last.value.replace(/\s*\\\s*$/, '')
    })
  }
}
