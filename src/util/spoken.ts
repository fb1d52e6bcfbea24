import type { Nodes } from 'mdast'

/**
 * The words of a node as a speaker reads them: text verbatim, hard breaks as line breaks,
 * images by their alt text, markup (inline HTML) left out.
 */
export function spoken(node: Nodes): string {
  return render(node).replace(/[ \t]+\n/g, '\n').trim()
}

// Parents whose children are blocks: their text is joined line by line.
const blockParents = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition', 'table', 'tableRow'])

function render(node: Nodes): string {
  switch (node.type) {
    case 'break':
      return '\n'
    case 'html':
      return ''
    case 'image':
    case 'imageReference':
      return node.alt ?? ''
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'inlineMath':
    case 'math':
      return node.value
    default:
      if (!('children' in node)) return ''
      return (node.children as Nodes[]).map(render).join(blockParents.has(node.type) ? '\n' : '')
  }
}
