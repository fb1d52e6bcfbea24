import fs from 'node:fs'
import path from 'node:path'
import { format } from 'node:util'
import type { MarpOptions } from '@marp-team/marp-core'
import { LRUCache } from 'lru-cache'
import { ChapterdeckMarp, marpShared, type Rendered } from './marp-engine.js'

/** One marp-cli run: its input and output files, theme files and extra arguments. */
export interface MarpCliJob {
  markdownFile: string
  outputFile: string
  /** Theme CSS files to register; none for Marp's built-in themes. */
  themeFiles: string[]
  /** Extra marp-cli arguments: `--pptx`, `--browser-path` … */
  args?: string[]
  /** `--images` writes numbered files beside outputFile, not outputFile itself. */
  numbered?: boolean
}

export interface RenderRequest {
  markdown: string
  themes: string[]
  options: MarpOptions
  /** Names the theme set and options: one engine each. */
  engineKey: string
}

/**
 * What one Marp thread keeps: an engine per theme set, and the work its engines share. marp-cli
 * runs one job at a time (its logging goes through the thread's console), with an engine it
 * gets from `cliEngine` (marp-cli's functional engine, in the config file `configFile` names),
 * so the deck it renders for index.html is handed back and never rendered twice.
 */
export class MarpService {
  private readonly shared = marpShared()
  // Creating an engine costs more than rendering a small deck. One that rendered a huge deck
  // keeps its tokens, so it is let go.
  private readonly engines = new LRUCache<string, ChapterdeckMarp>({ max: 8 })
  private queue: Promise<unknown> = Promise.resolve()
  private captured?: Rendered

  constructor(private readonly workDir: string) {}

  render({ markdown, themes, options, engineKey }: RenderRequest): Rendered {
    let engine = this.engines.get(engineKey)
    if (!engine) {
      engine = new ChapterdeckMarp(options, this.shared)
      for (const css of themes) engine.themeSet.add(css)
      this.engines.set(engineKey, engine)
    }
    const { html, css } = engine.render(markdown)
    if (html.length > 1_000_000) this.engines.delete(engineKey)
    return { html, css }
  }

  /** marp-cli's engine: chapterdeck's Marp, whose render of the deck comes back to the job. */
  cliEngine(options: MarpOptions): ChapterdeckMarp {
    return new ChapterdeckMarp(options, this.shared, (rendered) => (this.captured = rendered))
  }

  runCli(job: MarpCliJob, entry: string): Promise<Rendered | undefined> {
    const run = this.queue.then(() => this.runAlone(job, entry))
    this.queue = run.catch(() => undefined)
    return run
  }

  private async runAlone(job: MarpCliJob, entry: string): Promise<Rendered | undefined> {
    const { marpCli } = await import('@marp-team/marp-cli')
    const argv = [job.markdownFile, '--config-file', this.configFile(entry), '--no-stdin', '--bespoke.progress']
    argv.push(...(job.themeFiles.length ? ['--theme-set', ...job.themeFiles] : []), ...(job.args ?? []), '-o', job.outputFile)
    // marp-cli logs progress through console.warn/error and has no quiet flag; kept for errors.
    const log: string[] = []
    const { warn, error } = console
    console.warn = console.error = (...items: unknown[]) => log.push(format(...items).replace(/\x1b\[[\d;]*m/g, ''))
    this.captured = undefined
    try {
      const code = await marpCli(argv)
      if (code !== 0 || (!job.numbered && !fs.existsSync(job.outputFile))) {
        const reason = log.find((line) => line.includes('ERROR'))?.replace(/^\[\s*ERROR\s*\]\s*/, '') ?? `exit ${code}`
        throw new Error(reason)
      }
      return this.captured
    } finally {
      console.warn = warn
      console.error = error
    }
  }

  /** The marp-cli config: its engine is this thread's (the Marp thread's module, `entry`). */
  private configFile(entry: string): string {
    const file = path.join(this.workDir, 'marp.config.mjs')
    if (!fs.existsSync(file)) fs.writeFileSync(file, `export { marpCliConfig as default } from ${JSON.stringify(entry)}\n`)
    return file
  }
}
