import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { EXIT, visit } from 'unist-util-visit'
import type { Deck } from '../types.js'
import { flattenInline, sliceInline } from '../util/inline.js'
import { spoken } from '../util/spoken.js'
import { leadOf } from './lead.js'

/**
 * On content slides every prose paragraph becomes one short bullet carrying its lead idea;
 * the paragraph itself goes word for word into the notes of whichever slide the bullet lands on.
 * Lists, code, tables, quotes and figures stay as they are.
 */
export function condenseProse() {
  return (deck: Deck) => {
    for (const slide of deck.children) {
      if (slide.kind !== 'content') continue
      const out: RootContent[] = []
      for (const node of slide.children) {
        if (node.type !== 'paragraph') {
          // Typeset formulas have no words; the speaker (and search) get their TeX in the notes.
          if (!node.data?.notes && hasInlineMath(node)) node.data = { ...node.data, notes: [spoken(node)] }
          out.push(node)
          continue
        }
        const item = bulletOf(node)
        const last = out[out.length - 1]
        if (last?.type === 'list' && last.data?.condensed) last.children.push(item)
        else out.push({ type: 'list', ordered: false, spread: false, children: [item], data: { condensed: true }, position: node.position } satisfies List)
      }
      slide.children = out
    }
  }
}

function hasInlineMath(node: RootContent): boolean {
  let found = false
  visit(node, 'inlineMath', () => {
    found = true
    return EXIT
  })
  return found
}

export function bulletOf(paragraph: Paragraph): ListItem {
  const { nodes, text } = flattenInline(paragraph.children)
  const lead = leadOf(text)
  const children: PhrasingContent[] = sliceInline(nodes, lead.length)
  if (lead.cut) children.push({ type: 'text', value: '…' })
  return {
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children }],
    data: { notes: paragraph.data?.notes ?? [spoken(paragraph)] },
    position: paragraph.position,
  }
}
