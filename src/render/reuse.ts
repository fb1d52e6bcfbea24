import { createHash } from 'node:crypto'
import type { Marp } from '@marp-team/marp-core'
import { Theme } from '@marp-team/marpit'

// A deck may be rendered again (after a fit round, without formulas, for the handout), and a
// book renders many decks with one theme. Highlighting code and packing the theme's CSS cost
// more than the rest of a render, so each result is kept for the Marp thread and reused.
// Bounded, so a book of code-heavy chapters stays small.
const kept = new Map<string, string>()
const maxChars = 4_000_000
let chars = 0

function remember(key: string, make: () => string): string {
  let value = kept.get(key)
  if (value === undefined) {
    value = make()
    if (chars > maxChars) {
      kept.clear()
      chars = 0
    }
    kept.set(key, value)
    chars += key.length + value.length
  }
  return value
}

let sharedHighlightjs: Marp['highlightjs'] | undefined

interface Packing {
  renderStyle(theme?: string): string
  themeSetPackOptions(): unknown
}

/**
 * Makes the engine reuse the thread's highlight.js, highlighted code and packed theme CSS.
 * marp-core highlights from the code and its language alone; Marpit packs from the theme set,
 * the theme and the pack options (the deck's own styles, math CSS), which make up the key.
 */
export function reuseAcrossRenders<T extends Marp>(marp: T): T {
  // marp-core gives each engine a highlight.js of its own, registering about 190 languages
  // and compiling each on first use, and marp-cli makes an engine per deck. Engines share one.
  const highlightjs = (sharedHighlightjs ??= marp.highlightjs)
  Object.defineProperty(marp, 'highlightjs', { value: highlightjs })
  const highlight = marp.highlighter.bind(marp)
  marp.highlighter = (code, lang, attrs) => (lang ? remember(`code\0${lang}\0${code}`, () => highlight(code, lang, attrs)) : highlight(code, lang, attrs))
  const packing = marp as unknown as Packing
  const renderStyle = packing.renderStyle.bind(marp)
  packing.renderStyle = (theme) => {
    const hash = createHash('sha1').update(`${theme}\0${JSON.stringify(packing.themeSetPackOptions())}`)
    for (const known of marp.themeSet.themes()) hash.update('\0').update(known.css)
    hash.update('\0').update(marp.themeSet.default?.css ?? '')
    return remember(`css\0${hash.digest('hex')}`, () => renderStyle(theme))
  }
  return marp
}

let themesReused = false

/**
 * Makes Marpit parse each theme's CSS once per thread. Every engine parses the built-in themes
 * and ours as it is made, and marp-cli makes one per deck, with the theme that embeds its fonts
 * (180 KB of CSS). Marpit freezes a parsed theme, so engines can share it.
 */
export function reuseParsedThemes(): void {
  if (themesReused) return
  themesReused = true
  const parse = Theme.fromCSS.bind(Theme)
  const parsed = new Map<string, Readonly<Theme>>()
  Theme.fromCSS = (css, options = {}) => {
    // The options are two flags and a few meta types, and Marpit's own flag for its default theme.
    const flags = Object.getOwnPropertySymbols(options).map((symbol) => Boolean((options as Record<symbol, unknown>)[symbol]))
    const types = Object.entries(options.metaType ?? {}).map(([name, type]) => [name, type === Array])
    const key = `${JSON.stringify([Boolean(options.cssNesting), types, flags])}\0${css}`
    let theme = parsed.get(key)
    if (!theme) {
      theme = parse(css, options)
      // A daemon sees each edit of a theme: a few dozen stay.
      if (parsed.size >= 32) parsed.clear()
      parsed.set(key, theme)
    }
    return theme
  }
}

type Capture = (rendered: { html: string; css: string }) => void
let capture: Capture | undefined

/**
 * Hands each deck the engine renders to the capture set by `capturingRenders`: marp-cli's
 * render of index.html is the deck the build then lays out and prints, rendered once.
 */
export function captureRenders<T extends Marp>(marp: T): T {
  const render = marp.render.bind(marp)
  marp.render = ((markdown: string, env?: unknown) => {
    const result = render(markdown, env)
    capture?.({ html: String(result.html), css: result.css })
    return result
  }) as T['render']
  return marp
}

/** Runs `work` (one marp-cli run at a time) with `sink` receiving what its engines render. */
export async function capturingRenders<T>(sink: Capture, work: () => Promise<T>): Promise<T> {
  capture = sink
  try {
    return await work()
  } finally {
    capture = undefined
  }
}
