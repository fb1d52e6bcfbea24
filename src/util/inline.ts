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
    let collapsed = joinCjkLines(value).replace(/\s+/g, ' ')
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

export interface Atom {
  start: number
  end: number
  kind: 'code' | 'link' | 'quote'
}

/**
 * Spans of flattened inline text that a bullet keeps or drops whole: inline code and math,
 * a link's text, a quotation.
 */
export function inlineAtoms(nodes: PhrasingContent[], text: string): Atom[] {
  const atoms: Atom[] = []
  let at = 0
  const walk = (list: PhrasingContent[]) => {
    for (const node of list) {
      const start = at
      if (node.type === 'text') at += node.value.length
      else if (node.type === 'inlineCode' || node.type === 'inlineMath') at += node.value.length
      else if ('children' in node) walk(node.children as PhrasingContent[])
      if (node.type === 'inlineCode' || node.type === 'inlineMath') atoms.push({ start, end: at, kind: 'code' })
      if (node.type === 'link' || node.type === 'linkReference') atoms.push({ start, end: at, kind: 'link' })
    }
  }
  walk(nodes)
  for (const match of text.matchAll(/"[^"]{1,80}"|“[^”]{1,80}”/g)) atoms.push({ start: match.index, end: match.index + match[0].length, kind: 'quote' })
  // Template expressions left as text ("{{ page.title }}") read as code: one word, never cut.
  for (const match of text.matchAll(/\{\{.{0,80}?\}\}|\{%.{0,80}?%\}/g)) atoms.push({ start: match.index, end: match.index + match[0].length, kind: 'code' })
  return atoms
}

/** The text with each code span replaced by one word of the same length, for a tagger. */
export function maskCode(text: string, atoms: Atom[]): string {
  let out = text
  for (const atom of atoms) {
    if (atom.kind !== 'code' || atom.end <= atom.start) continue
    out = out.slice(0, atom.start) + 'X' + 'x'.repeat(atom.end - atom.start - 1) + out.slice(atom.end)
  }
  return maskCompounds(out)
}

// "Node.js", "Socket.io", "ASP.NET": a name, not the end of a sentence ("e.g." and "3.5" are not matched).
const dotted = /(?<![\p{L}\p{N}.])[\p{L}\p{N}]{2,}(?:\.[\p{L}\p{N}]{2,})+(?![\p{L}\p{N}])/gu
// ".js", ".md" after a space: a file type, not a full stop.
const extension = /(?<=^|\s)\.[\p{L}\p{N}]{1,6}(?![\p{L}\p{N}.])/gu
// "(or many!)": a short aside's mark does not end the sentence around it.
const asideMark = /\([^()\n]{1,40}\)/g
// "client-side", "behind-the-firewall": one word, never a place to cut.
const hyphened = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu

/** Names with dots and hyphened compounds as one word each, the same length, so offsets hold. */
function maskCompounds(text: string): string {
  return text.replace(asideMark, (aside) => aside.replace(/[!?]/g, ';')).replace(dotted, asWord).replace(extension, asWord).replace(hyphened, (word) => word.replace(/-/g, 'x'))
}

const asWord = (name: string) => 'X' + 'x'.repeat(name.length - 1)

export interface Piece {
  start: number
  end: number
  /** Replaces the piece's text (only for pieces inside one text node). */
  text?: string
  /** Joins the piece before without a space (it opens with a closing mark). */
  glue?: boolean
}

/**
 * The given pieces of flattened inline nodes, in order, markup (links, emphasis, code) kept,
 * with a space between pieces that were not adjacent.
 */
export function pickInline(nodes: PhrasingContent[], pieces: Piece[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  pieces.forEach((piece, index) => {
    const previous = pieces[index - 1]
    if (previous && previous.end < piece.start && !piece.glue) out.push({ type: 'text', value: ' ' })
    out.push(...rangeOf(nodes, piece))
  })
  return mergeText(out)
}

function rangeOf(nodes: PhrasingContent[], piece: Piece): PhrasingContent[] {
  let at = 0
  let replaced = false
  const walk = (list: PhrasingContent[]): PhrasingContent[] => {
    const out: PhrasingContent[] = []
    for (const node of list) {
      const start = at
      if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') {
        at += node.value.length
        if (at <= piece.start || start >= piece.end) continue
        if (node.type !== 'text') out.push(node)
        else if (piece.text !== undefined) {
          if (!replaced) out.push({ type: 'text', value: piece.text })
          replaced = true
        } else out.push({ type: 'text', value: node.value.slice(Math.max(0, piece.start - start), piece.end - start) })
      } else if ('children' in node) {
        const children = walk(node.children as PhrasingContent[])
        if (children.length) out.push({ ...node, children } as PhrasingContent)
      } else if (start >= piece.start && start < piece.end) out.push(node)
    }
    return out
  }
  return walk(nodes)
}

/** Adjacent text nodes as one. */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (node.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + node.value }
    else out.push(node)
  }
  return out
}

const cjkLineBreak = /([\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\uac00-\ud7af])[ \t]*\n[ \t]*(?=[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\uac00-\ud7af])/g

/** A line break between two CJK characters is no space: the author only wrapped the line. */
export function joinCjkLines(text: string): string {
  return text.replace(cjkLineBreak, '$1')
}
