import type { Plugin, Processor } from 'unified'
import { frontmatterToMarkdown } from 'mdast-util-frontmatter'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { mathToMarkdown } from 'mdast-util-math'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { Deck } from '../types.js'
import { deckToMdast } from './to-mdast.js'

/** Compiles the slide tree to Marp Markdown: `-` bullets, `---` between slides. */
export const serializeDeck: Plugin<[], Deck, string> = function () {
  const processor = this as unknown as Processor<undefined, undefined, undefined, Deck, string>
  processor.compiler = deckToMarkdown
}

export function deckToMarkdown(deck: Deck): string {
  return toMarkdown(deckToMdast(deck), {
    bullet: '-',
    // Marp reveals `*` lists item by item; `+` is the plain alternative for adjacent lists.
    bulletOther: '+',
    rule: '-',
    emphasis: '_',
    fences: true,
    listItemIndent: 'one',
    extensions: [gfmToMarkdown(), mathToMarkdown(), frontmatterToMarkdown(['yaml'])],
  })
}
