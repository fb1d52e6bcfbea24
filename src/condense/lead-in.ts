import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import { flattenInline, pickInline } from '../util/inline.js'
import { spoken } from '../util/spoken.js'
import { splitSentences, wordCount } from '../util/text.js'
import { bulletOf, bulletOfPhrasing, type Condenser } from './bullet.js'
import { danglingWords } from './rules.js'

// Lead-ins that say nothing on their own: "Consider:", "For example:", "Like this:".
const empty = /^(?:consider|for example|for instance|e\.g\.|example|like this|as follows|here(?:'s| is| are)(?: how| what)?(?: it| this)?(?: looks)?|see|note|output|result|then|now|so|thus)\s*:\s*$/i

/**
 * A paragraph that ends in a colon and leads into a list, code, a table or a formula stays
 * with it: its last sentence becomes the label just above (a code slide's caption), shortened
 * if long; sentences before it make a bullet of their own. Returns the blocks to place.
 */
export function leadIn(paragraph: Paragraph, next: RootContent, condenser: Condenser): (RootContent | ReturnType<typeof bulletOf>)[] {
  const { nodes, text } = flattenInline(paragraph.children)
  const sentences = splitSentences(text)
  const last = sentences[sentences.length - 1] ?? text
  const start = text.lastIndexOf(last)
  const notes = paragraph.data?.notes ?? [spoken(paragraph)]
  const out: (RootContent | ReturnType<typeof bulletOf>)[] = []
  const before = text.slice(0, start).trim()
  if (wordCount(before) >= 6) out.push({ ...bulletOf({ type: 'paragraph', children: pickInline(nodes, [{ start: 0, end: start }]) }, condenser), data: { notes: [], cue: undefined } })
  const labelNodes = pickInline(nodes, [{ start, end: text.length }])
  const kind = next.type === 'code' ? 'caption' : 'label'
  // "module1.js:" names the file the code is: a caption of one word that says something.
  const fileName = /^[\w./-]+\.\w{1,5}\s*:?$/.test(last.trim())
  if (!fileName && (empty.test(last) || wordCount(last) < 2 || (condenser.english && endsMidPhrase(last)))) {
    // Nothing to show: the words still go to the notes, with what they introduce.
    next.data = { ...next.data, notes: [...notes, ...(next.data?.notes ?? [])] }
    return out
  }
  const children = wordCount(last) <= 14 ? labelNodes : withColon(bulletOfPhrasing(labelNodes, condenser))
  const label: Paragraph = { type: 'paragraph', children: kind === 'caption' ? withoutColon(children) : children, position: paragraph.position, data: { notes, leadIn: kind } }
  out.push(label)
  return out
}

/** English that ends on a word needing what follows ("with", "is equivalent to"): no label of its own. */
export function endsMidPhrase(text: string): boolean {
  return danglingWords.has(/(\p{L}+)$/u.exec(text.trim())?.[1].toLowerCase() ?? '')
}

function withColon(children: PhrasingContent[]): PhrasingContent[] {
  return [...children, { type: 'text', value: ':' }]
}

/** A caption reads as a title: the colon that led into the code goes. */
function withoutColon(children: PhrasingContent[]): PhrasingContent[] {
  const last = children[children.length - 1]
  if (last?.type !== 'text') return children
  return [...children.slice(0, -1), { ...last, value: last.value.replace(/\s*:\s*$/, '') }]
}
