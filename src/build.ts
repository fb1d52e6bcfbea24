import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { createContext, type Context } from './context.js'
import { ChapterdeckError, ExitCode } from './errors.js'
import type { Deck } from './types.js'
import type { Coverage } from './verify/coverage.js'
import { deckFonts } from './stages/fonts.js'
import { fitStage } from './stages/fit.js'
import { asError, startJob, type BuildOptions } from './stages/job.js'
import { ChapterOutput } from './stages/output.js'
import { processStage } from './stages/process.js'
import { readStage } from './stages/read.js'
import { renderStage } from './stages/render.js'
import { writeStage } from './stages/write.js'

export { allFormats, defaultFormats, type Format } from './formats.js'
export type { BuildOptions } from './stages/job.js'

export interface ChapterResult {
  input: string
  slug: string
  outDir: string
  /** Files written, relative to outDir. */
  files: string[]
  /** The chapter, with every message about it. */
  file: VFile
  deck: Deck
  messages: VFileMessage[]
  coverage: Coverage
  timings: Record<string, number>
  /** Browser verification: rounds run, slides fixed, slides still overflowing (1-based). */
  fit?: { rounds: number; fixes: number; overflowing: number[] }
  /** Set when some output failed but the others were written (e.g. no browser for the PDF). */
  error?: ChapterdeckError
}

/**
 * Builds one chapter into `<out>/<slug>/` in the context's browser and Marp thread: read →
 * process → fit → render → write. The previous output is replaced only on success.
 */
export async function build(input: string, options: BuildOptions, context: Context): Promise<ChapterResult> {
  const job = startJob(input, options, context)
  try {
    const processed = await processStage(readStage(job), job)
    const output = new ChapterOutput(job)
    try {
      output.copyAssets(processed.deck)
      const fonts = deckFonts(processed, context)
      const fitted = await fitStage(processed, output, fonts, job)
      const failure = await renderStage(processed, fitted, output, fonts, job)
      return writeStage(processed, fitted, output, failure, job)
    } finally {
      output.dispose()
    }
  } catch (error) {
    // Aborted, a build fails for that reason alone, whatever broke as its browser went.
    if (context.signal.aborted) throw new ChapterdeckError(`${input}: interrupted`, { code: ExitCode.interrupted, file: input, cause: error })
    throw asError(error, input)
  }
}

export interface ApiOptions extends BuildOptions {
  /** Shares one browser and Marp thread across calls (see createContext); else each call has its own. */
  context?: Context
  cwd?: string
  signal?: AbortSignal
}

/** Builds one chapter into `<out>/<slug>/`, replacing the previous output only on success. */
export async function buildChapter(input: string, options: ApiOptions = {}): Promise<ChapterResult> {
  return withContext(options, (context) => build(input, options, context))
}

/**
 * Checks one chapter without writing anything: the full pipeline, measured in the browser,
 * into a scratch folder that is removed afterwards. Its findings are the result's messages.
 */
export async function checkChapter(input: string, options: Omit<ApiOptions, 'out' | 'formats' | 'verify'> = {}): Promise<ChapterResult> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-check-'))
  try {
    return await buildChapter(input, { ...options, out, formats: ['md'], verify: true })
  } finally {
    fs.rmSync(out, { recursive: true, force: true })
  }
}

/** Runs `work` in the options' context, or in one of its own that is closed afterwards. */
export async function withContext<T>(options: { context?: Context; cwd?: string; signal?: AbortSignal }, work: (context: Context) => Promise<T>): Promise<T> {
  if (options.context) return work(options.context)
  const context = createContext({ cwd: options.cwd, signal: options.signal })
  try {
    return await work(context)
  } finally {
    await context.close()
  }
}
