import type { MarpOptions } from '@marp-team/marp-core'

/**
 * Marp options every output shares, so HTML and PDF show the same slides.
 * Emoji stay Unicode glyphs: twemoji images would come from a CDN.
 */
export const engineOptions: MarpOptions = {
  emoji: { shortcode: true, unicode: false },
  math: 'mathjax',
  minifyCSS: false,
}
