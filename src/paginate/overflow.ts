/** A slide as the browser laid it out (see verify/measure.ts), in slide pixels. */
export interface SlideMeasure {
  /** Content past the bottom of the padding box. */
  over: number
  /** Content past the right edge, or scrolled inside a code block or table. */
  overX: number
  /** Height the body may fill, and the height it takes. */
  room: number
  used: number
}

/** The threshold deckcheck uses: more than 2 px past the edge. */
export function overflows(measure: SlideMeasure): boolean {
  return measure.over > 2 || measure.overX > 2
}
