import type { Browser } from 'puppeteer-core'
import { onSlidesPage } from '../browser/slides-page.js'
import { forgetRender, renderDeck, type Rendered } from '../render/render.js'
import { collectGarbage, largeDeckChars, runJobs } from '../util/memory.js'

export interface SlideMeasure {
  /** Content past the bottom of the padding box, in slide pixels. */
  over: number
  /** Content past the right edge, or scrolled inside a code block or table. */
  overX: number
  /** Height the body may fill, and the height it takes (slide pixels). */
  room: number
  used: number
}

/**
 * Lays the deck out in Chromium at 1280×720 and measures each slide as a reader sees it:
 * any element reaching past the padding box, any code block or table wider than it shows.
 */
export async function measureDeck(
  browser: Browser,
  markdown: string,
  themeCss: string[],
  baseDir: string,
  options: { math?: boolean; headCss?: string; lang?: string; rendered?: Promise<Rendered> } = {},
): Promise<SlideMeasure[]> {
  const { html, css } = await (options.rendered ?? renderDeck(markdown, themeCss, options.math === false ? { math: false } : {}))
  // The render's garbage would otherwise stay while the browser lays a huge deck out.
  if (html.length > 1_000_000) collectGarbage()
  return onSlidesPage(browser, baseDir, { html, css: css + (options.headCss ?? ''), lang: options.lang ?? 'en' }, (page) => page.evaluate(measureSlides))
}

/**
 * Measures every slide of the document shown (evaluated in the page). Evaluated code stays
 * free of named inner functions: bundlers rename them.
 */
export const measureSlides = (): SlideMeasure[] => {
  const out: SlideMeasure[] = []
  // A slide with a split background has extra layers (background, pseudo): only content counts.
  for (const section of document.querySelectorAll('svg > foreignObject > section:not([data-marpit-advanced-background="background"]):not([data-marpit-advanced-background="pseudo"])')) {
    const box = section.getBoundingClientRect()
    const style = getComputedStyle(section)
    const limitBottom = box.bottom - parseFloat(style.paddingBottom) + 1
    const limitRight = box.right - parseFloat(style.paddingRight) + 1
    const top = box.top + parseFloat(style.paddingTop)
    let over = 0
    let overX = 0
    let used = 0
    const stack: Element[] = [...section.children]
    while (stack.length) {
      const element = stack.pop()!
      const position = getComputedStyle(element).position
      if (position === 'absolute' || position === 'fixed' || element.tagName === 'HEADER' || element.tagName === 'FOOTER') continue
      const rect = element.getBoundingClientRect()
      if (rect.height > 0) {
        over = Math.max(over, rect.bottom - limitBottom)
        overX = Math.max(overX, rect.right - limitRight)
        used = Math.max(used, rect.bottom - top)
      }
      if (element.scrollWidth > element.clientWidth + 1 && ['PRE', 'TABLE', 'CODE'].includes(element.tagName)) {
        overX = Math.max(overX, element.scrollWidth - element.clientWidth)
      }
      stack.push(...element.children)
    }
    if (section.scrollHeight > section.clientHeight + 2) over = Math.max(over, section.scrollHeight - section.clientHeight)
    out.push({ over: Math.round(over), overX: Math.round(overX), room: Math.round(limitBottom - 1 - top), used: Math.round(used) })
  }
  return out
}

/** The threshold deckcheck uses: more than 2 px past the edge. */
export function overflows(measure: SlideMeasure): boolean {
  return measure.over > 2 || measure.overX > 2
}

/**
 * deck.md must fit in any Marp: one without math support, where formulas show as their TeX
 * source, and one given the theme without the fonts added for this deck (`fontsCss`). Each
 * variant is measured (all from one render), and each slide keeps the worst. `render` gives
 * the typeset render (the one index.html shows, when the build makes it), instead of Marp's
 * own render with `themeCss`.
 */
export async function measurePortable(
  browser: Browser,
  markdown: string,
  themeCss: string[],
  baseDir: string,
  { fontsCss = '', lang = 'en', render }: { fontsCss?: string; lang?: string; render?: (markdown: string) => Promise<Rendered> } = {},
): Promise<SlideMeasure[]> {
  const large = markdown.length > largeDeckChars
  // A huge deck renders with its garbage freed first, as each layout does (see runJobs).
  if (large) collectGarbage()
  const rendered = render ? render(markdown) : renderDeck(markdown, themeCss)
  // Without formulas in the render, a Marp without math shows the very same slides.
  const math = await rendered.then(({ html }) => /<mjx-container|class="katex"/.test(html))
  const variants = [
    () => measureDeck(browser, markdown, themeCss, baseDir, { headCss: fontsCss, lang, rendered }),
    ...(fontsCss ? [() => measureDeck(browser, markdown, themeCss, baseDir, { lang, rendered })] : []),
    ...(math ? [() => measureDeck(browser, markdown, themeCss, baseDir, { math: false, headCss: fontsCss, lang })] : []),
  ]
  const runs = await runJobs(variants, large)
  // The outputs print the typeset render; a huge deck's TeX-source render is let go.
  if (large && math) forgetRender(markdown, themeCss, { math: false })
  return runs[0].map((first, index) =>
    runs
      .map((run) => run[index] ?? first)
      .reduce((a, b) => ({ over: Math.max(a.over, b.over), overX: Math.max(a.overX, b.overX), room: Math.min(a.room, b.room), used: Math.max(a.used, b.used) })),
  )
}
