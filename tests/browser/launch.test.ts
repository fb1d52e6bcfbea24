import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Page } from 'puppeteer-core'
import { describe, expect, it } from 'vitest'
import { BrowserSession, sharedMemoryArgs } from '../../src/browser/launch.js'
import { withPage } from '../../src/browser/pages.js'

// The compiled module, in a process of its own: what matters is whether that process can end.
const launch = pathToFileURL(path.resolve('lib/browser/launch.js')).href

describe('BrowserSession', () => {
  it('closes a browser that is still starting without leaving the process waiting', () => {
    // A build that fails at once closes the browser while it launches and opens its spare
    // pages; a page left opening kept node alive for puppeteer's 30 s timeout.
    const script = `
      const { BrowserSession } = await import(${JSON.stringify(launch)})
      for (let i = 0; i < 8; i++) {
        const session = new BrowserSession()
        session.get().catch(() => {})
        await new Promise((resolve) => setTimeout(resolve, 20 * i))
        await session.close()
      }
      console.log('closed')
    `
    // Far above a normal run (about a second), far below the 30 s wait it guards against.
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 })
    expect(result.signal).toBeNull()
    expect(result.status).toBe(0)
    expect(result.stdout.trim()).toBe('closed')
  })

  it('closes once when asked twice at once (Ctrl-C while a build closes it), removing its profile', () => {
    const script = `
      import fs from 'node:fs'
      const { BrowserSession } = await import(${JSON.stringify(launch)})
      for (let i = 0; i < 4; i++) {
        const session = new BrowserSession()
        const browser = await session.get()
        await (await browser.newPage()).goto('data:text/html,<p>page')
        const profile = session.profile
        await Promise.all([session.close(), session.close()])
        if (fs.existsSync(profile)) throw new Error('profile left: ' + profile)
      }
      console.log('closed')
    `
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 })
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('closed')
  })

  it('between builds, blanks two pages that showed decks and closes the others', async () => {
    const session = new BrowserSession()
    try {
      const browser = await session.get()
      const used: Page[] = []
      // Three builds at once: three pages, each showing a deck, all idle afterwards.
      await Promise.all(
        ['a', 'b', 'c'].map((name) =>
          withPage(
            browser,
            async (page) => {
              used.push(page)
              await page.goto(`data:text/html,<p>deck ${name}`)
            },
            name,
          ),
        ),
      )
      await session.blankPages()
      // No deck stays in Chromium (a page closed when the idle ones were full may take a moment).
      await expect.poll(async () => (await browser.pages()).filter((page) => page.url().startsWith('data:')).length).toBe(0)
      const kept = used.filter((page) => !page.isClosed())
      expect(kept.length).toBeGreaterThanOrEqual(1)
      expect(kept.length).toBeLessThanOrEqual(2)
      expect(kept.map((page) => page.url())).toEqual(kept.map(() => 'about:blank'))
      // A kept page no longer counts as showing its deck: the next build loads it again.
      let shown: boolean | undefined
      await withPage(browser, async (_page, wasShown) => void (shown = wasShown), 'a')
      expect(shown).toBe(false)
    } finally {
      await session.close()
    }
  })

  it('shares memory in /dev/shm when it is roomy, and in temporary files when it is small or missing', async () => {
    const size = (bytes: number) => () => ({ bsize: 4096, blocks: bytes / 4096 })
    expect(sharedMemoryArgs(size(24 * 1024 ** 3))).toEqual([])
    // Docker's default /dev/shm.
    expect(sharedMemoryArgs(size(64 * 1024 ** 2))).toEqual(['--disable-dev-shm-usage'])
    expect(
      sharedMemoryArgs(() => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
      }),
    ).toEqual(['--disable-dev-shm-usage'])
    // The browser launched gets the flag as this machine calls for, once or not at all
    // (puppeteer's own default is left out).
    const session = new BrowserSession()
    try {
      const spawned = (await session.get()).process()?.spawnargs ?? []
      expect(spawned.filter((arg) => arg === '--disable-dev-shm-usage')).toEqual(sharedMemoryArgs())
    } finally {
      await session.close()
    }
  })
})
