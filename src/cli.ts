import { Command, CommanderError, Option } from 'commander'
import { ExitCode, isChapterdeckError } from './errors.js'
import { allFormats, defaultFormats } from './formats.js'
import { version } from './render/theme.js'
import { buildCommand, type BuildFlags } from './cli/build-command.js'
import { checkCommand, type CheckFlags } from './cli/check-command.js'
import { expandPaths, parseFormats, parseLevel, parsePort } from './cli/options.js'
import { describe, processOutput, stackOf, type Output } from './cli/output.js'
import { serveCommand, type ServeFlags } from './cli/serve-command.js'
import { dialectNames } from './repair/index.js'

export type { Output } from './cli/output.js'

/** `--dialect`: read chapters as one toolchain's markup, or as none, instead of recognising it. */
const dialectOption = () => new Option('--dialect <name>', "read chapters as this toolchain's markup (default: recognised from the chapter)").choices([...dialectNames, 'none'])
const tabHelp = "d2lbook chapters: the framework whose code to keep, e.g. pytorch (default: the chapter's first)"

const examples = `
Examples:
  chapterdeck build                           every chapter in source/ → dist/
  chapterdeck build ch1.md --formats md,html  deck.md and index.html only
  chapterdeck build --formats +pptx           the default outputs, and deck.pptx
  chapterdeck build book/ --watch             rebuild each chapter as it changes
  chapterdeck build book/ --out talks --theme gaia`

/** The CLI: parses argv, runs the shared core, prints diagnostics, returns the exit code. */
export async function main(argv: string[], io: Output = processOutput()): Promise<number> {
  let debug = argv.includes('--debug')
  let code: number = ExitCode.ok
  const run = <T extends { debug?: boolean }>(command: (chapters: string[], flags: T, io: Output) => Promise<number>) => async (paths: string[], flags: T) => {
    debug = Boolean(flags.debug)
    code = await command(expandPaths(paths), flags, io)
  }
  const program = new Command('chapterdeck')
    .description('Turn a book chapter written in Markdown into a talk: an HTML deck with speaker notes, a slides PDF and notes.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showSuggestionAfterError()
  buildProgram(program).action(run<BuildFlags>(buildCommand))
  checkProgram(program).action(run<CheckFlags>(checkCommand))
  serveProgram(program).action(run<ServeFlags>(serveCommand))
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
    if (debug) io.err(stackOf(error))
    return isChapterdeckError(error) ? error.code : ExitCode.buildFailed
  }
}

const paths = ['[paths...]', 'Markdown files or folders of them', ['source']] as const
const themeHelp = 'theme: chapterdeck, default, gaia, uncover, or a path to a Marp theme .css'

function buildProgram(program: Command): Command {
  return program
    .command('build')
    .description('build each chapter into <out>/<name>/: deck.md, index.html, slides.pdf, handout.pdf, notes.md, report.json')
    .argument(...paths)
    .option('-o, --out <dir>', 'output folder', 'dist')
    .addOption(
      new Option('-f, --formats <list>', `comma-separated outputs from ${allFormats.join(',')}, or +name to add to the defaults (+pptx); md and report.json are always written`)
        .default(defaultFormats, defaultFormats.join(','))
        .argParser(parseFormats),
    )
    .option('-t, --theme <name|file.css>', themeHelp, 'chapterdeck')
    .option('--slide-level <n>', 'heading level that starts a slide (default: inferred, pandoc rule)', parseLevel)
    .option('-w, --watch', 'stay running: rebuild each chapter when it, an image beside it or the theme changes')
    .option('-q, --quiet', 'print only warnings and errors')
    .addOption(new Option('--handout-layout <layout>', 'handout.pdf: notes (slide beside its notes), 2up, 3up (with lines to write on), 6up').choices(['notes', '2up', '3up', '6up']).default('notes'))
    .addOption(new Option('--paper <size>', 'handout paper size').choices(['a4', 'letter']).default('a4'))
    .option('--assets <dir>', "a folder images may also come from, besides each chapter's own")
    .addOption(dialectOption())
    .option('--tab <name>', tabHelp)
    .option('--no-verify', 'skip measuring slides in a browser (overflow is then not ruled out)')
    .option('--no-cache', 'rebuild every chapter, even those whose inputs did not change')
    .option('--debug', 'show stack traces for errors')
    .addHelpText('after', examples)
}

function checkProgram(program: Command): Command {
  return program
    .command('check')
    .description('build in memory, measure every slide in a browser, and report findings; exit 1 if any error remains')
    .argument(...paths)
    .option('-t, --theme <name|file.css>', 'theme to check against', 'chapterdeck')
    .option('--slide-level <n>', 'heading level that starts a slide (default: inferred)', parseLevel)
    .addOption(dialectOption())
    .option('--tab <name>', tabHelp)
    .option('--json', 'print findings as JSON, one object per chapter')
    .option('--debug', 'show stack traces for errors')
}

function serveProgram(program: Command): Command {
  return program
    .command('serve')
    .description('serve the decks on 127.0.0.1 with an index page; saving a chapter, an image or the theme rebuilds it and reloads the page')
    .argument(...paths)
    .option('-p, --port <n>', 'port on 127.0.0.1', parsePort, 8080)
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-t, --theme <name|file.css>', themeHelp, 'chapterdeck')
    .option('--slide-level <n>', 'heading level that starts a slide (default: inferred)', parseLevel)
    .addOption(dialectOption())
    .option('--tab <name>', tabHelp)
    .option('--debug', 'show stack traces for errors')
}

/**
 * The command's process: runs `main` and exits with its code. A reader that stops early
 * (`| head`) closes the pipe: what is left to print is dropped, and the build goes on to
 * finish its outputs. Once done, the process exits at once: Chromium's helper processes can
 * hold its pipes open a while after the browser closed. Pending output goes first.
 */
export async function runCommand(argv = process.argv.slice(2)): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
    })
  }
  process.exitCode = await main(argv)
  process.stdout.write('', () => process.stderr.write('', () => process.exit()))
}
