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

export function createEngine(themeCss?: string, options: MarpOptions = {}): Marp {
  const marp = new Marp({ ...engineOptions, ...options })
  if (themeCss) marp.themeSet.add(themeCss)
  return marp
}
