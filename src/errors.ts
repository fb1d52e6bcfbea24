/** Exit codes shared by the CLI and the API. */
export const ExitCode = {
  ok: 0,
  /** A chapter could not be built (bad input, failed render). */
  buildFailed: 1,
  /** Wrong usage: unknown option, bad value. */
  usage: 2,
  /** The machine lacks something: no browser, unwritable folder. */
  environment: 3,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
  interrupted: 130,
} as const

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * The one error type that crosses the API boundary. Its message is a single line
 * a user can act on: what is wrong and what to do.
 */
export class ChapterdeckError extends Error {
  readonly code: ExitCodeValue
  readonly file?: string

  constructor(message: string, options: { code?: ExitCodeValue; file?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'ChapterdeckError'
    this.code = options.code ?? ExitCode.buildFailed
    this.file = options.file
  }
}

export function isChapterdeckError(error: unknown): error is ChapterdeckError {
  return error instanceof ChapterdeckError
}
