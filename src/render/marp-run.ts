import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { format } from 'node:util'
import { marpCli } from '@marp-team/marp-cli'
import { ChapterdeckError } from '../errors.js'
import { engineOptions } from './engine-options.js'
import type { Rendered } from './engine.js'
import type { MarpCliJob } from './html.js'
import { capturingRenders } from './reuse.js'

const require = createRequire(import.meta.url)

// marp-cli runs one at a time: its logging goes through the thread's console.
let queue: Promise<unknown> = Promise.resolve()

/**
 * Runs marp-cli in this thread (html.ts runs it in a worker thread through this). Gives back
 * the deck its engine rendered, if it rendered one.
 */
export function runMarpCliHere(job: MarpCliJob): Promise<Rendered | undefined> {
  const run = queue.then(() => runAlone(job))
  queue = run.catch(() => undefined)
  return run
}

async function runAlone(job: MarpCliJob): Promise<Rendered | undefined> {
  const config = path.join(job.workDir, 'marp.config.mjs')
  if (!fs.existsSync(config)) {
    const core = pathToFileURL(require.resolve('@marp-team/marp-core')).href
    // The same module as this thread's renders use, so marp-cli reuses their work.
    const reuse = new URL('./reuse.js', import.meta.url).href
    fs.writeFileSync(
      config,
      `import { Marp } from ${JSON.stringify(core)}\n` +
        `import { captureRenders, reuseAcrossRenders } from ${JSON.stringify(reuse)}\n` +
        `const options = ${JSON.stringify(engineOptions)}\n` +
        `export default { engine: (o) => captureRenders(reuseAcrossRenders(new Marp({ ...o, ...options }))) }\n`,
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
  let rendered: Rendered | undefined
  try {
    code = await capturingRenders(
      (deck) => (rendered = deck),
      () => marpCli(argv),
    )
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
  return rendered
}
