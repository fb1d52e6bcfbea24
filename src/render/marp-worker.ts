import { parentPort } from 'node:worker_threads'
import { renderHere } from './engine.js'
import { runMarpCliHere } from './marp-run.js'

// The Marp thread (see marp-thread.ts): one request per message, answered by id.
parentPort!.on('message', ({ id, kind, payload }: { id: number; kind: 'cli' | 'render'; payload: any }) => {
  const work = async () => (kind === 'cli' ? runMarpCliHere(payload) : renderHere(payload.markdown, payload.themes, payload.options, payload.engineKey))
  work().then(
    (result) => parentPort!.postMessage({ id, result }),
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  )
})
