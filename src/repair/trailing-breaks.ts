import type { Paragraph, Root } from 'mdast'
import { visit } from 'unist-util-visit'

/**
 * A hard line break that ends a paragraph breaks nothing: two trailing spaces vanish, but a
 * trailing `\` is then literal text, and a slide would show the backslash. Those, and `<br>`
 * breaks at the end, go.
 */
export function repairTrailingBreaks() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph) => {
      for (let last = node.children.at(-1); last; last = node.children.at(-1)) {
        if (last.type === 'break' || (last.type === 'text' && !last.value.trim())) node.children.pop()
        else if (last.type === 'text' && /\\\s*$/.test(last.value)) last.value = last.value.replace(/\s*\\\s*$/, '')
        else break
      }
    })
  }
}
