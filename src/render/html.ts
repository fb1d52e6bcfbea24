import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { format } from 'node:util'
import { marpCli } from '@marp-team/marp-cli'
import { ChapterdeckError } from '../errors.js'
import { engineOptions } from './engine.js'

const require = createRequire(import.meta.url)

export interface MarpCliJob {
  markdownFile: string
  outputFile: string
  /** Theme CSS files to register; none for Marp's built-in themes. */
  themeFiles: string[]
  /** Scratch folder for the generated marp-cli config. */
  workDir: string
  /** Extra marp-cli arguments: `--pdf`, `--pptx`, `--browser-path` … */
  args?: string[]
  /** `--images` writes numbered files beside outputFile, not outputFile itself. */
  numbered?: boolean
}

/**
 * Runs marp-cli in-process. Its bespoke template gives the HTML deck navigation, a presenter
 * view with notes, and a progress bar. No browser is started for HTML.
 */
// marp-cli runs one at a time: its logging goes through the process-wide console.
let queue: Promise<unknown> = Promise.resolve()

export function runMarpCli(job: MarpCliJob): Promise<void> {
  const run = queue.then(() => runAlone(job))
  queue = run.catch(() => undefined)
  return run
}

async function runAlone(job: MarpCliJob): Promise<void> {
  const config = path.join(job.workDir, 'marp.config.mjs')
  if (!fs.existsSync(config)) {
    const core = pathToFileURL(require.resolve('@marp-team/marp-core')).href
    fs.writeFileSync(
      config,
      `import { Marp } from ${JSON.stringify(core)}\n` +
        `const options = ${JSON.stringify(engineOptions)}\n` +
        `export default { engine: (o) => new Marp({ ...o, ...options }) }\n`,
    )
  }
  const argv = [
    job.markdownFile,
    '--config-file',
    config,
    '--no-stdin',
    '--bespoke.progress',
    ...(job.themeFiles.length ? ['--theme-set', ...job.themeFiles] : []),
    ...(job.args ?? []),
    '-o',
    job.outputFile,
  ]
  // marp-cli logs progress through console.warn/error and has no quiet flag; keep it for errors.
  const log: string[] = []
  const { warn, error: logError } = console
  console.warn = console.error = (...items: unknown[]) => log.push(format(...items).replace(/\x1b\[[\d;]*m/g, ''))
  let code: number
  try {
    code = await marpCli(argv)
  } catch (error) {
    throw new ChapterdeckError(`Marp could not render ${path.basename(job.outputFile)}: ${String((error as Error).message ?? error).split('\n')[0]}`, {
      cause: error,
    })
  } finally {
    console.warn = warn
    console.error = logError
  }
  if (code !== 0 || (!job.numbered && !fs.existsSync(job.outputFile))) {
    const reason = log.find((line) => line.includes('ERROR'))?.replace(/^\[\s*ERROR\s*\]\s*/, '') ?? `exit ${code}`
    throw new ChapterdeckError(`Marp could not render ${path.basename(job.outputFile)}: ${reason.split('\n')[0]}`)
  }
}

/** Adds a style sheet at the end of an HTML file's head. */
export function addHeadStyle(file: string, css: string): void {
  const html = fs.readFileSync(file, 'utf8')
  const at = html.indexOf('</head>')
  if (at < 0) throw new Error(`${file}: no </head> to add a style sheet to`)
  fs.writeFileSync(file, `${html.slice(0, at)}<style>${css}</style>${html.slice(at)}`)
}
