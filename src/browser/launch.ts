import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'puppeteer-core'
import { ChapterdeckError, ExitCode } from '../errors.js'
import { findBrowser, firstLine, type FoundBrowser } from './find.js'
import { PagePool } from './pages.js'

// Background networking off: this tool works offline, and closed networks refuse the calls.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--font-render-hinting=none',
  '--allow-file-access-from-files',
]

/**
 * Chromium shares memory between its processes in /dev/shm. Containers often give that 64 MB,
 * too little for printing a large deck, and there it must use files in the temporary folder
 * instead (`--disable-dev-shm-usage`). Those files cost kernel time on every page and print,
 * so a roomy /dev/shm is used.
 */
export function sharedMemoryArgs(statfs: (path: string) => { bsize: number; blocks: number } = fs.statfsSync): string[] {
  try {
    const { bsize, blocks } = statfs('/dev/shm')
    if (bsize * blocks >= 1024 ** 3) return []
  } catch {
    // No /dev/shm (not Linux): the flag is harmless.
  }
  return ['--disable-dev-shm-usage']
}

/**
 * One Chromium for a whole build, started on first use and shared by every output that
 * needs it, with its pool of open pages. Its profile lives in a temporary folder removed on close.
 */
export class BrowserSession {
  private launching?: Promise<PagePool>
  private closing?: Promise<void>
  private profile?: string
  private warming?: Promise<void>
  found?: FoundBrowser

  /** The browser's page pool, launching the browser on first use. */
  pool(): Promise<PagePool> {
    this.launching ??= this.launch()
    return this.launching
  }

  async get(): Promise<Browser> {
    return (await this.pool()).browser
  }

  /** Closes the browser and removes its profile; a second call (Ctrl-C during close) waits for the first. */
  close(): Promise<void> {
    const pending = this.launching
    this.launching = undefined
    if (pending || !this.closing) this.closing = this.shutDown(pending)
    return this.closing
  }

  private async shutDown(pending: Promise<PagePool> | undefined): Promise<void> {
    // A page still opening when the browser closes would keep the process waiting for
    // puppeteer's 30 s timeout: the spare pages open first.
    if (pending) await pending.then(async (pool) => (await this.warming, pool.browser.close())).catch(() => undefined)
    // The browser's last writes into its profile can trail its exit by a moment.
    if (this.profile) fs.rmSync(this.profile, { recursive: true, force: true, maxRetries: 5 })
  }

  private async launch(): Promise<PagePool> {
    const found = (this.found = await findBrowser())
    this.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-profile-'))
    const { default: puppeteer } = await import('puppeteer-core')
    try {
      const browser = await puppeteer.launch({
        executablePath: found.executablePath,
        headless: true,
        args: [...args, ...sharedMemoryArgs()],
        ignoreDefaultArgs: ['--disable-dev-shm-usage'],
        userDataDir: this.profile,
        protocolTimeout: 300_000,
        // Over a pipe, Chromium exits when this process does, even killed.
        pipe: true,
        // Shutdown is ours (Ctrl-C aborts the build, which closes the browser).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
      const pool = new PagePool(browser)
      // A build prints two outputs at once, after laying the deck out.
      this.warming = pool.warm(2)
      return pool
    } catch (error) {
      throw launchError(found, error)
    }
  }
}

function launchError(found: FoundBrowser, error: unknown): ChapterdeckError {
  const missing = /error while loading shared libraries: ([^:\s]+)/.exec(String(error))?.[1]
  const hint = missing ? `it needs the system library ${missing} (apt-get install -y libnss3 libnspr4 libgbm1 libasound2, or apt-get install chromium)` : firstLine(error)
  return new ChapterdeckError(`Chromium at ${found.executablePath} (${found.source}) could not start: ${hint}`, { code: ExitCode.environment, cause: error })
}
