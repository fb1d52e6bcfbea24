import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { ChapterdeckError } from '../errors.js'
import { packageRoot } from './theme.js'

// Marp (rendering, and marp-cli's HTML) runs in a worker thread: it is CPU work the build
// thread need not wait for, as it lays out and prints in the browser meanwhile, and the
// build thread never loads Marp at all. marp-cli's console is the worker's own.
let worker: Worker | undefined
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
let nextId = 0

/** Starts the Marp thread ahead of need: Marp loads while the build does other work. */
export function startMarp(): void {
  marpWorker()
}

/** Sends one request to the Marp thread (see marp-worker.ts for the kinds). */
export function callMarp<T>(kind: 'cli' | 'render', payload: unknown): Promise<T> {
  const thread = marpWorker()
  const id = nextId++
  thread.ref()
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
    thread.postMessage({ id, kind, payload })
  })
}

/** Ends the Marp thread if it is idle, returning its memory; the next request starts a new one. */
export async function stopMarp(): Promise<void> {
  if (!worker || pending.size) return
  const running = worker
  worker = undefined
  await running.terminate()
}

function marpWorker(): Worker {
  if (worker) return worker
  const started = new Worker(path.join(packageRoot, 'lib', 'render', 'marp-worker.js'))
  started.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
    const request = pending.get(id)
    pending.delete(id)
    if (!pending.size) started.unref()
    if (error === undefined) request?.resolve(result)
    else request?.reject(new ChapterdeckError(error))
  })
  const fail = (error: Error) => {
    if (worker === started) worker = undefined
    for (const request of pending.values()) request.reject(new ChapterdeckError(`Marp stopped: ${error.message.split('\n')[0]}`, { cause: error }))
    pending.clear()
  }
  started.on('error', fail)
  started.on('exit', (code) => fail(new Error(`its thread exited (${code})`)))
  // Only a request in flight keeps the process alive (after the listeners: adding one refs).
  started.unref()
  worker = started
  return started
}
