import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { ChapterdeckError } from '../errors.js'
import type { MarpCliJob, RenderRequest } from './marp-service.js'
import type { Rendered } from './marp-engine.js'

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

/**
 * A build context's Marp thread: Marp (its renders, and marp-cli's HTML) runs in a worker
 * thread, CPU work the build thread need not wait for as it drives the browser meanwhile.
 * Started on first use; `stop` ends it (the next request starts a new one).
 */
export class MarpWorker {
  private worker?: Worker
  private workDir?: string
  private readonly pending = new Map<number, Pending>()
  private nextId = 0

  /**
   * Starts the thread ahead of need: Marp loads while the build does other work, and with
   * `cli`, marp-cli too (for index.html).
   */
  start({ cli = false } = {}): void {
    const thread = this.thread()
    if (cli) thread.postMessage({ kind: 'preload' })
  }

  render(request: RenderRequest): Promise<Rendered> {
    return this.call<Rendered>('render', request)
  }

  /** Runs marp-cli; gives back the deck its engine rendered, if it rendered one. */
  async runCli(job: MarpCliJob): Promise<Rendered | undefined> {
    try {
      return await this.call<Rendered | undefined>('cli', job)
    } catch (error) {
      throw new ChapterdeckError(`Marp could not render ${path.basename(job.outputFile)}: ${(error as Error).message.split('\n')[0]}`, { cause: error })
    }
  }

  /** Ends the thread once it is idle (or at once with `force`), returning its memory. */
  async stop({ force = false } = {}): Promise<void> {
    if (!this.worker || (this.pending.size && !force)) return
    const running = this.worker
    this.worker = undefined
    await running.terminate()
    if (this.workDir) fs.rmSync(this.workDir, { recursive: true, force: true })
    this.workDir = undefined
  }

  private call<T>(kind: 'cli' | 'render', payload: MarpCliJob | RenderRequest): Promise<T> {
    const thread = this.thread()
    const id = this.nextId++
    thread.ref()
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
      thread.postMessage({ id, kind, payload })
    })
  }

  private thread(): Worker {
    if (this.worker) return this.worker
    this.workDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-marp-'))
    const started = spawnWorker(this.workDir)
    started.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const request = this.pending.get(id)
      this.pending.delete(id)
      if (!this.pending.size) started.unref()
      if (error === undefined) request?.resolve(result)
      else request?.reject(new Error(error))
    })
    const fail = (error: Error) => {
      if (this.worker === started) this.worker = undefined
      for (const request of this.pending.values()) request.reject(new ChapterdeckError(`Marp stopped: ${error.message.split('\n')[0]}`, { cause: error }))
      this.pending.clear()
    }
    started.on('error', fail)
    started.on('exit', (code) => fail(new Error(`its thread exited (${code})`)))
    // Only a request in flight keeps the process alive (after the listeners: adding one refs).
    started.unref()
    this.worker = started
    return started
  }
}

/**
 * The thread runs marp-worker.js beside this module (in the bundle, lib/bin/). Run from the
 * TypeScript sources (the tests), it is marp-worker.ts, loaded through tsx.
 */
function spawnWorker(workDir: string): Worker {
  const compiled = new URL('./marp-worker.js', import.meta.url)
  if (fs.existsSync(compiled)) return new Worker(compiled, { workerData: { workDir } })
  const source = new URL('./marp-worker.ts', import.meta.url).href
  const code = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(source)}) })`
  return new Worker(code, { eval: true, workerData: { workDir } })
}

/** tsx's ESM API (\`tsx/esm/api\`), resolved from here through its package's exports. */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const { exports } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api'].import.default)).href
}
