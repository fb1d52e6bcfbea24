import path from 'node:path'
import { watch } from 'chokidar'
import { buildBook, type BookOptions, type BookResult } from './book.js'
import type { Context } from './context.js'
import { asError } from './stages/job.js'
import { loadTheme } from './render/theme.js'

export interface WatchOptions extends BookOptions {
  /** Called after each build of the book, the first one included. */
  onBuilt?: (result: BookResult) => void
  /** Called when a build fails as a whole (a theme that went missing, say). */
  onError?: (error: Error) => void
}

export interface BookWatcher {
  /** Stops watching, after the build under way. */
  close(): Promise<void>
  /** Settles once no build is under way or waiting. */
  settled(): Promise<void>
}

/**
 * Builds the book, then watches its chapters, the images beside them and the theme, and
 * builds the book again on every change (marp-cli's `--watch`): one process, one browser,
 * and only the chapters whose inputs changed are rebuilt (the book's cache decides).
 * Settles once the first build is done and watching has begun.
 */
export async function watchBook(chapters: string[], options: WatchOptions, context: Context): Promise<BookWatcher> {
  let queued = false
  let running: Promise<void> = Promise.resolve()
  const rebuild = () => {
    // A change while a build waits to start is in that build.
    if (queued) return running
    queued = true
    running = running.then(async () => {
      queued = false
      if (context.signal.aborted) return
      const result = await buildBook(chapters, { ...options, context }).catch((error: unknown) => void options.onError?.(asError(error)))
      if (result) options.onBuilt?.(result)
    })
    return running
  }
  await rebuild()
  const watcher = watch(watchedPaths(chapters, options, context.cwd), { ignoreInitial: true, ignored: ignoredIn(path.resolve(context.cwd, options.out ?? 'dist')), depth: 3 })
  // Resolving only once watching has begun: an edit made right after is not missed.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  watcher.on('all', (event) => {
    if (event !== 'unlinkDir' && event !== 'addDir') void rebuild()
  })
  return {
    close: async () => {
      await watcher.close()
      await running
    },
    settled: () => running,
  }
}

/** The chapters, the folders beside them (their images) and the theme's files. */
function watchedPaths(chapters: string[], options: WatchOptions, cwd: string): string[] {
  const files = chapters.map((chapter) => path.resolve(cwd, chapter))
  const theme = options.theme?.endsWith('.css') ? path.resolve(cwd, options.theme) : (options.theme ?? 'chapterdeck')
  return [...new Set([...files, ...files.map((file) => path.dirname(file)), ...loadTheme(theme).files])]
}

/** The output folder, hidden files (a build's own scratch files) and node_modules are not the book's inputs. */
function ignoredIn(out: string) {
  return (file: string) => file === out || file.startsWith(out + path.sep) || path.basename(file).startsWith('.') || path.basename(file) === 'node_modules'
}
