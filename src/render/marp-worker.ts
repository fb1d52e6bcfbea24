import { parentPort } from 'node:worker_threads'
import { renderHere } from './engine.js'
import { runMarpCliHere } from './marp-run.js'
import { collectGarbage } from '../util/memory.js'

const largeHeap = 96 * 1024 * 1024

// The Marp thread (see marp-thread.ts): one request per message, answered by id.
parentPort!.on('message', ({ id, kind, payload }: { id: number; kind: 'cli' | 'render'; payload: any }) => {
  const work = async () => (kind === 'cli' ? runMarpCliHere(payload) : renderHere(payload.markdown, payload.themes, payload.options, payload.engineKey))
  work().then(
    (result) => {
      parentPort!.postMessage({ id, result })
      // A huge deck's render leaves garbage V8 would keep until the next one (see memory.ts).
      if (process.memoryUsage().heapUsed > largeHeap) collectGarbage()
    },
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  )
})
