import type { Image, PhrasingContent, Root, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { pointIn } from '../util/phrasing.js'

// `![alt](path with spaces.png)` is not an image in CommonMark; authors mean one.
const brokenImage = /!\[([^\]\n]*)\]\(([^()<>\n]*?\s[^()<>\n]*?)\)/g

/** Reads image syntax whose path contains spaces as the image the author meant. */
export function repairImagePathSpaces() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('![')) return
      const out: PhrasingContent[] = []
      let last = 0
      for (const match of node.value.matchAll(brokenImage)) {
        const url = match[2].trim()
        const at = match.index
        if (at > last) out.push({ type: 'text', value: node.value.slice(last, at) })
        const image: Image = { type: 'image', url, alt: match[1], title: null }
        const start = pointIn(node, at)
        const end = pointIn(node, at + match[0].length)
        if (start && end) image.position = { start, end }
        out.push(image)
        file.message(`Image path contains spaces; read as "${url}"`, {
          place: image.position,
          ruleId: 'image-path-spaces',
          source: 'chapterdeck',
        })
        last = at + match[0].length
      }
      if (!out.length) return
      if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) })
      parent.children.splice(index, 1, ...out)
      return [SKIP, index + out.length]
    })
  }
}
