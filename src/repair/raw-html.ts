import type { Element, Root as HastRoot } from 'hast'
import type { Html, Image, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { phrasing } from 'mdast-util-phrasing'
import { toString } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { spoken } from '../util/spoken.js'

// Raw HTML never reaches a slide: a deck must not run or restyle anything from a chapter.
// Block HTML is parsed, sanitized (GitHub's schema: no script, style, iframe, event handlers
// or javascript: URLs) and turned into Markdown (figures become images, <br> breaks, <em>
// emphasis); inline tags are dropped, keeping their text, except <img> and <br>.
const unsafe = /<\s*(script|style|iframe|object|embed|form|link|meta|base)\b|\son\w+\s*=|javascript:/i
const comment = /^\s*<!--[\s\S]*-->\s*$/

// The HTML parser loads only for chapters that have HTML (it costs a tenth of a second).
const loadHast = () =>
  Promise.all([import('hast-util-from-html'), import('hast-util-sanitize'), import('hast-util-to-mdast')]).then(([{ fromHtml }, { defaultSchema, sanitize }, { toMdast }]) => ({
    fromHtml,
    defaultSchema,
    sanitize,
    toMdast,
  }))
type Hast = Awaited<ReturnType<typeof loadHast>>

export function repairRawHtml() {
  return async (tree: Root, file: VFile) => {
    let found = false
    visit(tree, 'html', (node: Html) => {
      found ||= !comment.test(node.value)
      return found ? false : undefined
    })
    if (!found) return
    const hast = await loadHast()
    const noted = new WeakSet<Parent>()
    visit(tree, 'html', (node: Html, index, parent) => {
      if (!parent || index === undefined || comment.test(node.value)) return
      if (unsafe.test(node.value)) {
        file.message(`Unsafe raw HTML (${/<\s*(\w+)/.exec(node.value)?.[1] ?? 'attribute'}) removed: a deck never runs or restyles chapter HTML`, {
          place: node.position,
          ruleId: 'html-unsafe',
          source: 'chapterdeck',
        })
      }
      const inline = parent.type !== 'root' && parent.type !== 'blockquote' && parent.type !== 'listItem'
      // The words of a paragraph whose markup changes stay, as written, in the notes.
      if (inline && !noted.has(parent) && (parent.type === 'paragraph' || parent.type === 'tableCell')) {
        noted.add(parent)
        parent.data = { ...parent.data, notes: [spoken(parent)] }
      }
      const replacement = inline ? inlineHtml(hast, node) : blockHtml(hast, node)
      parent.children.splice(index, 1, ...(replacement as never[]))
      return [SKIP, index + replacement.length]
    })
  }
}

function blockHtml({ fromHtml, sanitize, defaultSchema, toMdast }: Hast, node: Html): RootContent[] {
  // A style sheet's rules go with its element, as a script's do: they are no words of the chapter.
  const schema = { ...defaultSchema, strip: [...(defaultSchema.strip ?? []), 'style'] }
  const mdast = toMdast(sanitize(fromHtml(node.value, { fragment: true }), schema) as HastRoot) as Root
  visit(mdast, (child) => {
    child.position = node.position
    // A table without a header row comes back with an empty one: its first row heads it.
    if (child.type === 'table' && child.children.length > 1 && !toString(child.children[0]).trim()) child.children.shift()
  })
  // A bare <img> or text comes back as phrasing; blocks need it wrapped in a paragraph.
  const out: RootContent[] = []
  for (const child of mdast.children) {
    const last = out[out.length - 1]
    if (!phrasing(child)) out.push(child)
    else if (last?.type === 'paragraph' && last.data?.wrapped) last.children.push(child as PhrasingContent)
    else out.push({ type: 'paragraph', children: [child as PhrasingContent], position: node.position, data: { wrapped: true } })
  }
  for (const child of out) if (child.type === 'paragraph') delete child.data?.wrapped
  return out.filter((child) => child.type !== 'paragraph' || toString(child).trim() || child.children.some((c) => c.type === 'image'))
}

function inlineHtml({ fromHtml }: Hast, node: Html): PhrasingContent[] {
  const tag = /^<\s*(img|br)\b/i.exec(node.value)?.[1]?.toLowerCase()
  if (tag === 'br') return [{ type: 'break', position: node.position }]
  if (tag !== 'img') return []
  const element = (fromHtml(node.value, { fragment: true }).children[0] ?? {}) as Partial<Element>
  const src = String(element.properties?.src ?? '')
  if (!src || /^javascript:/i.test(src)) return []
  const image: Image = { type: 'image', url: src, alt: String(element.properties?.alt ?? ''), position: node.position }
  return [image]
}
