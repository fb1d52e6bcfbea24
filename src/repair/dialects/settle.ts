import type { Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { sentencesOf } from '../../util/sentences.js'
import { spoken } from '../../util/spoken.js'

/**
 * The last repair. A block's asides join its notes, after its own words (a paragraph's notes
 * replace its text in the notes, so they must hold it; a heading's or code's do not). Then the
 * chapter's sentences are read again with every dialect's rewrites applied, so coverage looks
 * for the text the deck was meant to carry: a dropped `{{index}}` line is no lost sentence,
 * and a resolved `:numref:` is looked for as the title it became.
 */
export function settleDialects() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      const block = node as RootContent
      // An empty list still asks for the block's own words in its notes (callouts do).
      const asides = block.data?.asides
      if (!asides) return
      const own = block.data?.notes ?? (block.type === 'heading' || block.type === 'code' ? [] : [spoken(block)])
      const { asides: _, ...data } = block.data!
      block.data = { ...data, notes: [...own, ...asides] }
    })
    const rewrites = [...(file.data.rewrites ?? [])].sort((a, b) => b[0].length - a[0].length)
    if (!rewrites.length || !file.data.prose) return
    const prose = file.data.prose.map(({ text, line }) => ({ line, text: rewrites.reduce((out, [from, to]) => out.replaceAll(from, to ? ` ${to} ` : ' '), text) }))
    file.data.sentences = sentencesOf(prose)
  }
}
