import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { tagged, type Condenser } from '../condense/bullet.js'
import { kept, draftOf } from '../condense/draft.js'
import { headline } from '../condense/headline.js'
import { titleFromText } from '../util/title.js'

/**
 * A few words naming what a block holds, to title a part of a long run: for prose its
 * weightiest noun phrase, for a table the first cells of its first and last rows, for code
 * what it declares or a comment it opens with. Empty when nothing short names it.
 */
export function keyPhrase(block: RootContent, condenser: Condenser): string {
  if (block.type === 'table') {
    const first = (row: number) => toString(block.children[row]?.children[0] ?? { type: 'text', value: '' }).trim()
    const rows = block.children.length
    return rows > 2 ? `${first(1)} – ${first(rows - 1)}` : first(1)
  }
  if (block.type === 'code') return codePhrase(block.value)
  if (!['paragraph', 'list', 'blockquote'].includes(block.type)) return ''
  // A list's first item, without the items nested in it (their words would run together).
  const text = (block.type === 'list' ? toString(block.children[0]?.children[0] ?? block) : toString(block)).replace(/\s+/g, ' ').trim()
  // A short first item is a label that names the list ("Asynchronism").
  if (block.type === 'list' && text && isLabel(text)) return text.replace(/[.:]$/, '')
  if (text.split(' ').length < 3) return ''
  if (!condenser.english) return titleFromText(text)
  const [sentence] = tagged(condenser, text)
  if (!sentence) return ''
  const draft = headline(draftOf(text, sentence.tokens, []), condenser.weights)
  const indices = kept(draft)
  const phrase = indices.length ? text.slice(draft.tokens[indices[0]].start, draft.tokens[indices[indices.length - 1]].end) : ''
  // Seven words at most, and few characters: CJK text has no spaces to count words by.
  if (!phrase || phrase.split(' ').length > 7 || phrase.length > 48) return titleFromText(text)
  return phrase.charAt(0).toUpperCase() + phrase.slice(1)
}

/** A few words, or a few CJK characters (which have no spaces to count words by). */
export function isLabel(text: string): boolean {
  return text.split(/\s+/).length <= 4 && text.length <= 40
}

const declaration = /\b(?:function\*?|class|def|fn|func|struct|enum|trait|impl|interface|type|module)\s+([A-Za-z_$][\w$]*)|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/
const comment = /^\s*(?:\/\/|#|--)\s*(\S.{0,38}?)\s*$/

/** A code part's name: the first thing it declares, else the comment it opens with; never a fragment like "return (". */
function codePhrase(value: string): string {
  const rows = value.split('\n').filter((row) => row.trim())
  for (const row of rows.slice(0, 12)) {
    const found = declaration.exec(row)
    if (found) return found[1] ?? found[2]
  }
  return comment.exec(rows[0] ?? '')?.[1] ?? ''
}
