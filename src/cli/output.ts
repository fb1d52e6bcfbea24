import { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { isChapterdeckError } from '../errors.js'

export interface Output {
  out: (line: string) => void
  err: (line: string) => void
  /** A terminal for the live progress display; without one, progress is plain lines. */
  live?: NodeJS.WriteStream
  /** Colors (default: unless NO_COLOR is set). */
  color?: boolean
}

export function processOutput(): Output {
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    live: process.stderr.isTTY && !process.env.CI ? process.stderr : undefined,
    color: !('NO_COLOR' in process.env),
  }
}

/**
 * A chapter's messages as vfile-reporter prints them: the file, then one line per message
 * (`line:column  warning  reason  rule-id  source`). With `quiet`, only warnings and errors.
 * Empty when there is nothing to say.
 */
export function report(file: VFile, { quiet = false, color = false } = {}): string {
  const shown = new VFile({ path: file.path, cwd: file.cwd })
  shown.messages = file.messages.filter((message) => !quiet || message.fatal !== undefined)
  if (!shown.messages.length) return ''
  return reporter([shown], { color, quiet: true })
}

/** An error as one line: ours as they are, anything else as an internal error to report. */
export function describe(error: unknown): string {
  if (isChapterdeckError(error)) return error.message
  const message = error instanceof Error ? error.message : String(error)
  return `internal error: ${message.split('\n')[0]} (run with --debug for the stack trace, and please report it)`
}

/** The stack of an error and of the errors it wraps, for --debug. */
export function stackOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause === undefined ? '' : `\ncaused by: ${stackOf(error.cause)}`
  return `${error.stack ?? error.message}${cause}`
}

export function summaryTable(entries: { chapter: string; slides: number; warnings: number; errors: number; ms: number; cached: boolean }[]): string {
  const rows = entries.map((entry) => [entry.chapter, String(entry.slides), String(entry.warnings + entry.errors), entry.cached ? 'cached' : `${(entry.ms / 1000).toFixed(1)} s`])
  const header = ['chapter', 'slides', 'warnings', 'time']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)))
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')
  return ['', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}
