import type { Browser, Page } from 'puppeteer-core'

// Opening a page costs more than laying out a small deck on it, so pages are reused.
const idle = new WeakMap<Browser, Page[]>()
const keep = 4

/** Runs `work` on a page of the browser, an idle one if there is one; a page that failed is closed. */
export async function withPage<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const page = idle.get(browser)?.pop() ?? (await browser.newPage())
  let healthy = false
  try {
    const result = await work(page)
    healthy = true
    return result
  } finally {
    if (healthy) release(browser, page)
    else await page.close().catch(() => undefined)
  }
}

/** Opens pages ahead of need, while the build does other work. */
export function warmPages(browser: Browser, count: number): void {
  for (let i = 0; i < count; i++) browser.newPage().then((page) => release(browser, page), () => undefined)
}

function release(browser: Browser, page: Page): void {
  const pages = idle.get(browser) ?? []
  idle.set(browser, pages)
  if (pages.length < keep && !page.isClosed()) pages.push(page)
  else page.close().catch(() => undefined)
}
