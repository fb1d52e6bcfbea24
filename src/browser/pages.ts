import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'puppeteer-core'

/**
 * The open pages of one browser. Opening a page costs more than laying out a small deck on
 * it, so pages are reused, and the pool remembers what each idle page shows (a document key,
 * and the style sheet of its slides), so the same deck is not loaded twice.
 */
export class PagePool {
  private readonly idle: Page[] = []
  private readonly shows = new WeakMap<Page, string>()
  /** The style sheet of the slides each page was last given (see slides-page.ts). */
  readonly sheets = new WeakMap<Page, string>()

  constructor(
    readonly browser: Browser,
    private readonly keep = 4,
  ) {}

  /**
   * Runs `work` on an idle page, or a new one; a page that failed is closed. With `key`, a
   * page that already shows that document is preferred (`work` is told), and the page is
   * remembered as showing it afterwards.
   */
  async use<T>(work: (page: Page, shown: boolean) => Promise<T>, key?: string): Promise<T> {
    const match = key === undefined ? -1 : this.idle.findIndex((page) => this.shows.get(page) === key)
    const page = (match >= 0 ? this.idle.splice(match, 1)[0] : this.idle.pop()) ?? (await this.open())
    this.shows.delete(page)
    let healthy = false
    try {
      const result = await work(page, match >= 0)
      healthy = true
      if (key !== undefined) this.shows.set(page, key)
      return result
    } finally {
      if (healthy) this.release(page)
      else await page.close().catch(() => undefined)
    }
  }

  /** Opens pages ahead of need, while the build does other work; settles once they are open. */
  async warm(count: number): Promise<void> {
    await Promise.all(Array.from({ length: count }, () => this.open().then((page) => this.release(page), () => undefined)))
  }

  /**
   * A new page that renders as the focused one. Chromium renders no frames for a page in the
   * background (newer ones, as Debian's 156), so Marp's auto-scaling elements, which scale
   * themselves as a frame renders, would be measured and printed unscaled.
   */
  private async open(): Promise<Page> {
    const page = await this.browser.newPage()
    await page.emulateFocusedPage(true)
    return page
  }

  private release(page: Page): void {
    if (this.idle.length < this.keep && !page.isClosed()) this.idle.push(page)
    else page.close().catch(() => undefined)
  }
}

// A document stays hidden until its fonts are in. Laid out before, each character waits for
// a font still loading, and one no font has yet is looked up among the system's fonts: a
// third of a Japanese deck's layout time, for a layout thrown away once the fonts arrive.
const holdId = 'chapterdeck-hold'
const hold = `<style id="${holdId}">html{display:none}</style>`

/**
 * Shows an HTML document on the page: written in `baseDir` (its images resolve from there),
 * loaded, and laid out once its fonts are. `print` lays it out for print media from the
 * start, as a document about to be printed is laid out again otherwise.
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
      // Marp's auto-scaling elements scale in the frames after their size is observed: two
      // frames, so a page in the background is not measured before they did (at most 2 s).
      if (!document.querySelector('[data-auto-scaling], marp-auto-scaling')) return
      const frame = () => new Promise((settle) => requestAnimationFrame(settle))
      await Promise.race([frame().then(frame), new Promise((settle) => setTimeout(settle, 2000))])
    }, holdId)
  } finally {
    fs.rmSync(file, { force: true })
  }
}
