import type { ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { bulletOfPhrasing, createCondenser, type Condenser } from '../condense/bullet.js'
import type { Deck, Slide } from '../types.js'
import { spoken } from '../util/spoken.js'
import { overflows, type SlideMeasure } from './overflow.js'
import { blockHeight } from './measure.js'
import { chapterdeckMetrics, type ThemeMetrics } from './metrics.js'
import { bodyHeight, defaultLimits, number, partOf, roomFor, splitBlocks } from './paginate.js'
import { titleText } from '../util/title.js'
import { retitleRuns } from '../layout/index.js'
import { fewerReferences } from '../plan/references.js'

/** Characters of one word beyond which no slide can show it, even wrapped. */
const unbreakable = 500

export interface FitOptions {
  /** Lays the deck out in a browser and measures every slide. */
  measure: (markdown: string) => Promise<SlideMeasure[]>
  serialize: (deck: Deck) => string
  /** The deck as already serialized, if it was: the first round measures it as it is. */
  markdown?: string
  metrics?: ThemeMetrics
  maxRounds?: number
}

export interface FitResult {
  rounds: number
  /** Slides changed to make them fit. */
  fixes: number
  /** Slides still overflowing (1-based), each reported as an error. */
  overflowing: number[]
  measures: SlideMeasure[]
  /** The deck as last measured, which is the deck as it stands. */
  markdown: string
}

/**
 * Measures every slide in the browser and fixes each one that overflows, then measures again,
 * in bounded rounds: split at block boundaries with a budget scaled by what the browser saw,
 * split wide tables by columns, set code at its floor size, and as a last resort move a block
 * that cannot fit to the notes, leaving a short stand-in. What still overflows is an error.
 */
export async function fitDeck(deck: Deck, file: VFile, options: FitOptions): Promise<FitResult> {
  const m = options.metrics ?? chapterdeckMetrics
  const maxRounds = options.maxRounds ?? 10
  let fixes = 0
  let measures: SlideMeasure[] = []
  let markdown = ''
  for (let round = 1; ; round++) {
    markdown = round === 1 && options.markdown !== undefined ? options.markdown : options.serialize(deck)
    measures = await options.measure(markdown)
    if (measures.length !== deck.children.length) {
      // Content Marp reads differently from us (it should not happen): say so, never guess.
      file.message(`Marp laid out ${measures.length} slides for a deck of ${deck.children.length}; overflow could not be checked`, {
        ruleId: 'not-verified',
        source: 'chapterdeck',
      })
      return { rounds: round, fixes, overflowing: [], measures, markdown }
    }
    const bad = measures.flatMap((measure, index) => (overflows(measure) ? [index] : []))
    if (!bad.length || round === maxRounds) {
      for (const index of bad) report(file, deck.children[index], measures[index])
      return { rounds: round, fixes, overflowing: bad.map((index) => index + 1), measures, markdown }
    }
    let changed = false
    for (const index of bad.reverse()) {
      // References never run to more slides: fewer links show, the rest are in the notes.
      if (deck.children[index].kind === 'references' && fewerReferences(deck, index)) {
        changed = true
        fixes += 1
        continue
      }
      const replacement = fixSlide(deck.children[index], measures[index], m, file, round)
      if (!replacement) continue
      deck.children.splice(index, 1, ...replacement)
      changed = true
      fixes += 1
    }
    number(deck.children)
    retitleRuns(deck, file)
    if (!changed) {
      for (const index of bad) report(file, deck.children[index], measures[index])
      return { rounds: round, fixes, overflowing: bad.map((index) => index + 1), measures, markdown }
    }
  }
}

function report(file: VFile, slide: Slide, measure: SlideMeasure): void {
  const title = titleText(slide)
  const message = file.message(
    `Slide "${title}" overflows by ${Math.max(measure.over, measure.overX)} px and cannot be split further; shorten or break up this part of the chapter`,
    { place: slide.children[0]?.position ?? slide.position, ruleId: 'slide-overflow', source: 'chapterdeck' },
  )
  message.fatal = true
}

/** A replacement for an overflowing slide, or undefined when nothing more can be done. */
function fixSlide(slide: Slide, measure: SlideMeasure, m: ThemeMetrics, file: VFile, round: number): Slide[] | undefined {
  const parts = (blocks: RootContent[][]) => blocks.map((children, index) => partOf(slide, children, index))
  // Text beside a figure that does not fit: the figure takes a slide of its own after the text.
  const figure = slide.children.findIndex((block) => block.data?.figure)
  if (figure >= 0 && slide.children.length > 1 && (measure.over > 2 || measure.overX > 2)) {
    const classes = slide.classes?.filter((name) => name !== 'split')
    const text: Slide = { ...slide, children: slide.children.filter((_, index) => index !== figure), classes: classes?.length ? classes : undefined }
    return [text, { type: 'slide', kind: 'content', title: slide.title, children: [slide.children[figure]], notes: [], classes: ['image'], position: slide.position }]
  }

  if (measure.overX > 2) {
    const wide = slide.children.findIndex((child) => child.type === 'table' && columns(child) > 2)
    if (wide >= 0) {
      const [left, right] = splitColumns(slide.children[wide] as Table)
      return parts([[...slide.children.slice(0, wide), left], [right, ...slide.children.slice(wide + 1)]])
    }
    if (slide.children.some((child) => child.type === 'code') && !slide.classes?.includes('dense')) {
      return [{ ...slide, classes: [...(slide.classes ?? []), 'dense'] }]
    }
    const table = slide.children.findIndex((child) => child.type === 'table')
    if (table >= 0) return [moveToNotes(slide, table, file, 'table is too wide for a slide')]
  }

  if (measure.over > 2 && slide.children.length) {
    // Re-split with the budget scaled by how much the browser found too tall.
    const { room, metrics } = roomFor(slide, m, defaultLimits)
    const estimate = bodyHeight(slide.children, metrics)
    const scale = Math.min(0.95, (measure.room - 4) / Math.max(measure.used, 1)) * (round > 2 ? 0.9 : 1)
    const pieces = splitBlocks(slide.children, { ...room, height: Math.min(room.height, estimate * scale) }, metrics)
    if (pieces.length > 1) return parts(pieces)
    if (slide.children.some((child) => child.type === 'code') && !slide.classes?.includes('dense')) {
      return [{ ...slide, classes: [...(slide.classes ?? []), 'dense'] }]
    }
    // One block that cannot be split: its text goes to the notes.
    const tallest = slide.children.reduce((best, child, index) => (blockHeight(child, metrics) > blockHeight(slide.children[best], metrics) ? index : best), 0)
    const target = slide.children[tallest]
    if (target.type !== 'heading' && !target.data?.movedToNotes && !target.data?.figure) return [moveToNotes(slide, tallest, file, 'it is taller than a slide')]
  }
  return undefined
}

function columns(table: Table): number {
  return Math.max(...table.children.map((row) => row.children.length))
}

/** Splits a table by columns, keeping the first (key) column in both halves. */
function splitColumns(table: Table): [Table, Table] {
  const count = columns(table)
  const middle = Math.ceil(count / 2)
  const pick = (from: number, to: number): Table => ({
    ...table,
    align: table.align ? [table.align[0], ...table.align.slice(from, to)] : table.align,
    children: table.children.map((row) => ({ ...row, children: [row.children[0], ...row.children.slice(from, to)].filter(Boolean) })),
  })
  return [pick(1, middle), { ...pick(middle, count), data: undefined }]
}

/**
 * Replaces a block with a short stand-in and puts its full text in the notes: for a list,
 * the tallest item; otherwise the block itself.
 */
function moveToNotes(slide: Slide, index: number, file: VFile, why: string): Slide {
  const block = slide.children[index]
  const children = [...slide.children]
  const condenser = file.data.condenser ?? createCondenser([], 'und')
  if (block.type === 'list' && block.children.length > 1) {
    const items = [...block.children]
    const tallest = items.reduce((best, item, i) => (toString(item).length > toString(items[best]).length ? i : best), 0)
    items[tallest] = standInItem(items[tallest], condenser)
    children[index] = { ...block, children: items }
  } else if (block.type === 'list') {
    children[index] = { ...block, children: [standInItem(block.children[0], condenser)] }
  } else {
    children[index] = { ...standIn(block, condenser), data: { notes: [...(block.data?.notes ?? []), ...(block.data?.notes ? [] : [noteText(block)])], movedToNotes: true } }
  }
  const name = titleText(slide)
  const longest = Math.max(0, ...(toString(block).match(/\S+/g) ?? []).map((word) => word.length))
  if (longest > unbreakable) {
    // No slide can show such a word; the stand-in is a cut, so the author must act.
    const message = file.message(
      `Slide "${name}" holds a ${longest}-character unbroken word that no slide can show; it is cut on the slide and kept whole in the notes. Break it up in the chapter`,
      { place: block.position, ruleId: 'word-too-long', source: 'chapterdeck' },
    )
    message.fatal = true
  } else {
    file.message(`A ${block.type === 'list' ? 'list item' : block.type} on slide "${name}" moved to the notes: ${why}`, {
      place: block.position,
      ruleId: 'moved-to-notes',
      source: 'chapterdeck',
    })
  }
  return { ...slide, children }
}

function standInItem(item: ListItem, condenser: Condenser): ListItem {
  const [first] = item.children
  const paragraph: Paragraph = first?.type === 'paragraph' ? first : { type: 'paragraph', children: [{ type: 'text', value: toString(item) }] }
  // The item's own notes speak for its first paragraph only: what follows it goes there too.
  const rest = item.children.slice(1) as RootContent[]
  const notes = item.data?.notes ? [...item.data.notes, ...rest.map(noteText)] : [noteText(item)]
  return { ...item, children: [shorten(paragraph, condenser)], data: { ...item.data, notes, movedToNotes: true } }
}

function standIn(block: RootContent, condenser: Condenser): Paragraph {
  if (block.type === 'paragraph') return shorten(block, condenser)
  const label = block.type === 'table' ? 'Table' : block.type === 'code' ? 'Code listing' : 'Text'
  return { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: `${label} too large for a slide: see the notes.` }] }] }
}

/**
 * The paragraph's idea as a short bullet, marked as told in full in the notes. A word no
 * line can hold is cut to one line's worth: the author has to break it up (an error says so).
 */
function shorten(paragraph: Paragraph, condenser: Condenser): Paragraph {
  const bullet = bulletOfPhrasing(paragraph.children, condenser).map((node) => (node.type === 'text' ? { ...node, value: node.value.replace(/\S{81,}/g, (word) => word.slice(0, 80)) } : node))
  const children: PhrasingContent[] = [...bullet, { type: 'text', value: ' ' }, { type: 'emphasis', children: [{ type: 'text', value: '(full text in the notes)' }] }]
  return { type: 'paragraph', children }
}

function noteText(node: RootContent | ListItem): string {
  if (node.type === 'table') return node.children.map((row) => row.children.map((cell) => toString(cell)).join(' | ')).join('\n')
  if (node.type === 'code') return node.value
  return spoken(node)
}
