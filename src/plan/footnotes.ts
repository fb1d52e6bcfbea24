import type { FootnoteDefinition, FootnoteReference, Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { Deck } from '../types.js'
import { spoken } from '../util/spoken.js'

/**
 * Footnotes have no place on a slide: each one's text goes to the notes of the slide that
 * cites it (the citation is shown as a plain `[n]` marker when serialized). Footnotes cited
 * nowhere go to the notes of the last slide, so none is lost.
 */
export function attachFootnotes(tree: Root, deck: Deck): void {
  const definitions = new Map<string, FootnoteDefinition>()
  visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
    definitions.set(node.identifier, node)
  })
  if (!definitions.size) return
  const text = (node: FootnoteDefinition) => `[${node.label ?? node.identifier}] ${node.children.map((child) => spoken(child)).join('\n')}`
  const cited = new Set<string>()
  for (const slide of deck.children) {
    const here: string[] = []
    for (const child of slide.children) {
      visit(child as RootContent, 'footnoteReference', (node: FootnoteReference) => {
        const definition = definitions.get(node.identifier)
        if (definition && !cited.has(node.identifier)) here.push(text(definition))
        cited.add(node.identifier)
      })
    }
    slide.notes.push(...here)
  }
  const uncited = [...definitions.values()].filter((node) => !cited.has(node.identifier))
  const last = deck.children[deck.children.length - 1]
  if (uncited.length && last) last.notes.push(...uncited.map(text))
}
