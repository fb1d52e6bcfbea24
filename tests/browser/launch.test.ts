import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'

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
})
