import fs from 'node:fs'
import path from 'node:path'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import type { VFileMessage } from 'vfile-message'
import { allFormats, browserFormats, defaultFormats, type Format } from './formats.js'
import type { HandoutLayout, Paper } from './render/handout.js'
import { ChapterdeckError, ExitCode, isChapterdeckError } from './errors.js'
import { plainProgress } from './progress.js'
import { version } from './render/theme.js'
import { daemonEnabled, daemonSocket, daemonVariable, idleSeconds } from './daemon/address.js'
import { largeDeckChars } from './util/memory.js'
import type { DaemonContext } from './daemon/daemon.js'
import { dialectNames, type DialectOptions as RepairOptions } from './repair/dialects/dialect.js'

/** `--dialect`: read chapters as one toolchain's markup, or as none, instead of recognising it. */
const dialectOption = () =>
  new Option('--dialect <name>', "read chapters as this toolchain's markup (default: recognised from the chapter)").choices([...dialectNames, 'none'])

export interface Output {
  out: (line: string) => void
  err: (line: string) => void
  /** A terminal for the live progress display; without one, progress is plain lines. */
  live?: NodeJS.WriteStream
  /** Colors on the live display (default: unless NO_COLOR is set). */
  color?: boolean
}

const processOutput: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  live: process.stderr.isTTY && !process.env.CI ? process.stderr : undefined,
  color: !('NO_COLOR' in process.env),
}


