import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { toString } from 'mdast-util-to-string'
import type { Deck } from '../types.js'
import { titleText } from '../util/title.js'
import { fontCodePoints } from './woff2-cmap.js'

const require = createRequire(import.meta.url)

// Scripts the Latin theme fonts lack, each from an @fontsource package split into
// unicode-range chunks. A deck embeds only the chunks its own characters need.
const families = [
  { family: 'Noto Sans JP', pkg: 'noto-sans-jp', weights: [400, 700] },
  { family: 'Noto Sans SC', pkg: 'noto-sans-sc', weights: [400, 700] },
  { family: 'Noto Sans KR', pkg: 'noto-sans-kr', weights: [400, 700] },
  { family: 'Noto Sans Arabic', pkg: 'noto-sans-arabic', weights: [400, 700] },
  { family: 'Noto Sans Hebrew', pkg: 'noto-sans-hebrew', weights: [400, 700] },
  { family: 'Noto Sans Devanagari', pkg: 'noto-sans-devanagari', weights: [400, 700] },
  // Monochrome outlines: every Chromium draws them (colour emoji fonts print blank in some).
  // One weight only: it serves bold text too.
  { family: 'Noto Emoji', pkg: 'noto-emoji', weights: [400] },
]
const covered = /[\u0000-\u024f\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\ufe00-\ufe0f]/u

export interface Face {
  family: string
  weight: number
  /** The family's only weight, used for regular and bold text alike. */
  single: boolean
  file: string
  ranges: [number, number][]
}

/** The script fonts installed, read once per context: their chunks and which glyphs each has. */
export class FontCatalog {
  private faces?: Face[]
  // Read from each chunk when a deck first has a character in its range.
  private readonly glyphs = new Map<string, [number, number][]>()

  all(): Face[] {
    return (this.faces ??= families.flatMap(({ family, pkg, weights }) => packageFaces(family, pkg, weights)))
  }

  hasGlyph(face: Face, code: number): boolean {
    let ranges = this.glyphs.get(face.file)
    if (!ranges) this.glyphs.set(face.file, (ranges = fontCodePoints(face.file)))
    let low = 0
    let high = ranges.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      if (ranges[middle][1] < code) low = middle + 1
      else if (ranges[middle][0] > code) high = middle - 1
      else return true
    }
    return false
  }
}

function packageFaces(family: string, pkg: string, weights: number[]): Face[] {
  let dir: string
  try {
    dir = path.dirname(require.resolve(`@fontsource/${pkg}/package.json`))
  } catch {
    return []
  }
  return weights.flatMap((weight) => {
    const css = fs.readFileSync(path.join(dir, `${weight}.css`), 'utf8')
    return [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)[\s\S]*?unicode-range:\s*([^;]+);/g)]
      .filter((match) => !/-(latin|latin-ext|cyrillic|cyrillic-ext|greek|vietnamese)-\d/.test(match[1]))
      .map((match) => ({ family, weight, single: weights.length === 1, file: path.join(dir, 'files', match[1]), ranges: parseRanges(match[2]) }))
  })
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-')
    return [parseInt(from, 16), parseInt(to ?? from, 16)]
  })
}

/**
 * The font faces a deck needs for its non-Latin characters; none when the Latin theme fonts
 * cover everything. `text` is further regular-weight text shown with it (a handout's notes).
 * Each character gets the face the browser would draw it with: the first family in the
 * theme's order for the deck's language whose font has the glyph. Japanese, Chinese and
 * Korean chunks share most Han characters, and the later families' are never loaded.
 */
export function scriptFaces(deck: Deck, fonts: FontCatalog, text: string[] = []): Face[] {
  const { regular, bold } = deckCharacters(deck, text)
  if (!regular.length && !bold.length) return []
  // Characters still without a face, per weight; a family with one weight serves both.
  const left = { 400: regular, 700: bold }
  const needed = new Set<Face>()
  const all = fonts.all()
  for (const family of familyOrder(deck.meta.lang)) {
    for (const face of all.filter((face) => face.family === family)) {
      for (const weight of face.single ? ([400, 700] as const) : [face.weight as 400 | 700]) {
        const drawn = drawnBy(face, left[weight], fonts)
        if (!drawn.size) continue
        needed.add(face)
        left[weight] = left[weight].filter((_, at) => !drawn.has(at))
      }
    }
  }
  return all.filter((face) => needed.has(face))
}

/** The deck's characters beyond Latin, sorted: bold ones (titles, headings) and regular ones. */
function deckCharacters(deck: Deck, text: string[]): { regular: number[]; bold: number[] } {
  const regular = new Set<number>()
  const bold = new Set<number>()
  const add = (set: Set<number>, text: string) => {
    for (const char of text) if (!covered.test(char)) set.add(char.codePointAt(0)!)
  }
  for (const slide of deck.children) {
    add(bold, titleText(slide))
    for (const child of slide.children) add(child.type === 'heading' ? bold : regular, toString(child))
    if (slide.subtitle) add(regular, toString({ type: 'paragraph', children: slide.subtitle }))
  }
  for (const item of text) add(regular, item)
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b)
  return { regular: sorted(regular), bold: sorted(bold) }
}

/** Indexes of the sorted `chars` that the face has glyphs for. */
function drawnBy(face: Face, chars: number[], fonts: FontCatalog): Set<number> {
  const drawn = new Set<number>()
  for (const [from, to] of face.ranges) {
    for (let at = firstAtLeast(chars, from); at < chars.length && chars[at] <= to; at++) {
      if (fonts.hasGlyph(face, chars[at])) drawn.add(at)
    }
  }
  return drawn
}

/** The Noto families in the order the theme's font stacks give them for a language. */
function familyOrder(lang: string): string[] {
  const han = lang.startsWith('zh') ? ['Noto Sans SC', 'Noto Sans JP', 'Noto Sans KR'] : lang.startsWith('ko') ? ['Noto Sans KR', 'Noto Sans JP', 'Noto Sans SC'] : ['Noto Sans JP', 'Noto Sans SC', 'Noto Sans KR']
  return [...han, ...families.map(({ family }) => family).filter((family) => !han.includes(family))]
}

/** Index of the first value at least `value` in ascending `values` (their length if none). */
function firstAtLeast(values: number[], value: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle] < value) low = middle + 1
    else high = middle
  }
  return low
}

/**
 * @font-face rules for those faces: regular for the body, bold for titles and headings.
 * `embed` gives data URIs (for the deck's own files), `link` file:// URLs (for pages laid
 * out and printed during the build).
 */
export function facesCss(faces: Face[], mode: 'embed' | 'link'): string {
  return faces
    .map(
      (face) =>
        `@font-face{font-family:'${face.family}';font-weight:${face.single ? '100 900' : face.weight};font-style:normal;font-display:block;src:url(${mode === 'link' ? pathToFileURL(face.file).href : `data:font/woff2;base64,${fs.readFileSync(face.file).toString('base64')}`}) format('woff2');unicode-range:${face.ranges.map(([from, to]) => (from === to ? `U+${from.toString(16)}` : `U+${from.toString(16)}-${to.toString(16)}`)).join(',')}}`,
    )
    .join('\n')
}
