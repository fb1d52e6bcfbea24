import type { Nodes } from 'mdast'

/**
 * The words of a node as a speaker reads them: text verbatim, hard breaks as line breaks,
 * images by their alt text, markup (inline HTML) left out. Math keeps its TeX between its `$`
 * delimiters, set apart from a word it touches (CJK prose writes no space around it).
 */
export function spoken(node: Nodes): string {
  return render(node)
    .replace(/(?<=[\p{L}\p{N}])\u0000|\u0000(?=[\p{L}\p{N}])/gu, ' ')
    .replace(/\u0000/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim()
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
      return node.value
    case 'inlineMath':
      return `\u0000$${node.value}$\u0000`
    case 'math':
      return `$$\n${node.value}\n$$`
    default:
      if (!('children' in node)) return ''
      return (node.children as Nodes[]).map(render).join(blockParents.has(node.type) ? '\n' : '')
  }
}
