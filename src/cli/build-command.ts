import path from 'node:path'
import { CacheKeys } from '../cache.js'
import type { Context } from '../context.js'
import { ExitCode } from '../errors.js'
import { browserFormats, type Format } from '../formats.js'
import { plainProgress, type Progress } from '../progress.js'
import type { HandoutLayout, Paper } from '../render/handout.js'
import type { BuildOptions } from '../stages/job.js'
import type { RepairOptions } from '../repair/index.js'
import { describe, summaryTable, type Output } from './output.js'
import { chapterReporter, inContext } from './session.js'

export interface BuildFlags extends RepairOptions {
  out: string
  formats: Format[]
  theme: string
  slideLevel?: number
  quiet?: boolean
  verify: boolean
  cache: boolean
  assets?: string
  handoutLayout: HandoutLayout
  paper: Paper
  watch?: boolean
  debug?: boolean
}

export function buildOptions(flags: BuildFlags): BuildOptions {
  const { out, formats, theme, slideLevel, verify, assets, handoutLayout, paper, dialect, tab } = flags
  return { out, formats, theme, slideLevel, verify, assets, handoutLayout, paper, dialect, tab }
}

/** `chapterdeck build`: the book once, or (--watch) again on every change until Ctrl-C. */
export async function buildCommand(chapters: string[], flags: BuildFlags, io: Output): Promise<number> {
  let interrupted = false
  const onInterrupt = () => {
    interrupted = true
    if (!flags.watch) io.err('chapterdeck: interrupted; finished chapters are kept, unfinished ones were not written')
  }
  const code = await inContext((context) => (flags.watch ? watchCommand(chapters, flags, io, context) : bookCommand(chapters, flags, io, context)), onInterrupt)
  return interrupted && !flags.watch ? ExitCode.interrupted : code
}

/**
 * A cold process's head start: if some chapter needs building, Marp starts loading in its
 * thread and the browser starts, both getting ready while this thread loads the pipeline
 * (imported after this, on demand).
 */
function startEarly(chapters: string[], flags: BuildFlags, context: Context): void {
  const keys = new CacheKeys(buildOptions(flags))
  const out = path.resolve(context.cwd, flags.out)
  if (flags.cache && chapters.every((chapter) => keys.cached(path.resolve(context.cwd, chapter), out))) return
  const needsBrowser = flags.verify || flags.formats.some((format) => browserFormats.includes(format))
  if (needsBrowser || flags.formats.includes('html')) context.marp.start({ cli: flags.formats.includes('html') })
  if (needsBrowser) context.browser.pool().catch(() => undefined)
}

async function bookCommand(chapters: string[], flags: BuildFlags, io: Output, context: Context): Promise<number> {
  startEarly(chapters, flags, context)
  const { buildBook } = await import('../book.js')
  const progress = await progressFor(io, flags)
  const reporter = chapterReporter(io, progress, flags, context.signal)
  const { entries, failures } = await buildBook(chapters, { ...buildOptions(flags), noCache: !flags.cache, context, onEvent: reporter.onEvent }).finally(() => progress.finish())
  if (!flags.quiet && entries.length > 1 && !context.signal.aborted) {
    io.out(summaryTable(entries))
    io.out(`book page: ${path.join(flags.out, 'index.html')}`)
  }
  return failures.length ? Math.max(reporter.code(), ExitCode.buildFailed) : reporter.code()
}

async function watchCommand(chapters: string[], flags: BuildFlags, io: Output, context: Context): Promise<number> {
  startEarly(chapters, flags, context)
  const { watchBook } = await import('../watch.js')
  const reporter = chapterReporter(io, plainProgress(io.err, true), flags, context.signal)
  const watcher = await watchBook(chapters, {
    ...buildOptions(flags),
    noCache: false,
    context,
    onEvent: reporter.onEvent,
    onBuilt: () => void (reporter.showCached = false),
    onError: (error) => io.err(`chapterdeck: ${describe(error)}`),
  }, context)
  io.err(`watching ${chapters.length} chapter${chapters.length === 1 ? '' : 's'}, their images and the theme (Ctrl-C to stop)`)
  await untilAborted(context.signal)
  await watcher.close()
  io.err('stopped watching')
  return ExitCode.ok
}

/** Settles when the signal is aborted (Ctrl-C). */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })))
}

/** A live display on a terminal (its library loads only then); plain lines elsewhere. */
async function progressFor(io: Output, flags: BuildFlags): Promise<Progress> {
  if (!io.live || flags.quiet) return plainProgress(io.err, Boolean(flags.quiet))
  const { liveProgress } = await import('../live-progress.js')
  return liveProgress(io.live, { color: io.color })
}
