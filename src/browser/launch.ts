import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import puppeteer, { type Browser } from 'puppeteer-core'
import { ChapterdeckError, ExitCode } from '../errors.js'
import { findBrowser, firstLine, type FoundBrowser } from './find.js'
import { blankIdlePages, warmPages } from './pages.js'

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
 * needs it. Its profile lives in a temporary folder removed on close.
 */
export class BrowserSession {
  private browser?: Promise<Browser>
  private profile?: string
  private warming?: Promise<void>
  private closing?: Promise<void>
  found?: FoundBrowser

  get(): Promise<Browser> {
    this.browser ??= this.launch()
    return this.browser
  }

  get started(): boolean {
    return this.browser !== undefined
  }

  /**
   * Between a build daemon's builds: the pages kept open show the last build's decks, hundreds
   * of megabytes for a large one, so two of them show a blank document and the rest close.
   */
  async blankPages(): Promise<void> {
    if (!this.browser) return
    const browser = await this.browser
    await this.warming
    this.warming = blankIdlePages(browser, 2)
  }

  /** Closes the browser and removes its profile; a second call (Ctrl-C during close) waits for the first. */
  close(): Promise<void> {
    const pending = this.browser
    this.browser = undefined
    if (pending || !this.closing) this.closing = this.shutDown(pending)
    return this.closing
  }

  private async shutDown(pending: Promise<Browser> | undefined): Promise<void> {
    // A page still opening when the browser closes would wait out puppeteer's 30 s timeout.
    if (pending) await pending.then(async (browser) => (await this.warming, browser.close())).catch(() => undefined)
    // The browser's last writes into its profile can trail its exit by a moment.
    if (this.profile) fs.rmSync(this.profile, { recursive: true, force: true, maxRetries: 5 })
  }

  private async launch(): Promise<Browser> {
    this.found = await findBrowser()
    this.profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-profile-'))
    try {
      const browser = await puppeteer.launch({
        executablePath: this.found.executablePath,
        headless: true,
        args: [...args, ...sharedMemoryArgs()],
        ignoreDefaultArgs: ['--disable-dev-shm-usage'],
        userDataDir: this.profile,
        protocolTimeout: 300_000,
        // Over a pipe, Chromium exits when this process does, even killed (SIGKILL, out of
        // memory): a build daemon that dies leaves no browser running.
        pipe: true,
        // Shutdown is ours (serve closes its server, watcher and browser on Ctrl-C); the
        // browser still dies with the process.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      })
      // A build prints two outputs at once, after laying the deck out.
      this.warming = warmPages(browser, 2)
      return browser
    } catch (error) {
      const missing = /error while loading shared libraries: ([^:\s]+)/.exec(String(error))?.[1]
      const hint = missing
        ? `it needs the system library ${missing} (apt-get install -y libnss3 libnspr4 libgbm1 libasound2, or apt-get install chromium)`
        : firstLine(error)
      throw new ChapterdeckError(`Chromium at ${this.found.executablePath} (${this.found.source}) could not start: ${hint}`, {
        code: ExitCode.environment,
        cause: error,
      })
    }
  }
}
