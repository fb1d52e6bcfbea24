import type { Parent, PhrasingContent, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { rewrite, type Tally } from './dialect.js'
import { plainText } from '../../util/sentences.js'

/**
 * d2lbook marks what its own slides show with `(**words**)` and `[**words**]`; the book prints
 * the words alone, and so does a deck.
 */
export function d2lSlideMarks(tree: Root, file: VFile, tally: Tally): void {
  visit(tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell' && node.type !== 'emphasis') return
    const parent = node as Parent
    const children = parent.children as PhrasingContent[]
    const before = plainText(parent as never)
    let changed = false
    for (let at = children.length - 2; at > 0; at--) {
      const [open, mark, close] = [children[at - 1], children[at], children[at + 1]]
      if (mark.type !== 'strong' || open.type !== 'text' || close.type !== 'text') continue
      const pair = /[([]$/.exec(open.value)?.[0]
      if (!pair || !close.value.startsWith(pair === '(' ? ')' : ']')) continue
      open.value = open.value.slice(0, -1)
      close.value = close.value.slice(1)
      children.splice(at, 1, ...mark.children)
      changed = true
    }
    if (!changed) return
    tally.add('d2lbook: slide marks ((**…**), [**…**]) read as their words', parent.position)
    rewrite(file, before, plainText(parent as never))
  })
}
