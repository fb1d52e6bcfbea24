import type { FootnoteDefinition, FootnoteReference, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { Deck } from '../types.js'
import { spoken } from '../util/spoken.js'

/**
 * Footnotes have no place on a slide: each one's text goes to the notes, right after the
 * paragraph that cites it (else to its slide's notes; the title slide's for its lead). They are
 * numbered in the order the chapter cites them; the slide keeps a plain `[n]` marker. Footnotes
 * cited nowhere go to the notes of the last slide, so none is lost.
 */
export function attachFootnotes(tree: Root, deck: Deck): void {
  const definitions = new Map<string, FootnoteDefinition>()
  visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
    definitions.set(node.identifier, node)
  })
  if (!definitions.size) return
  let cited = 0
  visit(tree, 'footnoteReference', (node: FootnoteReference) => {
    const definition = definitions.get(node.identifier)
    if (!definition) return
    definition.data = { ...definition.data, number: definition.data?.number ?? String(++cited) }
    node.label = definition.data.number
  })
  const text = (node: FootnoteDefinition) => `[${node.data?.number ?? node.label ?? node.identifier}] ${node.children.map((child) => spoken(child)).join('\n')}`
  const placed = new Set<string>()
  for (const slide of deck.children) {
    for (const child of slide.children) {
      const here: string[] = []
      visit(child as RootContent, 'footnoteReference', (node: FootnoteReference) => {
        const definition = definitions.get(node.identifier)
        if (definition && !placed.has(node.identifier)) here.push(text(definition))
        placed.add(node.identifier)
      })
      if (!here.length) continue
      if (child.type === 'paragraph') child.data = { ...child.data, notes: [...(child.data?.notes ?? [spoken(child)]), ...here] }
      else slide.notes.push(...here)
    }
  }
  const rest = [...definitions.values()].filter((node) => !placed.has(node.identifier))
  // Cited where no slide shows it (the lead paragraph the title slide speaks): the title's notes.
  deck.children[0]?.notes.push(...rest.filter((node) => node.data?.number).map(text))
  deck.children[deck.children.length - 1]?.notes.push(...rest.filter((node) => !node.data?.number).map(text))
}

declare module 'mdast' {
  interface FootnoteDefinitionData {
    /** Its number, in the order the chapter cites it. */
    number?: string
  }
}
