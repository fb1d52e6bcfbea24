import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createContext, type Context } from '../../src/context.js'

/** A scratch folder and one build context (one browser, one Marp thread) for a test file. */
export function browserScratch(prefix: string): { dir: string; context: Context } {
  const scratch = {} as { dir: string; context: Context }
  beforeAll(() => {
    scratch.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
    scratch.context = createContext()
  })
  afterAll(async () => {
    await scratch.context?.close()
    if (scratch.dir) fs.rmSync(scratch.dir, { recursive: true, force: true })
  })
  return scratch
}