/** The CLI: parses argv, runs the shared core, prints diagnostics, returns the exit code. */
export async function main(argv: string[], io: Output = processOutput, context?: DaemonContext): Promise<number> {
  let debug = argv.includes('--debug')
  let code: number = ExitCode.ok
  const program = new Command('chapterdeck')
    .description('Turn a book chapter written in Markdown into a talk: an HTML deck with speaker notes, a slides PDF and notes.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showSuggestionAfterError()

  program
    .command('build')
    .description('build each chapter into <out>/<name>/: deck.md, index.html, slides.pdf, handout.pdf, notes.md, report.json')
    .argument('[paths...]', 'Markdown files or folders of them', ['source'])
    .option('-o, --out <dir>', 'output folder', 'dist')
    .addOption(
      new Option('-f, --formats <list>', `comma-separated outputs from ${allFormats.join(',')}; md and report.json are always written`)
        .default(defaultFormats, defaultFormats.join(','))
        .argParser(parseFormats),
    )
    .option('-t, --theme <name|file.css>', 'theme: chapterdeck, default, gaia, uncover, or a path to a Marp theme .css', 'chapterdeck')
    .option('--slide-level <n>', 'heading level that starts a slide (default: inferred, pandoc rule)', parseLevel)
    .option('-q, --quiet', 'print only warnings and errors')
    .addOption(new Option('--handout-layout <layout>', 'handout.pdf: notes (slide beside its notes), 2up, 3up (with lines to write on), 6up').choices(['notes', '2up', '3up', '6up']).default('notes'))
    .addOption(new Option('--paper <size>', 'handout paper size').choices(['a4', 'letter']).default('a4'))
    .option('--assets <dir>', "a folder images may also come from, besides each chapter's own")
    .addOption(dialectOption())
    .option('--tab <name>', 'd2lbook chapters: the framework whose code to keep, e.g. pytorch (default: the chapter\'s first)')
    .option('--no-verify', 'skip measuring slides in a browser (overflow is then not ruled out)')
    .option('--no-cache', 'rebuild every chapter, even those whose inputs did not change')
    .option('--no-daemon', `build in this process, not in the build daemon (also ${daemonVariable}=0)`)
    .option('--debug', 'show stack traces for errors')
    .addHelpText(
      'after',
      '\nExamples:\n  chapterdeck build                         every chapter in source/ → dist/\n  chapterdeck build ch1.md --formats md,html  deck.md and index.html only\n  chapterdeck build book/ --out talks --theme gaia',
    )
    .addHelpText(
      'after',
      `\nBuilds run in a build daemon that the first build starts: it keeps the browser and Marp ready, so a\nrebuild costs only the chapters that changed. It stops after ${idleSeconds / 60} minutes unused; see \`chapterdeck daemon\`.`,
    )
    .action(async (paths: string[], opts: BuildFlags) => {
      debug = Boolean(opts.debug)
      // A wrong path is answered here, without starting a daemon. A huge chapter builds in a
      // process of its own, which gives all its memory back when it ends.
      const chapters = expand(paths)
      if (!context && opts.daemon && daemonEnabled() && chapters.every((chapter) => fs.statSync(chapter).size <= largeDeckChars)) {
        const { buildOnDaemon } = await import('./daemon/client.js')
        const served = await buildOnDaemon(argv, io, { quiet: opts.quiet })
        if (served !== undefined) {
          code = served
          return
        }
      }
      code = await buildCommand(chapters, opts, io, context)
    })

  program
    .command('check')
    .description('build in memory, measure every slide in a browser, and report findings; exit 1 if any error remains')
    .argument('[paths...]', 'Markdown files or folders of them', ['source'])
    .option('-t, --theme <name|file.css>', 'theme to check against', 'chapterdeck')
    .option('--slide-level <n>', 'heading level that starts a slide (default: inferred)', parseLevel)
    .option('--json', 'print findings as JSON, one object per chapter')
    .addOption(dialectOption())
    .option('--tab <name>', 'd2lbook chapters: the framework whose code to keep')
    .option('--debug', 'show stack traces for errors')
    .action(async (paths: string[], opts: CheckFlags) => {
      debug = Boolean(opts.debug)
      code = await checkCommand(paths, opts, io)
    })

  program
    .command('serve')
    .description('serve the decks on 127.0.0.1 with an index page; saving a chapter or theme rebuilds it and reloads the page')
    .argument('[paths...]', 'Markdown files or folders of them', ['source'])
    .option('-p, --port <n>', 'port on 127.0.0.1', parsePort, 8080)
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-t, --theme <name|file.css>', 'theme', 'chapterdeck')
    .option('--slide-level <n>', 'heading level that starts a slide (default: inferred)', parseLevel)
    .option('--debug', 'show stack traces for errors')
    .action(async (paths: string[], opts: { port: number; out: string; theme: string; slideLevel?: number; debug?: boolean }) => {
      debug = Boolean(opts.debug)
      const { serve } = await import('./serve/serve.js')
      const chapters = expand(paths)
      io.err(`building ${chapters.length} chapter${chapters.length === 1 ? '' : 's'} …`)
      const server = await serve({
        chapters,
        port: opts.port,
        out: opts.out,
        theme: opts.theme,
        slideLevel: opts.slideLevel,
        log: (line) => io.err(line),
        onMessages: (messages) => messages.filter((message) => message.fatal !== undefined).forEach((message) => io.err(formatMessage(message))),
      })
      io.out(`serving ${chapters.length} chapter${chapters.length === 1 ? '' : 's'} at ${server.url} (Ctrl-C to stop)`)
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          resolve()
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
      await server.close()
      io.out('stopped')
    })

  program
    .command('daemon')
    .description('run the build daemon here (builds start one by themselves), or ask the running one')
    .option('--status', 'say whether a build daemon runs, since when, and how many builds it made')
    .option('--stop', 'stop the running build daemon')
    .option('--idle <seconds>', 'stop after this long without a build', parseSeconds, idleSeconds)
    .action(async (opts: { status?: boolean; stop?: boolean; idle: number }) => {
      const { askDaemon } = await import('./daemon/client.js')
      if (opts.status || opts.stop) {
        const answer = await askDaemon(opts.stop ? 'stop' : 'status')
        if (!answer) io.out('no build daemon runs')
        else if (answer.type === 'status') io.out(`build daemon ${answer.pid}: up since ${new Date(answer.since).toISOString()}, ${answer.builds} build${answer.builds === 1 ? '' : 's'}${answer.busy ? ', building now' : ''}`)
        else io.out('build daemon stopped')
        return
      }
      const { runDaemon } = await import('./daemon/daemon.js')
      const socket = daemonSocket()
      await runDaemon(socket, (args, daemonIo, daemonContext) => main(args, daemonIo, daemonContext), { idleMs: opts.idle * 1000 })
      // Started by hand, it says where it listens; started by a build, its output is a log file.
      if (process.stderr.isTTY) io.err(`chapterdeck: build daemon ${process.pid} ready at ${socket}; it stops after ${opts.idle} s unused, or on Ctrl-C`)
      // It runs until it stops itself (process.exit): returning would end the process now.
      await new Promise(() => undefined)
    })

  try {
    if (!argv.length) {
      program.outputHelp()
      return ExitCode.ok
    }
    await program.parseAsync(argv, { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage
    io.err(`chapterdeck: ${describe(error)}`)
    if (debug && error instanceof Error && error.stack) io.err(error.stack)
    return isChapterdeckError(error) ? error.code : ExitCode.buildFailed
  }
}

interface BuildFlags extends RepairOptions {
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
  debug?: boolean
  daemon: boolean
}

async function buildCommand(chapters: string[], opts: BuildFlags, io: Output, context?: DaemonContext): Promise<number> {
  const options = {
    out: opts.out,
    formats: opts.formats,
    theme: opts.theme,
    slideLevel: opts.slideLevel,
    verify: opts.verify,
    assets: opts.assets,
    dialect: opts.dialect,
    tab: opts.tab,
    handoutLayout: opts.handoutLayout,
    paper: opts.paper,
  }
  // Loaded on demand so --help and --version answer without loading Marp and the browser driver.
  // If some chapter needs building, Marp starts loading in its thread, then the browser starts,
  // and both get ready while the pipeline loads here.
  const [{ CacheKeys }, { startMarp }] = await Promise.all([import('./cache.js'), import('./render/marp-thread.js')])
  const keys = new CacheKeys(options)
  const stale = !opts.cache || chapters.some((chapter) => !keys.cached(chapter, path.resolve(opts.out)))
  const needsBrowser = opts.verify || opts.formats.some((format) => browserFormats.includes(format))
  if (stale && (needsBrowser || opts.formats.includes('html'))) startMarp()
  const { BrowserSession } = await import('./browser/launch.js')
  const session = context?.session ?? new BrowserSession()
  if (stale && needsBrowser) session.get().catch(() => undefined)
  const [{ buildBook }, { removeUnfinished }] = await Promise.all([import('./book.js'), import('./build.js')])
  let code: number = ExitCode.ok
  // The live display's terminal library loads only for a terminal.
  const progress = io.live && !opts.quiet ? (await import('./live-progress.js')).liveProgress(io.live, { color: io.color }) : plainProgress(io.err, Boolean(opts.quiet))
  // Ctrl-C: what was finished stays, what was not is removed, and the browser goes.
  let interrupted = false
  const interrupt = () => {
    removeUnfinished()
    // A second Ctrl-C does not wait for the browser to close.
    if (interrupted) process.exit(ExitCode.interrupted)
    interrupted = true
    progress.finish()
    io.err('chapterdeck: interrupted; finished chapters are kept, unfinished ones were not written')
    const exit = () => {
      removeUnfinished()
      process.exit(ExitCode.interrupted)
    }
    session.close().then(exit, exit)
    setTimeout(exit, 2000).unref()
  }
  const signals = context?.signals ?? process
  signals.on('SIGINT', interrupt)
  signals.on('SIGTERM', interrupt)
  const { entries, failures } = await buildBook(chapters, {
    ...options,
    browser: session,
    cacheKeys: keys,
    noCache: !opts.cache,
    onEvent: (event) => {
      // After Ctrl-C, chapters still running fail for that reason alone: said once, above.
      if (interrupted) return
      if (event.type === 'start') progress.start(event.chapter, event.index, event.total)
      else if (event.type === 'stage') progress.stage(event.chapter, event.stage)
      else if (event.type === 'failed') {
        progress.end(event.chapter)
        progress.line(`chapterdeck: ${describe(event.error)}`)
        if (opts.debug && event.error.stack) progress.line(event.error.stack)
        code = Math.max(code, isChapterdeckError(event.error) ? event.error.code : ExitCode.buildFailed)
      } else {
        const { entry, result } = event
        progress.end(entry.chapter)
        for (const message of result?.messages ?? []) if (message.fatal !== undefined || !opts.quiet) progress.line(formatMessage(message))
        if (entry.errors) code = Math.max(code, ExitCode.buildFailed)
        if (result?.error) {
          progress.line(`chapterdeck: ${result.error.message}`)
          code = Math.max(code, result.error.code)
        }
        if (!opts.quiet) {
          const state = entry.cached ? 'unchanged, not rebuilt' : `${entry.warnings} warning${entry.warnings === 1 ? '' : 's'}, coverage ${((result?.coverage.ratio ?? 1) * 100).toFixed(1)}%`
          progress.line(`${result?.error ? '✗' : '✓'} ${entry.chapter} → ${path.join(opts.out, entry.slug)}/  ${entry.slides} slides, ${state}, ${(entry.ms / 1000).toFixed(1)} s`, io.out)
        }
      }
    },
  }).finally(() => {
    signals.off('SIGINT', interrupt)
    signals.off('SIGTERM', interrupt)
    progress.finish()
    // The build daemon keeps its browser for the next build.
    return context ? undefined : session.close()
  })
  if (interrupted) {
    // What a write already under way put back meanwhile (see removeUnfinished).
    removeUnfinished()
    return ExitCode.interrupted
  }
  if (!opts.quiet && entries.length > 1) {
    io.out(summaryTable(entries))
    io.out(`book page: ${path.join(opts.out, 'index.html')}`)
  }
  return failures.length ? Math.max(code, ExitCode.buildFailed) : code
}

function summaryTable(entries: { chapter: string; slides: number; warnings: number; errors: number; ms: number; cached: boolean }[]): string {
  const rows = entries.map((entry) => [entry.chapter, String(entry.slides), String(entry.warnings + entry.errors), entry.cached ? 'cached' : `${(entry.ms / 1000).toFixed(1)} s`])
  const header = ['chapter', 'slides', 'warnings', 'time']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)))
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')
  return ['', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

type CheckFlags = { theme: string; slideLevel?: number; json?: boolean; debug?: boolean } & RepairOptions

async function checkCommand(paths: string[], opts: CheckFlags, io: Output): Promise<number> {
  const chapters = expand(paths)
  const [{ BrowserSession }, { startMarp }] = await Promise.all([import('./browser/launch.js'), import('./render/marp-thread.js')])
  const session = new BrowserSession()
  // The browser and Marp start while the rest loads; a failure shows when the check needs them.
  session.get().catch(() => undefined)
  startMarp()
  const [{ checkChapter }, { messageJson }] = await Promise.all([import('./build.js'), import('./verify/report.js')])
  let code: number = ExitCode.ok
  const reports: unknown[] = []
  try {
    for (const chapter of chapters) {
      try {
        const result = await checkChapter(chapter, { theme: opts.theme, slideLevel: opts.slideLevel, dialect: opts.dialect, tab: opts.tab, browser: session })
        const errors = result.messages.filter((m) => m.fatal === true).length
        const warnings = result.messages.filter((m) => m.fatal === false).length
        const overflowing = result.fit?.overflowing.length ?? 0
        if (errors || result.error) code = Math.max(code, ExitCode.buildFailed)
        if (opts.json) {
          reports.push({ chapter, slides: result.deck.children.length, overflowing, errors, warnings, coverage: result.coverage.ratio, verified: Boolean(result.fit), findings: result.messages.map(messageJson) })
          continue
        }
        for (const message of result.messages) if (message.fatal !== undefined) io.out(formatMessage(message))
        const verified = result.fit ? `${overflowing} overflowing` : 'not measured (no browser)'
        io.out(`${chapter}: ${result.deck.children.length} slides, ${verified}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, coverage ${(result.coverage.ratio * 100).toFixed(1)}%`)
        if (result.error) io.err(`chapterdeck: ${result.error.message}`)
      } catch (error) {
        io.err(`chapterdeck: ${describe(error)}`)
        if (opts.debug && error instanceof Error && error.stack) io.err(error.stack)
        code = Math.max(code, isChapterdeckError(error) ? error.code : ExitCode.buildFailed)
      }
    }
  } finally {
    await session.close()
  }
  if (opts.json) io.out(JSON.stringify(reports, null, 2))
  return code
}

/** Files as given; folders give their Markdown files, sorted, skipping hidden and node_modules. */
function expand(paths: string[]): string[] {
  const out: string[] = []
  for (const item of paths) {
    const stat = fs.statSync(item, { throwIfNoEntry: false })
    if (!stat) throw new ChapterdeckError(`${item}: no such file or folder; check the path`, { code: ExitCode.usage })
    if (!stat.isDirectory()) {
      out.push(item)
      continue
    }
    const found = fs
      .readdirSync(item, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(md|markdown)$/i.test(name) && !name.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
      .sort()
      .map((name) => path.join(item, name))
    if (!found.length) throw new ChapterdeckError(`${item}: no .md files in this folder`, { code: ExitCode.usage })
    out.push(...found)
  }
  return out
}

/** `file:line:col  warning  message  [rule]`, as vfile-reporter prints it. */
export function formatMessage(message: VFileMessage): string {
  const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
  const place = `${message.file}:${message.line ?? 1}:${message.column ?? 1}`
  return `${place}  ${severity}  ${message.reason}${message.ruleId ? `  [${message.ruleId}]` : ''}`
}

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean)
  const unknown = list.filter((item) => !(allFormats as readonly string[]).includes(item))
  if (unknown.length) throw new InvalidArgumentError(`unknown format ${unknown.join(', ')}; choose from ${allFormats.join(', ')}`)
  return list as Format[]
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535')
  return port
}

function parseSeconds(value: string): number {
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError('must be a number of seconds above 0')
  return seconds
}

function parseLevel(value: string): number {
  const level = Number(value)
  if (!Number.isInteger(level) || level < 1 || level > 6) throw new InvalidArgumentError('must be a whole number from 1 to 6')
  return level
}

function describe(error: unknown): string {
  if (isChapterdeckError(error)) return error.message
  const message = error instanceof Error ? error.message : String(error)
  return `internal error: ${message.split('\n')[0]} (run with --debug for the stack trace, and please report it)`
}
