import { createHash } from 'node:crypto'
import { Marp, type MarpOptions } from '@marp-team/marp-core'

/**
 * Marp options every output shares, so HTML and PDF show the same slides.
 * Emoji stay Unicode glyphs: twemoji images would come from a CDN.
 */
export const engineOptions: MarpOptions = {
  emoji: { shortcode: true, unicode: false },
  math: 'mathjax',
  minifyCSS: false,
}

export function createEngine(themes: string[] = [], options: MarpOptions = {}): Marp {
  const marp = new Marp({ ...engineOptions, ...options })
  for (const css of themes) marp.themeSet.add(css)
  return marp
}

export interface Rendered {
  html: string
  css: string
}

// A build lays out, prints and hands out the same deck: one engine per theme set and the
// last few renders are kept, so each deck is rendered once.
const engines = new Map<string, Marp>()
const renders = new Map<string, Rendered>()

/** The deck rendered by Marp with these themes, reusing an earlier identical render. */
export function renderDeck(markdown: string, themes: string[] = [], options: MarpOptions = {}): Rendered {
  const engineKey = digest([JSON.stringify(options), ...themes])
  const key = digest([engineKey, markdown])
  const known = renders.get(key)
  if (known) return known
  let engine = engines.get(engineKey)
  if (!engine) {
    if (engines.size >= 8) engines.delete(engines.keys().next().value!)
    engine = createEngine(themes, options)
    engines.set(engineKey, engine)
  }
  const { html, css } = engine.render(markdown)
  // An engine keeps its last render's tokens: one that rendered a huge deck is let go.
  if (html.length > 1_000_000) engines.delete(engineKey)
  // A few decks' worth, fewer when decks are large: memory stays bounded on a huge chapter.
  renders.set(key, { html, css })
  let size = 0
  let count = 0
  for (const [known, rendered] of [...renders].reverse()) {
    size += rendered.html.length + rendered.css.length
    if (size > maxRenderedChars || ++count > 4) renders.delete(known)
  }
  return { html, css }
}

const maxRenderedChars = 24_000_000

function digest(parts: string[]): string {
  const hash = createHash('sha1')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}
