import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { BrowserSession } from '../../src/browser/launch.js'

/** A scratch folder and one browser for a test file, made before its tests and removed after. */
export function browserScratch(prefix: string): { dir: string; session: BrowserSession } {
  const scratch = {} as { dir: string; session: BrowserSession }
  beforeAll(() => {
    scratch.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
    scratch.session = new BrowserSession()
  })
  afterAll(async () => {
    await scratch.session?.close()
    if (scratch.dir) fs.rmSync(scratch.dir, { recursive: true, force: true })
  })
  return scratch
}
