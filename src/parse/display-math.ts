import type { Paragraph, Root } from 'mdast'
import type { Math as MathNode } from 'mdast-util-math'
import type { Processor } from 'unified'
import { visit } from 'unist-util-visit'

// A line that starts `$$x` (as in `$$ x = 1 $$`, `$$x$$ (label)` or `$$\begin{aligned}` …
// `\end{aligned}$$`) opens a display-math fence in remark-math that is never closed and swallows
// the rest of the chapter. A zero-width space in front of such a line makes it a paragraph
// holding inline math; `displayMathLines` turns it back into display math. Line and column
// numbers are unchanged but for one column on those lines.
const marker = '\u200b'
const oneLine = /^( {0,3})(\$\$(?=[^\s$]).*)$/gm

/** Wraps the parser so single-line `$$…$$` stays on its line. Use after remark-parse. */
export function protectDisplayMathLines(this: Processor) {
  const parse = this.parser
  if (!parse) throw new Error('`protectDisplayMathLines` must come after `remark-parse`')
  this.parser = (document, file) => parse(document.replace(oneLine, `$1${marker}$2`), file)
}

/** Turns a protected line that starts with math back into display math; text after it stays a paragraph. */
export function displayMathLines() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return
      const [first, second, ...rest] = node.children
      if (first?.type !== 'text' || !first.value.startsWith(marker)) return
      if (first.value !== marker || second?.type !== 'inlineMath') {
        first.value = first.value.slice(1)
        return
      }
      const math: MathNode = { type: 'math', value: second.value.trim(), meta: null, position: second.position ?? node.position }
      const head = rest[0]
      if (head?.type === 'text') head.value = head.value.replace(/^\s+/, '')
      const after = rest.filter((child) => child.type !== 'text' || child.value)
      parent.children.splice(index, 1, math, ...(after.length ? [{ ...node, children: after }] : []))
    })
  }
}
