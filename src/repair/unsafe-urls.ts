import type { Image, Link, Root } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

const unsafe = /^\s*(?:javascript|vbscript|data(?!:image\/(?:png|gif|jpe?g|webp);))\s*:/i

/** Links and images to `javascript:`, `vbscript:` or non-image `data:` URLs keep only their text. */
export function repairUnsafeUrls() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'link' && node.type !== 'image') || !parent || index === undefined) return
      const target = node as Link | Image
      if (!unsafe.test(target.url)) return
      file.message(`Unsafe ${node.type} URL (${target.url.split(':')[0].trim()}:) removed; only its text is kept`, {
        place: node.position,
        ruleId: 'url-unsafe',
        source: 'chapterdeck',
      })
      const text = node.type === 'link' ? node.children : node.alt ? [{ type: 'text' as const, value: node.alt }] : []
      parent.children.splice(index, 1, ...(text as never[]))
      return [SKIP, index]
    })
  }
}
