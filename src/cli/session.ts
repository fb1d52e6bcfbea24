import path from 'node:path'
import type { BookEvent } from '../book.js'
import { createContext, removeScratch, type Context } from '../context.js'
import { ExitCode, isChapterdeckError } from '../errors.js'
import type { Progress } from '../progress.js'
import { describe, report, stackOf, type Output } from './output.js'

/**
 * Runs a command's work in a build context of its own, which Ctrl-C (or SIGTERM) aborts: the
 * builds stop writing, remove what they had not finished and close the browser, and the work
 * returns. A second Ctrl-C exits at once.
 */
export async function inContext<T>(work: (context: Context) => Promise<T>, onInterrupt: () => void): Promise<T> {
  const controller = new AbortController()
  const context = createContext({ signal: controller.signal })
  const stop = () => {
    if (controller.signal.aborted) {
      removeScratch(context)
      process.exit(ExitCode.interrupted)
    }
    onInterrupt()
    controller.abort()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  try {
    return await work(context)
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    await context.close()
  }
}

export interface ReportFlags {
  out: string
  quiet?: boolean
  debug?: boolean
}

/**
 * What the CLI prints as a book builds: progress, each chapter's messages and result line,
 * and the exit code the results add up to. After Ctrl-C, chapters still running fail for
 * that reason alone, said once by the command. Unchanged chapters are listed while
 * `showCached` (a watching command stops after its first build).
 */
export function chapterReporter(io: Output, progress: Progress, flags: ReportFlags, signal: AbortSignal) {
  let code: number = ExitCode.ok
  const color = Boolean(io.live && io.color)
  const reporter = { onEvent: (event: BookEvent) => onEvent(event), code: () => code, showCached: true }
  const onEvent = (event: BookEvent) => {
    if (signal.aborted) return
    if (event.type === 'start') return progress.start(event.chapter, event.index, event.total)
    if (event.type === 'stage') return progress.stage(event.chapter, event.stage)
    progress.end(event.type === 'failed' ? event.chapter : event.entry.chapter)
    if (event.type === 'failed') {
      progress.line(`chapterdeck: ${describe(event.error)}`)
      if (flags.debug) progress.line(stackOf(event.error))
      code = Math.max(code, isChapterdeckError(event.error) ? event.error.code : ExitCode.buildFailed)
      return
    }
    const { entry, result } = event
    const messages = result ? report(result.file, { quiet: flags.quiet, color }) : ''
    if (messages) progress.line(messages.trimEnd())
    if (entry.errors) code = Math.max(code, ExitCode.buildFailed)
    if (result?.error) {
      progress.line(`chapterdeck: ${result.error.message}`)
      code = Math.max(code, result.error.code)
    }
    if (flags.quiet || (entry.cached && !reporter.showCached)) return
    const state = entry.cached ? 'unchanged, not rebuilt' : `${entry.warnings} warning${entry.warnings === 1 ? '' : 's'}, coverage ${((result?.coverage.ratio ?? 1) * 100).toFixed(1)}%`
    progress.line(`${result?.error ? '✗' : '✓'} ${entry.chapter} → ${path.join(flags.out, entry.slug)}/  ${entry.slides} slides, ${state}, ${(entry.ms / 1000).toFixed(1)} s`, io.out)
  }
  return reporter
}
