import { parentPort } from 'node:worker_threads'
import { renderHere } from './engine.js'
import { collectGarbage } from '../util/memory.js'
import { reuseParsedThemes } from './reuse.js'

// marp-cli loads on the first HTML request: the first renders, for the layout, come sooner.
let marpCli: Promise<typeof import('./marp-run.js')> | undefined

const largeHeap = 96 * 1024 * 1024

reuseParsedThemes()

// The Marp thread (see marp-thread.ts): one request per message, answered by id.
parentPort!.on('message', ({ id, kind, payload }: { id: number; kind: 'cli' | 'render'; payload: any }) => {
  const work = async () =>
    kind === 'cli' ? (await (marpCli ??= import('./marp-run.js'))).runMarpCliHere(payload) : renderHere(payload.markdown, payload.themes, payload.options, payload.engineKey)
  work().then(
    (result) => {
      parentPort!.postMessage({ id, result })
      // A huge deck's render leaves garbage V8 would keep until the next one (see memory.ts).
      if (process.memoryUsage().heapUsed > largeHeap) collectGarbage()
    },
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  )
})
