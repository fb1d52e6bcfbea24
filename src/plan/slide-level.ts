import type { Heading, RootContent } from 'mdast'

/**
 * Pandoc's rule: the slide level is the shallowest heading level directly followed by
 * content. Top-level sections that have subsections become dividers, so the rule is applied
 * below them; a document with one heading level uses that level.
 */
export function inferSlideLevel(blocks: RootContent[]): number {
  const headings = blocks.filter((node): node is Heading => node.type === 'heading')
  if (!headings.length) return 1
  const top = Math.min(...headings.map((heading) => heading.depth))
  const followedByContent = new Set<number>()
  blocks.forEach((node, index) => {
    const next = blocks[index + 1]
    if (node.type === 'heading' && next && next.type !== 'heading') followedByContent.add(node.depth)
  })
  const below = [...followedByContent].filter((depth) => depth > top)
  if (below.length) return Math.min(...below)
  const deeper = headings.some((heading) => heading.depth > top)
  return deeper ? top + 1 : top
}
