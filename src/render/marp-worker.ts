import { parentPort, workerData } from 'node:worker_threads'
import type { MarpOptions } from '@marp-team/marp-core'
import { collectGarbage } from '../util/memory.js'
import { MarpService, type MarpCliJob, type RenderRequest } from './marp-service.js'

// The Marp thread (see marp-thread.ts): one request per message, answered by id. Its state is
// this thread's service, made once: the thread is its build context's, and ends with it.
const service = new MarpService((workerData as { workDir: string }).workDir)

/** The config marp-cli loads in this thread (see MarpService): its engine is the service's. */
export const marpCliConfig = { engine: (options: MarpOptions) => service.cliEngine(options) }

// A huge deck's render leaves garbage V8 would keep until the next one (see util/memory.ts).
const largeHeap = 96 * 1024 * 1024

type Request = { id: number; kind: 'render'; payload: RenderRequest } | { id: number; kind: 'cli'; payload: MarpCliJob } | { id: undefined; kind: 'preload'; payload: undefined }

parentPort?.on('message', ({ id, kind, payload }: Request) => {
  // marp-cli loads while the build thread runs the pipeline; its first job waits for less.
  if (kind === 'preload') return void import('@marp-team/marp-cli').catch(() => undefined)
  const work = async () => (kind === 'cli' ? service.runCli(payload as MarpCliJob, import.meta.url) : service.render(payload as RenderRequest))
  work().then(
    (result) => {
      parentPort!.postMessage({ id, result })
      if (process.memoryUsage().heapUsed > largeHeap) collectGarbage()
    },
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  )
})
