import type { Heading, Paragraph, Root, RootContent, Text } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { nest, parseMarkdown, tagTokens } from './blocks.js'
import { active, blocksOf, flowParents, rewrite, sourceOf, Tally } from './dialect.js'
import { isComponent } from './jsx-tags.js'
import { renderComponents } from './mdx-components.js'

// MDX (react.dev, Docusaurus): JSX components between Markdown blocks, `{/* … */}` comments
// (react.dev writes each heading's id as one), and `{' '}` spaces.
const comment = /\s*\{\/\*[\s\S]*?\*\/\}/g

export function mdxDialect() {
  return (tree: Root, file: VFile) => {
    if (!active(file, 'mdx')) return
    const tally = new Tally(file, 'mdx')
    dropComments(tree, file, tally)
    const depth = sectionDepth(tree)
    let deeper = false
    visit(tree, 'heading', (node: Heading) => {
      deeper ||= node.depth === depth + 1
    })
    for (const parent of flowParents(tree)) {
      const tokens = blocksOf(parent).flatMap((node) => tagTokens(node, file, isComponent))
      const items = nest(tokens, (node) => tally.add('MDX: closing tags without their opening tag dropped', node.position))
      parent.children = renderComponents(items, { file, tally, depth, deeper }) as never
    }
    inlineComponents(tree, file, tally)
    tally.flush()
  }
}

/** Headings and paragraphs read again without their comments; a comment alone is dropped. */
function dropComments(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, (node, index, parent) => {
    if (node.type !== 'heading' && node.type !== 'paragraph') return
    const written = sourceOf(file, node, () => toString(node))
    if (!written.includes('{/*')) return SKIP
    const cleaned = written.replace(comment, '').trim()
    const block = cleaned ? parseMarkdown(cleaned, node.position)[0] : undefined
    tally.add(node.type === 'heading' ? "MDX: heading ids {/*…*/} dropped" : 'MDX: comments {/*…*/} dropped', node.position)
    if (block && block.type === node.type) {
      rewrite(file, node, block)
      ;(node as Heading | Paragraph).children = block.children as never
    } else if (parent && index !== undefined && !cleaned) {
      rewrite(file, node)
      parent.children.splice(index, 1)
      return index
    }
    return SKIP
  })
}

/** Components inside prose (`<CodeStep>x</CodeStep>`) keep their text; `{' '}` is a space. */
function inlineComponents(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'code' || node.type === 'inlineCode') return SKIP
    if (node.type === 'html' && parent && parent.type !== 'root' && index !== undefined && /^<\/?[A-Z]/.test(node.value)) {
      tally.add('MDX: components inside prose unwrapped, keeping their text', node.position)
      parent.children.splice(index, 1)
      return index
    }
    if (node.type !== 'text') return
    const text = node as Text
    const before = text.value
    text.value = text.value.replace(/\{\s*(['"])(\s*)\1\s*\}/g, '$2').replace(/<\/?[A-Z][\w.]*(?:\s[^<>]*)?\/?>/g, '')
    if (text.value !== before) rewrite(file, before, text.value)
  })
}

/** The depth of the chapter's sections: its shallowest heading under a lone H1 title. */
function sectionDepth(tree: Root): number {
  const depths: number[] = []
  visit(tree, 'heading', (node: Heading) => {
    depths.push(node.depth)
  })
  const below = depths.filter((depth) => depth > 1)
  if (!depths.length) return 2
  return depths.filter((depth) => depth === 1).length === 1 && below.length ? Math.min(...below) : Math.min(...depths)
}
