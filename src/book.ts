import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BrowserSession } from './browser/launch.js'
import { buildChapter, interrupted, type BuildOptions, type ChapterResult } from './build.js'
import { isChapterdeckError, type ChapterdeckError } from './errors.js'
import { CacheKeys, type BookEntry } from './cache.js'
import { formatMinutes, talkMinutes } from './render/timing.js'
import { escapeHtml } from './util/html.js'

export interface BookOptions extends BuildOptions {
  /** Rebuild every chapter even if nothing it depends on changed. */
  noCache?: boolean
  /** Chapters built at once (default: the machine's cores, at most 4). */
  concurrency?: number
  /** Keys the caller already made for these options (the CLI's check for anything to build). */
  cacheKeys?: CacheKeys
  /** Called when a chapter starts, at each of its stages, and when it ends. */
  onEvent?: (event: BookEvent) => void
}

export type BookEvent =
  | { type: 'start'; chapter: string; index: number; total: number }
  | { type: 'stage'; chapter: string; stage: string }
  | { type: 'done'; entry: BookEntry; result?: ChapterResult }
  | { type: 'failed'; chapter: string; error: ChapterdeckError }

export type { BookEntry } from './cache.js'

/**
 * Builds a whole book: one browser for every chapter, chapters in parallel, and chapters whose
 * inputs did not change (text, images, theme, options, chapterdeck version) are not rebuilt.
 * Writes `<out>/index.html`, a page linking every chapter's deck, handout and slides PDF.
 */
export async function buildBook(chapters: string[], options: BookOptions = {}): Promise<{ entries: BookEntry[]; failures: ChapterdeckError[] }> {
  const out = path.resolve(options.out ?? 'dist')
  const session = options.browser ?? new BrowserSession()
  const entries: BookEntry[] = []
  const failures: ChapterdeckError[] = []
  const concurrency = Math.max(1, options.concurrency ?? Math.min(4, os.availableParallelism()))
  const keys = options.cacheKeys ?? new CacheKeys(options)
  const order = buildOrder(chapters)
  let next = 0
  const worker = async () => {
    while (next < chapters.length && !interrupted()) {
      const index = order[next++]
      const chapter = chapters[index]
      options.onEvent?.({ type: 'start', chapter, index, total: chapters.length })
      const started = performance.now()
      try {
        const key = keys.of(chapter)
        const cached = options.noCache ? undefined : keys.cached(chapter, out)
        if (cached) {
          entries[index] = { ...cached, ms: Math.round(performance.now() - started) }
          options.onEvent?.({ type: 'done', entry: entries[index] })
          continue
        }
        const onStage = (stage: string) => options.onEvent?.({ type: 'stage', chapter, stage })
        const result = await buildChapter(chapter, { ...options, out, browser: session, cache: key, onStage })
        entries[index] = entryOf(chapter, result, Math.round(performance.now() - started))
        options.onEvent?.({ type: 'done', entry: entries[index], result })
      } catch (error) {
        const failure = isChapterdeckError(error) ? error : (error as ChapterdeckError)
        failures.push(failure)
        options.onEvent?.({ type: 'failed', chapter, error: failure })
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, chapters.length) }, worker))
  } finally {
    if (!options.browser) await session.close()
  }
  const built = entries.filter(Boolean)
  // An interrupted book keeps its last page, which lists the chapters it did not get to.
  if (built.length && !interrupted()) {
    fs.mkdirSync(out, { recursive: true })
    fs.writeFileSync(path.join(out, 'index.html'), bookPage(built))
  }
  return { entries: built, failures }
}

/**
 * The order chapters start in: largest first, so a long chapter never starts last and runs
 * alone while the other cores idle. The book page keeps the chapters' own order.
 */
function buildOrder(chapters: string[]): number[] {
  const size = (chapter: string) => {
    try {
      return fs.statSync(chapter).size
    } catch {
      return 0
    }
  }
  const sizes = chapters.map(size)
  return chapters.map((_, index) => index).sort((a, b) => sizes[b] - sizes[a] || a - b)
}

export function entryOf(chapter: string, result: ChapterResult, ms: number): BookEntry {
  return {
    chapter,
    slug: result.slug,
    title: result.deck.meta.title,
    slides: result.deck.children.length,
    minutes: talkMinutes(result.deck),
    warnings: result.messages.filter((message) => message.fatal === false).length,
    errors: result.messages.filter((message) => message.fatal === true).length,
    ms,
    cached: false,
    files: result.files,
  }
}

/** The page that lists a book's chapters: slides, talk time and links to every output. */
export function bookPage(entries: BookEntry[]): string {
  const escape = escapeHtml
  const total = entries.reduce((sum, entry) => sum + entry.minutes, 0)
  const rows = entries
    .map((entry) => {
      const link = (name: string, label: string) => (entry.files.includes(name) ? `<a href="${entry.slug}/${name}">${label}</a>` : '')
      return `<tr><td><strong>${escape(entry.title)}</strong></td><td>${entry.slides}</td><td>${formatMinutes(entry.minutes)}</td><td>${[link('index.html', 'deck'), link('handout.pdf', 'handout'), link('slides.pdf', 'slides PDF'), link('notes.md', 'notes')].filter(Boolean).join(' · ')}</td></tr>`
    })
    .join('\n')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Decks</title>
<style>body{font:17px/1.5 system-ui,sans-serif;max-width:60rem;margin:3rem auto;padding:0 1rem;color:#1c2333}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #d5dae4}a{color:#1f4fa8}</style></head>
<body><h1>Decks</h1><p>${entries.length} chapter${entries.length === 1 ? '' : 's'}, ${entries.reduce((sum, entry) => sum + entry.slides, 0)} slides, ${formatMinutes(total)} of talk.</p>
<table><thead><tr><th>Chapter</th><th>Slides</th><th>Time</th><th>Outputs</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`
}
