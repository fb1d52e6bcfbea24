import type { PhrasingContent } from 'mdast'

/**
 * Collapses whitespace across inline nodes (soft and hard breaks become spaces, inline HTML
 * is dropped) so that the nodes' text equals the returned string character for character.
 */
export function flattenInline(nodes: PhrasingContent[]): { nodes: PhrasingContent[]; text: string } {
  let text = ''
  const walk = (list: PhrasingContent[]): PhrasingContent[] => {
    const out: PhrasingContent[] = []
    for (const node of list) {
      if (node.type === 'html') continue
      if (node.type === 'break') {
        const value = take(' ')
        if (value) out.push({ type: 'text', value })
      } else if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') {
        const value = take(node.value)
        if (value) out.push({ ...node, value })
      } else if ('children' in node) {
        const children = walk(node.children as PhrasingContent[])
        if (children.length) out.push({ ...node, children } as PhrasingContent)
      } else out.push(node)
    }
    return out
  }
  const take = (value: string) => {
    let collapsed = value.replace(/\s+/g, ' ')
    if ((!text || text.endsWith(' ')) && collapsed.startsWith(' ')) collapsed = collapsed.slice(1)
    text += collapsed
    return collapsed
  }
  const nodes_ = walk(nodes)
  return { nodes: nodes_, text }
}

/** The first `limit` characters of flattened inline nodes, markup (links, emphasis) kept. */
export function sliceInline(nodes: PhrasingContent[], limit: number): PhrasingContent[] {
  let left = limit
  const walk = (list: PhrasingContent[]): PhrasingContent[] => {
    const out: PhrasingContent[] = []
    for (const node of list) {
      if (left <= 0) break
      if (node.type === 'inlineCode' || node.type === 'inlineMath') {
        // Code and math are never cut: half a formula is not a formula.
        out.push(node)
        left -= node.value.length
      } else if (node.type === 'text') {
        out.push({ ...node, value: node.value.slice(0, left) })
        left -= node.value.length
      } else if ('children' in node) {
        const children = walk(node.children as PhrasingContent[])
        if (children.length) out.push({ ...node, children } as PhrasingContent)
      } else out.push(node)
    }
    return out
  }
  return walk(nodes)
}
