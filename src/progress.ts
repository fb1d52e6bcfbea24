/** What the CLI shows while a book builds. */
export interface Progress {
  start(chapter: string, index: number, total: number): void
  stage(chapter: string, stage: string): void
  /** A chapter finished (its result line). */
  end(chapter: string): void
  /** A line that stays: a result, a warning, an error; `write` sends it elsewhere (stdout). */
  line(text: string, write?: (line: string) => void): void
  finish(): void
}

/** Plain lines, for CI, pipes and --quiet: one when a chapter starts, none per stage. */
export function plainProgress(write: (line: string) => void, quiet: boolean): Progress {
  return {
    start: (chapter, index, total) => {
      if (!quiet) write(`[${index + 1}/${total}] ${chapter} …`)
    },
    stage: () => undefined,
    end: () => undefined,
    line: (text, to = write) => to(text),
    finish: () => undefined,
  }
}
