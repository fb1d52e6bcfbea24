import type { Link, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

/** `[text]((url))` parses as a link to "(url)"; the author meant "url". */
export function repairLinkDoubleParen() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'link', (node: Link) => {
      const match = /^\((.+)\)$/.exec(node.url)
      if (!match) return
      node.url = match[1].trim()
      file.message(`Link destination is wrapped in doubled parentheses; read as "${node.url}"`, {
        place: node.position,
        ruleId: 'link-double-paren',
        source: 'chapterdeck',
      })
    })
  }
}
