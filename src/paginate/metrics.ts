/**
 * Layout numbers of a theme, in CSS pixels on a 1280×720 slide. They must match the theme's
 * CSS (tests check that against Chromium); the budget stays below them so an estimate can miss
 * a little and still fit.
 */
export interface ThemeMetrics {
  width: number
  height: number
  padX: number
  padTop: number
  padBottom: number
  titleSize: number
  titleLineHeight: number
  titleGap: number
  bodySize: number
  lineHeight: number
  blockGap: number
  itemGap: number
  indent: number
  subheadSize: number
  codeSize: number
  codeLineHeight: number
  codePad: number
  tableSize: number
  tableLineHeight: number
  cellPadY: number
  /** Average glyph advance of the body font, in em. */
  charWidth: number
  monoCharWidth: number
  /** Share of the body height the budget fills. */
  fill: number
}

export const chapterdeckMetrics: ThemeMetrics = {
  width: 1280,
  height: 720,
  padX: 64,
  padTop: 52,
  padBottom: 60,
  titleSize: 44,
  titleLineHeight: 1.15,
  titleGap: 24,
  bodySize: 28,
  lineHeight: 1.4,
  blockGap: 16,
  itemGap: 8,
  indent: 34,
  subheadSize: 32,
  codeSize: 20,
  codeLineHeight: 1.4,
  codePad: 14,
  tableSize: 24,
  tableLineHeight: 1.3,
  cellPadY: 6,
  charWidth: 0.5,
  monoCharWidth: 0.6,
  fill: 0.9,
}
