import fs from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { BrowserSession, sharedMemoryArgs } from '../../src/browser/launch.js'
import { PagePool } from '../../src/browser/pages.js'

describe('BrowserSession', () => {
  it('closes a browser that is still starting only once its spare pages are open', async () => {
    // A build that fails at once closes the browser while it launches and opens its spare
    // pages; a page left opening kept node alive for puppeteer's 30 s timeout.
    const warm = vi.spyOn(PagePool.prototype, 'warm')
    try {
      for (const wait of [false, true]) {
        const session = new BrowserSession()
        const started = session.pool().catch(() => undefined)
        if (wait) await started
        const opened = { done: false }
        await started
        warm.mock.results.at(-1)?.value.then(() => (opened.done = true))
        await session.close()
        expect(opened.done).toBe(true)
      }
    } finally {
      warm.mockRestore()
    }
  })

  it('closes once when asked twice at once (Ctrl-C while a build closes it), removing its profile', async () => {
    const session = new BrowserSession()
    const browser = await session.get()
    await (await browser.newPage()).goto('data:text/html,<p>page')
    const profile = (session as unknown as { profile: string }).profile
    expect(fs.existsSync(profile)).toBe(true)
    await Promise.all([session.close(), session.close()])
    expect(fs.existsSync(profile)).toBe(false)
    expect(browser.connected).toBe(false)
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
