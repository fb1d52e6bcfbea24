import type { VFile } from 'vfile'
import type { PagePool } from '../browser/pages.js'
import type { Context } from '../context.js'
import { ChapterdeckError, ExitCode, isChapterdeckError } from '../errors.js'
import { browserFormats, defaultFormats, type Format } from '../formats.js'
import type { HandoutLayout, Paper } from '../render/handout.js'
import type { Theme } from '../render/theme.js'
import type { Deck } from '../types.js'
import type { RepairOptions } from '../repair/index.js'

export interface BuildOptions extends RepairOptions {
  /** Output root; each chapter gets `<out>/<slug>/`. Default `dist`. */
  out?: string
  formats?: Format[]
  /** A theme name (themes/<name>.css: chapterdeck, default, gaia, uncover) or a .css path. Default `chapterdeck`. */
  theme?: string
  slideLevel?: number
  /** Measure every slide in the browser and fix overflow (default true). */
  verify?: boolean
  /** A further folder images may come from, besides each chapter's own. */
  assets?: string
  /** Cache key of the inputs, recorded in report.json by book builds. */
  cache?: string
  /** handout.pdf layout (default `notes`) and paper (default `a4`). */
  handoutLayout?: HandoutLayout
  paper?: Paper
  /** Called as the build enters each stage: pipeline, verify, html, pdf, handout … */
  onStage?: (stage: string) => void
}

/** One chapter's build: what it was asked, what it shares, and how long each stage took. */
export interface Job {
  input: string
  options: BuildOptions
  context: Context
  formats: Set<Format>
  timings: Record<string, number>
  started: number
  /** The browser's page pool, or why there is none; undefined when no output needs one. */
  browser?: Promise<{ pool: PagePool } | { error: ChapterdeckError }>
}

/** What the read and process stages give: the chapter, its theme, its deck and deck.md. */
export interface Processed {
  file: VFile
  theme: Theme
  deck: Deck
  markdown: string
  /** Over 300 KB of Markdown: stages run one at a time, with garbage freed between them. */
  large: boolean
}

/** Runs one named stage of the job, timing it and telling `onStage`. */
export async function timed<T>(job: Job, name: string, work: () => Promise<T> | T): Promise<T> {
  const at = performance.now()
  job.options.onStage?.(name)
  try {
    return await work()
  } finally {
    job.timings[name] = Math.round(performance.now() - at)
  }
}

/** Stops the build once its context was aborted (Ctrl-C): it writes nothing more. */
export function stopIfAborted(job: Job): void {
  if (job.context.signal.aborted) throw new ChapterdeckError('interrupted', { code: ExitCode.interrupted, file: job.input })
}

export function asError(error: unknown, input?: string): ChapterdeckError {
  if (isChapterdeckError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ChapterdeckError(`${input ? input + ': ' : ''}${message.split('\n')[0]}`, { cause: error, file: input })
}

/** Starts a chapter's build: the browser starts, and Marp loads in its thread, at once. */
export function startJob(input: string, options: BuildOptions, context: Context): Job {
  const formats = new Set<Format>(['md', ...(options.formats ?? defaultFormats)])
  const needsBrowser = options.verify !== false || browserFormats.some((format) => formats.has(format))
  if (needsBrowser || formats.has('html')) context.marp.start({ cli: formats.has('html') })
  const browser = needsBrowser ? context.browser.pool().then((pool) => ({ pool }), (error: unknown) => ({ error: asError(error) })) : undefined
  return { input, options, context, formats, timings: {}, browser, started: performance.now() }
}
