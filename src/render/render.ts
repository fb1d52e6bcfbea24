import { createHash } from 'node:crypto'
import type { MarpOptions } from '@marp-team/marp-core'
import type { Rendered } from './engine.js'
import { callMarp } from './marp-thread.js'

export type { Rendered } from './engine.js'

// A build lays out, prints and hands out the same deck: the last few renders are kept, so
// each deck is rendered once.
const renders = new Map<string, Promise<Rendered>>()
const sizes = new Map<string, number>()
const maxRenderedChars = 24_000_000

const keyOf = (markdown: string, themes: string[], options: MarpOptions) => {
  const engineKey = digest([JSON.stringify(options), ...themes])
  return { engineKey, key: digest([engineKey, markdown]) }
}

/** The deck rendered by Marp with these themes, reusing an earlier identical render. */
export function renderDeck(markdown: string, themes: string[] = [], options: MarpOptions = {}): Promise<Rendered> {
  const { engineKey, key } = keyOf(markdown, themes, options)
  const known = renders.get(key)
  if (known) return known
  const rendered = callMarp<Rendered>('render', { markdown, themes, options, engineKey })
  renders.set(key, rendered)
  rendered.then(
    ({ html, css }) => {
      sizes.set(key, html.length + css.length)
      // A few decks' worth, fewer when decks are large: memory stays bounded on a huge chapter.
      let size = 0
      let count = 0
      for (const known of [...renders.keys()].reverse()) {
        size += sizes.get(known) ?? 0
        if (size > maxRenderedChars || ++count > 4) {
          renders.delete(known)
          sizes.delete(known)
        }
      }
    },
    () => renders.delete(key),
  )
  return rendered
}

function digest(parts: string[]): string {
  const hash = createHash('sha1')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}

/** Drops a render no output needs any more (a huge deck's layout variant): its memory goes now. */
export function forgetRender(markdown: string, themes: string[] = [], options: MarpOptions = {}): void {
  const { key } = keyOf(markdown, themes, options)
  renders.delete(key)
  sizes.delete(key)
}

/** Drops every kept render: between a daemon's builds, whose decks the next build will not show again. */
export function forgetRenders(): void {
  renders.clear()
  sizes.clear()
}
