import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'puppeteer-core'

// Opening a page costs more than laying out a small deck on it, so pages are reused, and a
// page remembers which document it shows, so the same deck is not loaded twice.
const idle = new WeakMap<Browser, Page[]>()
const shows = new WeakMap<Page, string>()
const keep = 4

/**
 * Runs `work` on a page of the browser, an idle one if there is one; a page that failed is
 * closed. With `key`, a page that already shows that document is preferred (`work` is told),
 * and the page is remembered as showing it afterwards.
 */
export async function withPage<T>(browser: Browser, work: (page: Page, shown: boolean) => Promise<T>, key?: string): Promise<T> {
  const pages = idle.get(browser) ?? []
  const match = key === undefined ? -1 : pages.findIndex((page) => shows.get(page) === key)
  const page = (match >= 0 ? pages.splice(match, 1)[0] : pages.pop()) ?? (await browser.newPage())
  const shown = match >= 0
  shows.delete(page)
  let healthy = false
  try {
    const result = await work(page, shown)
    healthy = true
    if (key !== undefined) shows.set(page, key)
    return result
  } finally {
    if (healthy) release(browser, page)
    else await page.close().catch(() => undefined)
  }
}

/** Opens pages ahead of need, while the build does other work; settles once they are open. */
export function warmPages(browser: Browser, count: number): Promise<void> {
  const opening = Array.from({ length: count }, () => browser.newPage().then((page) => release(browser, page), () => undefined))
  return Promise.all(opening).then(() => undefined)
}

/**
 * Shows a blank document on up to `count` idle pages and closes the rest: the documents they
 * showed go, with their memory, while the pages' renderers stay warm. Fresh pages instead made
 * the next book build about 0.2 s slower.
 */
export async function blankIdlePages(browser: Browser, count: number): Promise<void> {
  const pages = idle.get(browser) ?? []
  idle.set(browser, [])
  const kept = pages.splice(-count, count)
  const blank = async (page: Page) => {
    shows.delete(page)
    try {
      await page.goto('about:blank')
      // The renderer drops its caches and garbage as it would when memory runs short.
      const cdp = await page.createCDPSession()
      await cdp.send('Memory.simulatePressureNotification', { level: 'critical' })
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.detach()
      release(browser, page)
    } catch {
      await page.close().catch(() => undefined)
    }
  }
  await Promise.all([...pages.map((page) => page.close().catch(() => undefined)), ...kept.map(blank)])
}

function release(browser: Browser, page: Page): void {
  const pages = idle.get(browser) ?? []
  idle.set(browser, pages)
  if (pages.length < keep && !page.isClosed()) pages.push(page)
  else page.close().catch(() => undefined)
}

// A document stays hidden until its fonts are in. Laid out before, each character waits for
// a font still loading, and one no font has yet is looked up among the system's fonts: a
// third of a Japanese deck's layout time, for a layout thrown away once the fonts arrive.
const holdId = 'chapterdeck-hold'
const hold = `<style id="${holdId}">html{display:none}</style>`

/**
 * Shows an HTML document on the page: written in `baseDir` (its images resolve from there),
 * loaded, and laid out once its fonts are. Every face it declares is loaded: a deck's pages
 * declare the theme's few and the script faces its text is drawn with (script-fonts.ts).
 * `print` lays it out for print media from the start, as a document about to be printed is
 * laid out again otherwise.
 */
export async function loadDocument(page: Page, baseDir: string, content: string, media?: 'print'): Promise<void> {
  const head = content.indexOf('<head>') + '<head>'.length
  if (head < '<head>'.length) throw new Error('loadDocument needs a document with a <head>')
  const file = path.join(baseDir, `.page-${process.pid}-${Math.random().toString(36).slice(2)}.html`)
  try {
    // Pages are reused: each document sets the media it is laid out for.
    await page.emulateMediaType(media)
    fs.writeFileSync(file, content.slice(0, head) + hold + content.slice(head))
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120_000 })
    await page.evaluate(async (id) => {
      await Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined)))
      document.getElementById(id)?.remove()
      await document.fonts.ready
    }, holdId)
  } finally {
    fs.rmSync(file, { force: true })
  }
}
