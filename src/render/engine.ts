import { Marp, type MarpOptions } from '@marp-team/marp-core'
import { engineOptions } from './engine-options.js'
import { reuseAcrossRenders } from './reuse.js'

export function createEngine(themes: string[] = [], options: MarpOptions = {}): Marp {
  const marp = reuseAcrossRenders(new Marp({ ...engineOptions, ...options }))
  for (const css of themes) marp.themeSet.add(css)
  return marp
}

export interface Rendered {
  html: string
  css: string
}

// One engine per theme set: creating one costs more than rendering a small deck.
const engines = new Map<string, Marp>()

/** The deck rendered by Marp with these themes (in the Marp thread; see marp-thread.ts). */
export function renderHere(markdown: string, themes: string[], options: MarpOptions, engineKey: string): Rendered {
  let engine = engines.get(engineKey)
  if (!engine) {
    if (engines.size >= 8) engines.delete(engines.keys().next().value!)
    engine = createEngine(themes, options)
    engines.set(engineKey, engine)
  }
  const { html, css } = engine.render(markdown)
  // An engine keeps its last render's tokens: one that rendered a huge deck is let go.
  if (html.length > 1_000_000) engines.delete(engineKey)
  return { html, css }
}
