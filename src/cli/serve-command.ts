import type { Output } from './output.js'
import type { RepairOptions } from '../repair/index.js'
import { describe } from './output.js'
import { untilAborted } from './build-command.js'
import { chapterReporter, inContext } from './session.js'
import { plainProgress } from '../progress.js'
import { ExitCode } from '../errors.js'

export interface ServeFlags extends RepairOptions {
  port: number
  out: string
  theme: string
  slideLevel?: number
  debug?: boolean
}

/** `chapterdeck serve`: the book built, watched and served on 127.0.0.1 until Ctrl-C. */
export async function serveCommand(chapters: string[], flags: ServeFlags, io: Output): Promise<number> {
  const { serve } = await import('../serve/serve.js')
  return inContext(async (context) => {
    const reporter = chapterReporter(io, plainProgress(io.err, true), { out: flags.out, quiet: true, debug: flags.debug }, context.signal)
    io.err(`building ${chapters.length} chapter${chapters.length === 1 ? '' : 's'} …`)
    const server = await serve(chapters, {
      port: flags.port, out: flags.out, theme: flags.theme, slideLevel: flags.slideLevel, dialect: flags.dialect, tab: flags.tab, context,
      onEvent: (event) => {
        reporter.onEvent(event)
        if (event.type === 'done' && event.result) io.err(`built ${event.entry.chapter}: ${event.entry.slides} slides in ${event.entry.ms} ms`)
      },
      onError: (error) => io.err(`chapterdeck: ${describe(error)}`),
    }, context)
    io.out(`serving ${chapters.length} chapter${chapters.length === 1 ? '' : 's'} at ${server.url} (Ctrl-C to stop)`)
    await untilAborted(context.signal)
    await server.close()
    io.out('stopped')
    return ExitCode.ok
  }, () => undefined)
}
