import type { List, ListItem, Paragraph, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { EXIT, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Deck } from '../types.js'
import { joinCjkLines } from '../util/inline.js'
import { spoken } from '../util/spoken.js'
import { bulletOf, createCondenser, maskedText, type Condenser } from './bullet.js'
import { calloutLine, calloutLabel } from './callout.js'
import { commandPair, condenseItems } from './items.js'
import { endsMidPhrase, leadIn } from './lead-in.js'
import { unrollSections } from './unroll.js'

/**
 * On content slides every prose paragraph becomes one short bullet carrying its idea; the
 * paragraph itself goes word for word into the notes of whichever slide the bullet lands on.
 * A sentence that leads into a list or code stays with it as its label; a callout becomes one
 * labelled line. Lists, code, tables, quotes and figures stay as they are.
 */
export function condenseProse() {
  return (deck: Deck, file: VFile) => {
    const prose = deck.children.flatMap((slide) => (slide.kind === 'content' ? slide.children : [])).flatMap(paragraphTexts)
    const condenser = createCondenser(prose, deck.meta.lang)
    file.data.condenser = condenser
    for (const slide of deck.children) {
      if (slide.kind !== 'content') continue
      // A paragraph with nothing left to show (markup taken out) keeps its words in the notes.
      const empty = slide.children.filter((node) => node.type === 'paragraph' && !toString(node, { includeHtml: false }).trim() && !node.children.some((child) => child.type === 'image'))
      slide.notes.push(...empty.flatMap((node) => node.data?.notes ?? []))
      slide.children = condenseBlocks(slide.children.filter((node) => !empty.includes(node)).flatMap(unrollSections), condenser)
    }
  }
}

function paragraphTexts(node: RootContent): string[] {
  if (node.type === 'paragraph') return [maskedText(node.children)]
  if (node.type === 'blockquote') return node.children.flatMap(paragraphTexts)
  return []
}

export function condenseBlocks(blocks: RootContent[], condenser: Condenser): RootContent[] {
  const out: RootContent[] = []
  let skip = false
  blocks.forEach((node, index) => {
    const next = blocks[index + 1]
    if (skip) {
      skip = false
      return
    }
    const pair = commandPair(node, next)
    if (pair) {
      out.push(...pair)
      skip = true
      return
    }
    if (node.type === 'list' && !node.data?.condensed) condenseItems(node, condenser)
    if (node.type === 'blockquote' && calloutLabel(node)) {
      out.push(calloutLine(node, condenser))
      return
    }
    if (node.type !== 'paragraph' || isLabel(node)) {
      // Typeset formulas have no words, and CJK lines the author wrapped are joined on the
      // slide: the speaker (and search) get the text as written in the notes.
      if (!node.data?.notes && (hasInlineMath(node) || wrapsCjk(node) || hasRawUrl(node))) node.data = { ...node.data, notes: [spoken(node)] }
      out.push(node)
      return
    }
    const led = next && introduces(node, next, condenser) ? leadIn(node, next, condenser) : undefined
    if (led) {
      for (const block of led) push(out, block)
      return
    }
    const item = bulletOf(node, condenser)
    // Never an empty bullet, nor one that only points the reader on ("Let's look at another
    // example"): its words go to the notes of the bullet before it.
    const previous = out.at(-1)
    const aside = !toString(item).trim() || (condenser.english && signsOnly(toString(item)))
    if (aside && previous?.type === 'list' && previous.data?.condensed) {
      const last = previous.children.at(-1)!
      last.data = { ...last.data, notes: [...(last.data?.notes ?? []), ...(item.data?.notes ?? [])] }
      return
    }
    // The sentence before a code sample is what the speaker says of it: they share a slide.
    if (next?.type === 'code' || next?.type === 'table') item.data = { ...item.data, precedes: true }
    push(out, toString(item).trim() ? item : node)
  })
  return out
}

// Sentences that steer the reading and say nothing of the subject: "Let's look at another
// example", "This isn't quite what happens", "This section could use some updates".
const steering = [
  /^(?:(?:now|so|first|next),? )?(?:let['’]s|let us) (?:now )?(?:look|take a (?:quick )?look|examine|see|try|start|begin|recall|go back|review|turn|switch|dig|dive|explore|make|get)\b/i,
  /^(?:(?:now|so|first|next),? )?(?:we['’]ll|we will) (?:now )?(?:look|see|explore|discuss|talk|cover|come back|return|get back)\b/i,
  /^(?:this|that|here) (?:is|isn['’]t|is not|was) (?:not )?(?:quite |exactly |just )?(?:what (?:happens|we (?:want|need|expect))|incorrect|wrong|the end of the (?:book|chapter))\b/i,
  /^this (?:section|chapter|page) (?:could|should|needs?|will|is going to)\b/i,
]

/** Whether a bullet only steers the reading: a short sentence of one of the patterns above. */
function signsOnly(text: string): boolean {
  return text.split(/\s+/).length <= 9 && steering.some((pattern) => pattern.test(text.trim()))
}

/** Adds a block, gathering consecutive prose bullets into one list. */
function push(out: RootContent[], block: RootContent | ListItem): void {
  if (block.type !== 'listItem') {
    out.push(block)
    return
  }
  const last = out[out.length - 1]
  if (last?.type === 'list' && last.data?.condensed) last.children.push(block)
  else out.push({ type: 'list', ordered: false, spread: false, children: [block], data: { condensed: true }, position: block.position } satisfies List)
}

/**
 * Whether a paragraph leads into the block after it: it ends in a colon or mid-phrase ("… is
 * equivalent to", "with"), or, before a list, says "Here are …" or "the following".
 */
function introduces(node: Paragraph, next: RootContent, condenser: Condenser): boolean {
  if (!['list', 'code', 'table', 'math', 'blockquote'].includes(next.type)) return false
  const text = toString(node).trim()
  if (/:$/.test(text) || (condenser.english && endsMidPhrase(text))) return true
  const last = text.split(/(?<=[.!?])\s+/).pop() ?? ''
  return next.type === 'list' && !next.data?.condensed && /^(?:here (?:are|is)|these are|below (?:are|is))\b|\b(?:the following|as follows)\b/i.test(last)
}

/** A line all in bold (a tab's label, a caption's title): it stays as written. */
function isLabel(node: Paragraph): boolean {
  return node.children.length === 1 && node.children[0].type === 'strong'
}

/** A long address written out as a link: the slide shows its site (serialize), the notes all of it. */
function hasRawUrl(node: RootContent): boolean {
  let found = false
  visit(node, 'link', (link) => void (found ||= toString(link).length > 40 && toString(link).includes(link.url.replace(/^mailto:/, ''))))
  return found
}

function wrapsCjk(node: RootContent): boolean {
  const text = toString(node)
  return joinCjkLines(text) !== text
}

function hasInlineMath(node: RootContent): boolean {
  let found = false
  visit(node, 'inlineMath', () => {
    found = true
    return EXIT
  })
  return found
}

