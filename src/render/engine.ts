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
