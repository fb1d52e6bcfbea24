import fs from 'node:fs'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import * as api from '../src/index.js'

const names = ['BrowserSession', 'ChapterdeckError', 'ExitCode', 'allFormats', 'buildChapter', 'checkChapter', 'createProcessor', 'defaultFormats']

describe('public API', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual(names)
  })

  it("is what the package's import loads: the bundle, with the same exports and the same decks", async () => {
    // As node resolves the package's name from inside it (a self-reference).
    const entry = fileURLToPath(execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('chapterdeck'))"], { encoding: 'utf8' }).trim())
    expect(path.relative(process.cwd(), entry)).toBe(path.join('lib', 'bin', 'index.js'))
    const bundled = (await import(entry)) as typeof api
    expect(Object.keys(bundled).sort()).toEqual(names)
    const seed = 'tests/fixtures/real-world/input.md'
    const deck = async (processor: ReturnType<typeof api.createProcessor>) => String(await processor.process(new VFile({ path: seed, value: fs.readFileSync(seed, 'utf8') })))
    expect(await deck(bundled.createProcessor())).toBe(await deck(api.createProcessor()))
  })
})
