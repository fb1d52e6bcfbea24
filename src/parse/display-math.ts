import type { Paragraph, Root } from 'mdast'
import type { Math as MathNode } from 'mdast-util-math'
import type { Processor } from 'unified'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'

// A line that starts `$$x` (as in `$$ x = 1 $$`, `$$x$$ (label)` or `$$\begin{aligned}` …
// `\end{aligned}$$`) opens a display-math fence in remark-math that is never closed and swallows
// the rest of the chapter. A zero-width space in front of such a line makes it a paragraph
// holding inline math; `displayMathLines` turns it back into display math. The tree's places
// are then those of the chapter as written, marker or not.
//
// Inside a `$$` block, a closing line with a label (`$$ (eqn:best)`, MyST) is no fence for
// remark-math either: the block would run on and flip every later one. Such a line becomes a
// bare `$$`, and its label is kept for the notes.
const marker = '\u200b'

declare module 'vfile' {
  interface DataMap {
    /** Labels cut from `$$ (label)` closing lines, by line number. */
    mathLabels: ReadonlyMap<number, string>
  }
}

/** Wraps the parser so `$$` lines mean what authors meant. Use after remark-parse. */
export function protectDisplayMathLines(this: Processor) {
  const parse = this.parser
  if (!parse) throw new Error('`protectDisplayMathLines` must come after `remark-parse`')
  this.parser = (document, file) => {
    const labels = new Map<number, string>()
    // Lines given a marker, with their indentation: their columns are one off after it.
    const marked = new Map<number, number>()
    let inside = false
    const lines = document.split('\n').map((line, index) => {
      const fence = /^( {0,3})\$\$(.*)$/.exec(line)
      if (!fence) return line
      const rest = fence[2].trim()
      if (inside) {
        inside = false
        if (!rest) return line
        labels.set(index + 1, rest)
        return `${fence[1]}$$`
      }
      if (!rest) {
        inside = true
        return line
      }
      if (rest.startsWith('$')) return line
      marked.set(index + 1, fence[1].length)
      return `${fence[1]}${marker}$$${fence[2]}`
    })
    file.data.mathLabels = labels
    const tree = parse(lines.join('\n'), file) as Root
    // Most chapters have no such line: their places are already those of the chapter.
    return marked.size || labels.size ? originalPlaces(tree, document, marked) : tree
  }
}

/** Puts back the columns and offsets of the document as written, which the marker shifted. */
function originalPlaces(tree: Root, document: string, marked: Map<number, number>): Root {
  const starts = [0]
  for (let at = document.indexOf('\n'); at >= 0; at = document.indexOf('\n', at + 1)) starts.push(at + 1)
  visit(tree, (node) => {
    for (const point of [node.position?.start, node.position?.end]) {
      if (!point) continue
      const indent = marked.get(point.line)
      if (indent !== undefined && point.column > indent + 1) point.column -= 1
      point.offset = (starts[point.line - 1] ?? 0) + point.column - 1
    }
  })
  return tree
}

/**
 * Turns a protected line that starts with math back into display math (text after it stays a
 * paragraph). Display math keeps its TeX, and any label, in the notes: a typeset formula has
 * no words a reader's search or the speaker can use.
 */
export function displayMathLines() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'math', (node: MathNode) => {
      const label = node.position ? file.data.mathLabels?.get(node.position.end.line) : undefined
      const tex = `$$\n${node.value}\n$$`
      node.data = { ...node.data, notes: [label ? `${tex}\n${label}` : tex] }
    })
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return
      const [first, second, ...rest] = node.children
      if (first?.type !== 'text' || !first.value.startsWith(marker)) return
      if (first.value !== marker || second?.type !== 'inlineMath') {
        first.value = first.value.slice(1)
        return
      }
      const value = second.value.trim()
      const math: MathNode = { type: 'math', value, meta: null, position: second.position ?? node.position, data: { notes: [`$$\n${value}\n$$`] } }
      const head = rest[0]
      if (head?.type === 'text') head.value = head.value.replace(/^\s+/, '')
      const after = rest.filter((child) => child.type !== 'text' || child.value)
      parent.children.splice(index, 1, math, ...(after.length ? [{ ...node, children: after }] : []))
    })
  }
}
