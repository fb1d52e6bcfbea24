import { createHash } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'
import { loadDocument, type PagePool } from './pages.js'

/** A rendered deck: Marp's HTML and CSS, and the language of its text. */
export interface Slides {
  html: string
  css: string
  lang: string
}

const sheetMeta = 'chapterdeck-sheet'
const sheetKey = (css: string) => createHash('sha1').update(css).digest('hex')
const langAttribute = (lang: string) => lang.replace(/[^\w-]/g, '')

/**
 * A rendered deck as one document of 1280×720 slides. The same document is measured and
 * printed, so slides.pdf is printed from the page that was measured when nothing changed.
 * Its head names its style sheet, so a deck with the same one can take its place (see below).
 */
export function slidesDocument(html: string, css: string, lang: string): string {
  return documentOf({ html, css, lang }, sheetKey(css))
}

function documentOf({ html, css, lang }: Slides, sheet: string): string {
  return `<!doctype html><html lang="${langAttribute(lang)}"><head><meta charset="utf-8">
<meta name="${sheetMeta}" content="${sheet}">
<style>${css}</style>
<style>@page{size:1280px 720px;margin:0}html,body{margin:0;padding:0}
svg[data-marpit-svg]{display:block;width:1280px;height:720px;break-after:page}
svg[data-marpit-svg]:last-child{break-after:auto}</style>
</head><body>${html}</body></html>`
}

// Beyond this, a deck's HTML goes through a file rather than the DevTools connection.
const swapLimit = 4_000_000

/**
 * Whether slides put in place of others show as in a new document. Marp's script, which ran
 * when the document loaded, swaps the elements of auto-scaling themes (code, fitted headings)
 * for custom ones as a page loads, and cannot run twice in a document.
 */
const swappable = (html: string) => html.length < swapLimit && !html.includes(' is="marp-')

/**
 * Runs `work` on a page showing the deck, loading it (from `baseDir`, for images) only if no
 * idle page shows it. A page that shows another deck with the same style sheet (most decks
 * of a book) gets the new slides in place of the old: a new document would load and decode
 * every font again, which took longer than laying most decks out.
 */
export async function onSlidesPage<T>(pool: PagePool, baseDir: string, slides: Slides, work: (page: Page) => Promise<T>): Promise<T> {
  const sheet = sheetKey(slides.css)
  // Names the document the slides make (it is written out only if a page must load it).
  const key = createHash('sha1').update(`${sheet}\0${langAttribute(slides.lang)}\0`).update(slides.html).digest('hex')
  // A deck's HTML is sent only to a page last given slides with its style sheet; the page
  // itself has the last word (it may show something else now).
  return pool.use(async (page, shown) => {
    if (!shown && !(swappable(slides.html) && pool.sheets.get(page) === sheet && (await replaceSlides(page, baseDir, slides, sheet)))) {
      await page.setViewport({ width: 1280, height: 720 })
      await loadDocument(page, baseDir, documentOf(slides, sheet), 'print')
    }
    pool.sheets.set(page, sheet)
    return work(page)
  }, key)
}

/**
 * Puts the deck's slides in place of those the page shows, if its document has the same style
 * sheet (and so every font loaded); relative image paths then resolve from `baseDir`. Settles
 * to false, changing nothing, on a page showing anything else.
 */
async function replaceSlides(page: Page, baseDir: string, slides: Slides, sheet: string): Promise<boolean> {
  return page.evaluate(
    async (meta, key, lang, base, html) => {
      if (document.querySelector(`meta[name="${meta}"]`)?.getAttribute('content') !== key) return false
      document.documentElement.lang = lang
      const baseElement = document.querySelector('base') ?? document.head.appendChild(document.createElement('base'))
      baseElement.href = base
      document.body.innerHTML = html
      // As a page's load event would: its images are in before it is measured or printed.
      await Promise.all(
        [...document.images].map(
          (image) =>
            image.complete ||
            new Promise((settle) => {
              image.addEventListener('load', settle)
              image.addEventListener('error', settle)
            }),
        ),
      )
      await document.fonts.ready
      return true
    },
    sheetMeta,
    sheet,
    langAttribute(slides.lang),
    pathToFileURL(baseDir + '/').href,
    slides.html,
  )
}
