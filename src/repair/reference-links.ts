import type { Definition, Image, Link, Parent, Root, Text } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'

// "[Expression]" alone in prose: a reference whose definition lives in another file of the book.
// Not "[ ]" or "[x]", "[^note]", "[!NOTE]", "[1]", and never before "(", "[", ":" or "{" (a MyST span).
const undefinedReference = /(?<![\]\w\\!])\[([^\]\[\n^!]*\p{L}[^\]\[\n]{0,60})\](?![(\[:{])/gu

/**
 * A slide holds a part of the chapter, without the definitions at its end: reference links
 * and images become inline ones, and the definitions go. A reference the chapter never
 * defines shows its text, as a reader of the book sees the link, not the brackets of its markup.
 */
export function repairReferenceLinks() {
  return (tree: Root, file: VFile) => {
    const definitions = new Map<string, Definition>()
    const holders = new Set<Parent>()
    visit(tree, 'definition', (node: Definition, _index, parent) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node)
      if (parent) holders.add(parent)
    })
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return
      if (node.type === 'linkReference' || node.type === 'imageReference') {
        const definition = definitions.get(node.identifier)
        if (!definition) return
        const { url, title } = definition
        const inline: Link | Image = node.type === 'linkReference' ? { type: 'link', url, title, children: node.children, position: node.position } : { type: 'image', url, title, alt: node.alt, position: node.position }
        parent.children[index] = inline as never
        return
      }
      if (node.type !== 'text' || !node.value.includes('[')) return
      parent.children[index] = unbracketed(node, file)
      return SKIP
    })
    // Their links are inline now; a definition inside a list item would otherwise show as text.
    for (const parent of holders) parent.children = parent.children.filter((child) => child.type !== 'definition') as never
  }
}

function unbracketed(node: Text, file: VFile): Text {
  const value = node.value.replace(undefinedReference, (whole: string, label: string) => {
    if (label.trim().length < 2) return whole
    file.message(`Reference link [${label}] has no definition in this chapter; shown as its text`, { place: node.position, ruleId: 'link-undefined', source: 'chapterdeck' })
    return label
  })
  return { ...node, value }
}
