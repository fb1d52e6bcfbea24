import type { Context } from '../context.js'
import { onSlidesPage } from '../browser/slides-page.js'
import { overflows, type SlideMeasure } from '../paginate/overflow.js'
import { forgetRender, renderDeck, type Rendered } from '../render/render.js'
import { collectGarbage, largeDeckChars, runJobs } from '../util/memory.js'

export { overflows, type SlideMeasure }

type Measuring = Pick<Context, 'browser' | 'marp' | 'renders'>

/**
 * Lays the deck out in Chromium at 1280×720 and measures each slide as a reader sees it:
 * any element reaching past the padding box, any code block or table wider than it shows.
 */
export async function measureDeck(
  context: Measuring,
  markdown: string,
  themeCss: string[],
  baseDir: string,
  options: { math?: boolean; headCss?: string; lang?: string; rendered?: Promise<Rendered> } = {},
): Promise<SlideMeasure[]> {
  const { html, css } = await (options.rendered ?? renderDeck(context, markdown, themeCss, options.math === false ? { math: false } : {}))
  // The render's garbage would otherwise stay while the browser lays a huge deck out.
  if (html.length > 1_000_000) collectGarbage()
  const pool = await context.browser.pool()
  return onSlidesPage(pool, baseDir, { html, css: css + (options.headCss ?? ''), lang: options.lang ?? 'en' }, (page) => page.evaluate(measureSlides))
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

export interface PortableOptions {
  /** Fonts the build adds to the theme's own, as a style sheet. */
  fontsCss?: string
  /** Fonts the theme itself brings (see render/theme.ts): every variant has them. */
  themeFontsCss?: string
  lang?: string
  /** The typeset render to measure (the one index.html shows, when the build makes it). */
  render?: (markdown: string) => Promise<Rendered>
}

/**
 * deck.md must fit in any Marp: one without math support, where formulas show as their TeX
 * source, and one given the theme without the fonts added for this deck (`fontsCss`). Each
 * variant is measured (all from one render), and each slide keeps the worst.
 */
export async function measurePortable(context: Measuring, markdown: string, themeCss: string[], baseDir: string, options: PortableOptions = {}): Promise<SlideMeasure[]> {
  const { fontsCss = '', themeFontsCss = '', lang = 'en' } = options
  const large = markdown.length > largeDeckChars
  // A huge deck renders with its garbage freed first, as each layout does (see runJobs).
  if (large) collectGarbage()
  const rendered = options.render ? options.render(markdown) : renderDeck(context, markdown, themeCss)
  // Without formulas in the render, a Marp without math shows the very same slides.
  const math = await rendered.then(({ html }) => /<mjx-container|class="katex"/.test(html))
  const measure = (extra: { math?: boolean; headCss: string; rendered?: Promise<Rendered> }) => () => measureDeck(context, markdown, themeCss, baseDir, { lang, ...extra })
  const variants = [
    measure({ headCss: themeFontsCss + fontsCss, rendered }),
    ...(fontsCss ? [measure({ headCss: themeFontsCss, rendered })] : []),
    ...(math ? [measure({ math: false, headCss: themeFontsCss + fontsCss })] : []),
  ]
  const runs = await runJobs(variants, large)
  // The outputs print the typeset render; a huge deck's TeX-source render is let go.
  if (large && math) forgetRender(context, markdown, themeCss, { math: false })
  return runs[0].map((first, index) =>
    runs
      .map((run) => run[index] ?? first)
      .reduce((a, b) => ({ over: Math.max(a.over, b.over), overX: Math.max(a.overX, b.overX), room: Math.min(a.room, b.room), used: Math.max(a.used, b.used) })),
  )
}
