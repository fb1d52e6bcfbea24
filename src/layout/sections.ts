import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Deck, Slide } from '../types.js'
import { number } from '../paginate/paginate.js'
import { titleText } from '../util/title.js'
import type { Condenser } from '../condense/bullet.js'
import { isLabel, keyPhrase } from './key-phrase.js'

/** Slides a heading may run to before its parts are titled by what they hold. */
export const maxParts = 6
/** Slides a section needs to get a divider slide. */
export const minSectionSlides = 3

/** A section divider only for a section of three slides or more; its notes move on. */
export function dividers(deck: Deck): void {
  const out: Slide[] = []
  deck.children.forEach((slide, index) => {
    if (slide.kind !== 'section') {
      out.push(slide)
      return
    }
    let count = 0
    for (const next of deck.children.slice(index + 1)) {
      if (next.kind !== 'content' && next.kind !== 'image') break
      count += 1
    }
    const following = deck.children[index + 1]
    if (count >= minSectionSlides || !following || (following.kind !== 'content' && following.kind !== 'image')) out.push(slide)
    else following.notes.unshift(...slide.notes)
  })
  deck.children = out
}

/**
 * A heading that runs to more than six slides is split by its own structure: each part that
 * opens with a subheading takes it as title, and the parts after it share it; so does a part
 * that opens with a code sample's caption. A run still too long is cut into even runs of at
 * most six, each after the first titled by its first point. Each run is numbered on its own.
 */
export function titleLongRuns(deck: Deck, nextGroup: () => number, condenser: Condenser): void {
  for (const run of runs(deck.children)) {
    if (run.length <= maxParts) continue
    for (const slide of run) slide.heading ??= slide.title
    let title: PhrasingContent[] = run[0].title
    let group = nextGroup()
    run.forEach((slide, index) => {
      const topic = index && slide.kind === 'content' ? topicOf(slide.children) : undefined
      if (topic) {
        ;[title, group] = [topic.title, nextGroup()]
        if (topic.drop) {
          // What the title now says is not said twice; a caption's words stay in the notes.
          slide.notes.unshift(...(slide.children[0].data?.notes ?? []))
          slide.children = slide.children.slice(1)
        }
      }
      if (slide.kind === 'section') return
      slide.title = title
      if (slide.kind === 'content') slide.group = group
    })
    for (const piece of runs(run)) if (piece.length > maxParts) cutRun(piece, nextGroup, condenser)
  }
  number(deck.children)
}

/** Runs of consecutive slides that share a title: a section's divider, its content and figures. */
function runs(slides: Slide[]): Slide[][] {
  const out: Slide[][] = []
  let previous: string | undefined
  for (const slide of slides) {
    const title = ['content', 'image', 'section'].includes(slide.kind) ? titleText(slide) : undefined
    if (title !== undefined && title === previous) out[out.length - 1].push(slide)
    else if (title !== undefined) out.push([slide])
    previous = title
  }
  return out
}

/** What a part opens with that can title it: a subheading, or the caption of a code sample. */
function topicOf(blocks: RootContent[]): { title: PhrasingContent[]; drop: boolean } | undefined {
  const [first] = blocks
  if (first?.type === 'heading') return { title: first.children, drop: true }
  // A caption names the part when it reads as a title: a capital first, a few words.
  const caption = first?.type === 'paragraph' && first.data?.leadIn === 'caption' ? toString(first).trim() : ''
  if (caption && /^\p{Lu}/u.test(caption) && caption.split(/\s+/).length <= 8) return { title: (first as Paragraph).children, drop: true }
  return undefined
}

/** Cuts a run into even pieces of at most six, each after the first titled by what it holds. */
function cutRun(run: Slide[], nextGroup: () => number, condenser: Condenser): void {
  const pieces = Math.ceil(run.length / maxParts)
  const size = Math.ceil(run.length / pieces)
  const base = titleText({ title: run[0].heading ?? run[0].title })
  const used = new Set([base])
  let title = base
  let group = run[0].group
  run.forEach((slide, index) => {
    if (slide.kind === 'section') return
    if (index && index % size === 0) {
      const phrase = phraseOf(run.slice(index, index + size), base, condenser)
      const next = phrase ? `${base}: ${phrase}` : base
      // Two pieces never share a title: a piece about the same point is told apart by its place.
      title = used.has(next) ? `${next} (${index / size + 1})` : next
      used.add(title)
      group = nextGroup()
    }
    slide.title = [{ type: 'text', value: title }]
    if (slide.kind === 'content') slide.group = group
  })
}

/**
 * The first key phrase among a piece's blocks that tells it apart: its first point, else what
 * its code declares. One word of prose ("Scope"), or words the title has already, say nothing
 * (an author's list item of one word names its topic).
 */
function phraseOf(piece: Slide[], base: string, condenser: Condenser): string {
  for (const slide of piece) {
    if (slide.kind !== 'content') continue
    for (const block of slide.children) {
      const phrase = block.type === 'heading' ? '' : keyPhrase(block, condenser)
      const words = phrase.split(/\s+/).length
      const label = block.type === 'list' && !block.data?.condensed && isLabel(toString(block.children[0]?.children[0] ?? block))
      if (phrase && (words > 1 || block.type === 'code' || label) && !base.toLowerCase().includes(phrase.toLowerCase())) return phrase
    }
  }
  return ''
}
