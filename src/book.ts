import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { bookPage } from './book-page.js'
import { build, withContext, type ApiOptions, type ChapterResult } from './build.js'
import { CacheKeys, type BookEntry } from './cache.js'
import type { Context } from './context.js'
import type { ChapterdeckError } from './errors.js'
import { asError } from './stages/job.js'
import { talkMinutes } from './render/timing.js'

export interface BookOptions extends ApiOptions {
  /** Rebuild every chapter even if nothing it depends on changed. */
  noCache?: boolean
  /** Chapters built at once (default: the machine's cores, at most 4). */
  concurrency?: number
  /** Write `<out>/index.html`, the book page (default true). */
  page?: boolean
  /** Called when a chapter starts, at each of its stages, and when it ends. */
  onEvent?: (event: BookEvent) => void
}

export type BookEvent =
  | { type: 'start'; chapter: string; index: number; total: number }
  | { type: 'stage'; chapter: string; stage: string }
  | { type: 'done'; entry: BookEntry; result?: ChapterResult }
  | { type: 'failed'; chapter: string; error: ChapterdeckError }

export interface BookResult {
  /** Every chapter built or unchanged, in the book's order. */
  entries: BookEntry[]
  failures: ChapterdeckError[]
}

export type { BookEntry } from './cache.js'

/**
 * Builds a book: one browser for every chapter, chapters in parallel (largest first), and
 * chapters whose inputs did not change (text, images, theme, options, chapterdeck version)
 * not rebuilt. Writes `<out>/index.html`, a page linking every chapter's outputs. build,
 * check, serve and watch all build through here.
 */
export function buildBook(chapters: string[], options: BookOptions = {}): Promise<BookResult> {
  return withContext(options, (context) => bookIn(chapters, options, context))
}

async function bookIn(chapters: string[], options: BookOptions, context: Context): Promise<BookResult> {
  const out = path.resolve(context.cwd, options.out ?? 'dist')
  const keys = new CacheKeys(options)
  const entries: BookEntry[] = []
  const failures: ChapterdeckError[] = []
  const order = buildOrder(chapters, context.cwd)
  const next = () => (context.signal.aborted ? undefined : order.shift())
  const worker = async () => {
    for (let index = next(); index !== undefined; index = next()) {
      const entry = await chapterOf(chapters[index], index, chapters.length, { ...options, out }, keys, context).catch((error: unknown) => {
        const failure = asError(error, chapters[index])
        failures.push(failure)
        options.onEvent?.({ type: 'failed', chapter: chapters[index], error: failure })
      })
      if (entry) entries[index] = entry
    }
  }
  const concurrency = Math.max(1, options.concurrency ?? Math.min(4, os.availableParallelism()))
  await Promise.all(Array.from({ length: Math.min(concurrency, chapters.length) }, worker))
  const built = entries.filter(Boolean)
  // An interrupted book keeps its last page, which lists the chapters it did not get to.
  if (built.length && options.page !== false && !context.signal.aborted) {
    fs.mkdirSync(out, { recursive: true })
    fs.writeFileSync(path.join(out, 'index.html'), bookPage(built))
  }
  return { entries: built, failures }
}

/** One chapter of the book: its last build if nothing it depends on changed, else a new one. */
async function chapterOf(chapter: string, index: number, total: number, options: BookOptions & { out: string }, keys: CacheKeys, context: Context): Promise<BookEntry> {
  options.onEvent?.({ type: 'start', chapter, index, total })
  const started = performance.now()
  const file = path.resolve(context.cwd, chapter)
  const cached = options.noCache ? undefined : keys.cached(file, options.out)
  if (cached) {
    const entry = { ...cached, chapter, ms: Math.round(performance.now() - started) }
    options.onEvent?.({ type: 'done', entry })
    return entry
  }
  const onStage = (stage: string) => options.onEvent?.({ type: 'stage', chapter, stage })
  const result = await build(chapter, { ...options, cache: keys.of(file), onStage }, context)
  const entry = entryOf(chapter, result, Math.round(performance.now() - started))
  options.onEvent?.({ type: 'done', entry, result })
  return entry
}

/**
 * The order chapters start in: largest first, so a long chapter never starts last and runs
 * alone while the other cores idle. The book page keeps the chapters' own order.
 */
function buildOrder(chapters: string[], cwd: string): number[] {
  const sizes = chapters.map((chapter) => fs.statSync(path.resolve(cwd, chapter), { throwIfNoEntry: false })?.size ?? 0)
  return chapters.map((_, index) => index).sort((a, b) => sizes[b] - sizes[a] || a - b)
}

export function entryOf(chapter: string, result: ChapterResult, ms: number): BookEntry {
  const count = (fatal: boolean) => result.messages.filter((message) => message.fatal === fatal).length
  const { deck } = result
  return { chapter, slug: result.slug, title: deck.meta.title, slides: deck.children.length, minutes: talkMinutes(deck), warnings: count(false), errors: count(true), ms, cached: false, files: result.files }
}

