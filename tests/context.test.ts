import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildChapter } from '../src/build.js'
import { createContext } from '../src/context.js'
import { ExitCode } from '../src/errors.js'

const seed = 'source/the-future-of-kubernetes.md'
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-context-'))
afterAll(() => fs.rmSync(out, { recursive: true, force: true }))

describe('a build context', () => {
  it('stops its builds when aborted, leaving nothing half-written, and the process builds again afterwards', async () => {
    const controller = new AbortController()
    const context = createContext({ signal: controller.signal })
    const aborted = buildChapter(seed, {
      out,
      context,
      // Ctrl-C while the deck is measured in the browser.
      onStage: (stage) => stage === 'verify' && controller.abort(),
    })
    await expect(aborted).rejects.toMatchObject({ code: ExitCode.interrupted })
    await context.close()
    expect(fs.readdirSync(out)).toEqual([])
    expect(context.scratch.size).toBe(0)

    // A new context in the same process: nothing of the aborted one is left to stop it.
    const result = await buildChapter(seed, { out, formats: ['md', 'pdf'] })
    expect(result.error).toBeUndefined()
    // The seed's two missing figures are drawn as placeholders beside the deck.
    expect(fs.readdirSync(result.outDir).sort()).toEqual(['assets', 'deck.md', 'report.json', 'slides.pdf'])
    expect(fs.readdirSync(out)).toEqual([result.slug])
  })
})
