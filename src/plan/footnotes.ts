import type { FootnoteDefinition, FootnoteReference, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { Deck } from '../types.js'
import { spoken } from '../util/spoken.js'

/**
 * Footnotes have no place on a slide: each one's text goes to the notes, right after the
 * paragraph that cites it (else to its slide's notes). They are numbered in the order they are
 * cited, as a reader meets them; the slide keeps a plain `[n]` marker. Footnotes cited nowhere
 * go to the notes of the last slide, so none is lost.
 */
export function attachFootnotes(tree: Root, deck: Deck): void {
  const definitions = new Map<string, FootnoteDefinition>()
  visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
    definitions.set(node.identifier, node)
  })
  if (!definitions.size) return
  const text = (node: FootnoteDefinition) => `[${node.label ?? node.identifier}] ${node.children.map((child) => spoken(child)).join('\n')}`
  const numbers = new Map<string, string>()
  for (const slide of deck.children) {
    for (const child of slide.children) {
      const here: string[] = []
      visit(child as RootContent, 'footnoteReference', (node: FootnoteReference) => {
        const definition = definitions.get(node.identifier)
        if (!definition) return
        if (!numbers.has(node.identifier)) {
          numbers.set(node.identifier, String(numbers.size + 1))
          definition.label = numbers.get(node.identifier)
          here.push(text(definition))
        }
        node.label = numbers.get(node.identifier)
      })
      if (!here.length) continue
      if (child.type === 'paragraph') child.data = { ...child.data, notes: [...(child.data?.notes ?? [spoken(child)]), ...here] }
      else slide.notes.push(...here)
    }
  }
  const uncited = [...definitions.values()].filter((node) => !numbers.has(node.identifier))
  const last = deck.children[deck.children.length - 1]
  if (uncited.length && last) last.notes.push(...uncited.map(text))
}
