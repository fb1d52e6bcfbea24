import type { Blockquote, Root, RootContent } from 'mdast'

/**
 * A block quote that opens with a heading is a sidebar ("> ### The Stack and the Heap" in the
 * Rust book), not a quotation: its paragraphs read as a section of their own, condensed like
 * any other, instead of a wall of quoted prose over several slides.
 */
export function repairSidebars() {
  return (tree: Root) => {
    tree.children = tree.children.flatMap((node): RootContent[] => (isSidebar(node) ? node.children : [node]))
  }
}

function isSidebar(node: RootContent): node is Blockquote {
  return node.type === 'blockquote' && node.children[0]?.type === 'heading' && node.children.length > 1
}
