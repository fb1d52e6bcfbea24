import { createHash } from 'node:crypto'
import type { MarpOptions } from '@marp-team/marp-core'
import type { Context } from '../context.js'
import type { Rendered } from './marp-engine.js'

export type { Rendered } from './marp-engine.js'

type Renders = Pick<Context, 'marp' | 'renders'>

function keyOf(markdown: string, themes: string[], options: MarpOptions) {
  const engineKey = digest([JSON.stringify(options), ...themes])
  return { engineKey, key: digest([engineKey, markdown]) }
}

/** The deck rendered by Marp with these themes, in the context's Marp thread, rendered once. */
export function renderDeck(context: Renders, markdown: string, themes: string[] = [], options: MarpOptions = {}): Promise<Rendered> {
  const { engineKey, key } = keyOf(markdown, themes, options)
  const known = context.renders.get(key)
  if (known) return known
  const rendered = context.marp.render({ markdown, themes, options, engineKey })
  context.renders.set(key, rendered)
  rendered.then(
    // Sized once known: the cache keeps a few decks' worth, fewer when decks are large.
    ({ html, css }) => context.renders.get(key) === rendered && context.renders.set(key, rendered, { size: html.length + css.length }),
    () => context.renders.delete(key),
  )
  return rendered
}

/** Drops a render no output needs any more (a huge deck's layout variant): its memory goes now. */
export function forgetRender(context: Renders, markdown: string, themes: string[] = [], options: MarpOptions = {}): void {
  context.renders.delete(keyOf(markdown, themes, options).key)
}

function digest(parts: string[]): string {
  const hash = createHash('sha1')
  for (const part of parts) hash.update(part).update('\0')
  return hash.digest('hex')
}
