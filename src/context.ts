import fs from 'node:fs'
import { LRUCache } from 'lru-cache'
import { BrowserSession } from './browser/launch.js'
import type { Rendered } from './render/marp-engine.js'
import { MarpWorker } from './render/marp-thread.js'
import { FontCatalog } from './render/script-fonts.js'

/**
 * What the builds of one command (or one API call) share, and nothing outside it: one
 * browser, one Marp thread, caches, the working directory, and the signal that stops them.
 * Made by `createContext`, ended by `close`. Nothing of it is module-level state, so a
 * process can make a new context after one was stopped.
 */
export interface Context {
  cwd: string
  signal: AbortSignal
  browser: BrowserSession
  marp: MarpWorker
  /** Renders by deck, theme set and options: a build lays out, prints and hands out one deck. */
  renders: LRUCache<string, Promise<Rendered>>
  /** CSS with embedded fonts, by content, with them linked as files (see linked-fonts.ts). */
  linkedFonts: LRUCache<string, string>
  fonts: FontCatalog
  /** Scratch folders of the builds in progress: removed at once if the process must exit now. */
  scratch: Set<string>
  /** Stops the browser and the Marp thread, waiting for both. */
  close(): Promise<void>
}

export interface ContextOptions {
  cwd?: string
  /** Aborting it stops every build of the context: they write nothing more and clean up. */
  signal?: AbortSignal
}

// A few decks' worth, fewer when decks are large: memory stays bounded on a huge chapter.
const maxRenderedChars = 24_000_000

export function createContext(options: ContextOptions = {}): Context {
  const signal = options.signal ?? new AbortController().signal
  const context: Context = {
    cwd: options.cwd ?? process.cwd(),
    signal,
    browser: new BrowserSession(),
    marp: new MarpWorker(),
    renders: new LRUCache<string, Promise<Rendered>>({ max: 4, maxSize: maxRenderedChars, sizeCalculation: () => 1 }),
    linkedFonts: new LRUCache<string, string>({ max: 16 }),
    fonts: new FontCatalog(),
    scratch: new Set(),
    close: async () => {
      signal.removeEventListener('abort', stop)
      await Promise.all([context.browser.close(), context.marp.stop({ force: true })])
    },
  }
  // An aborted build has nothing left to wait for: pending prints and renders fail at once.
  const stop = () => void context.close()
  signal.addEventListener('abort', stop, { once: true })
  return context
}

/** Removes the scratch folders of builds still in progress (before exiting at once). */
export function removeScratch(context: Context): void {
  for (const dir of context.scratch) fs.rmSync(dir, { recursive: true, force: true })
}
