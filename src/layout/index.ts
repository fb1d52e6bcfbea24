import type { VFile } from 'vfile'
import type { Deck } from '../types.js'
import { createCondenser } from '../condense/bullet.js'
import { wordsFor } from '../plan/words.js'
import { layoutClasses } from './classes.js'
import { figuresBesideText, splitLayouts } from './figures.js'
import { keyPoints } from './key-points.js'
import { dividers, titleLongRuns } from './sections.js'
import { statements } from './statement.js'

/** Before pagination: figures beside their text, and layouts chosen from each slide's content. */
export function shapeSlides() {
  return (deck: Deck) => {
    figuresBesideText(deck)
    layoutClasses(deck)
  }
}

/**
 * After pagination: long runs titled by their structure, lone sentences as statement slides,
 * dividers only for sections of three slides or more, and the key points before the end.
 */
export function arrangeSlides() {
  return (deck: Deck, file: VFile) => {
    const nextGroup = groupCounter(deck)
    titleLongRuns(deck, nextGroup, file.data.condenser ?? createCondenser([], 'und'))
    splitLayouts(deck)
    keyPoints(deck, wordsFor(deck.meta.lang), nextGroup())
    statements(deck)
    dividers(deck)
  }
}

/** After the browser fit split slides again: runs too long are titled by what they hold. */
export function retitleRuns(deck: Deck, file: VFile): void {
  titleLongRuns(deck, groupCounter(deck), file.data.condenser ?? createCondenser([], 'und'))
  splitLayouts(deck)
}

function groupCounter(deck: Deck): () => number {
  let group = Math.max(0, ...deck.children.map((slide) => slide.group ?? 0))
  return () => ++group
}
