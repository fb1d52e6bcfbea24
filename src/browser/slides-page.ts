import { createHash } from 'node:crypto'
import type { Browser, Page } from 'puppeteer-core'
import { loadDocument, withPage } from './pages.js'

/**
 * A rendered deck as one document of 1280×720 slides. The same document is measured and
 * printed, so slides.pdf is printed from the page that was measured when nothing changed.
 */
export function slidesDocument(html: string, css: string, lang: string): string {
  return `<!doctype html><html lang="${lang.replace(/[^\w-]/g, '')}"><head><meta charset="utf-8">
<style>${css}</style>
<style>@page{size:1280px 720px;margin:0}html,body{margin:0;padding:0}
svg[data-marpit-svg]{display:block;width:1280px;height:720px;break-after:page}
svg[data-marpit-svg]:last-child{break-after:auto}</style>
</head><body>${html}</body></html>`
}

/** Runs `work` on a page showing the document, loading it (from `baseDir`, for images) only if no idle page shows it. */
export async function onSlidesPage<T>(browser: Browser, baseDir: string, content: string, work: (page: Page) => Promise<T>): Promise<T> {
  const key = createHash('sha1').update(content).digest('hex')
  return withPage(
    browser,
    async (page, shown) => {
      if (!shown) {
        await page.setViewport({ width: 1280, height: 720 })
        await loadDocument(page, baseDir, content, 'print')
      }
      return work(page)
    },
    key,
  )
}
