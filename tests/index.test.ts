import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { VFile } from 'vfile'
import { afterAll, describe, expect, it } from 'vitest'
import * as api from '../src/index.js'

const names = ['ChapterdeckError', 'ExitCode', 'allFormats', 'build', 'buildBook', 'buildChapter', 'checkChapter', 'createContext', 'createProcessor', 'defaultFormats', 'serve', 'watchBook']
// The bundle, built afresh from these sources beside lib/bin/ (the bundle sits two folders
// below the package root, where it finds themes/ and package.json).
const outdir = fs.mkdtempSync(path.join('lib', 'test-bundle-'))
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }))

describe('public API', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual(names)
  })

  it("is what the package's import loads: the bundle, with the same exports and the same decks", async () => {
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'))
    expect(manifest.exports['.'].import).toBe('./lib/bin/index.js')
    execFileSync(process.execPath, ['scripts/bundle.mjs', outdir])
    const bundled = (await import(pathToFileURL(path.resolve(outdir, 'index.js')).href)) as typeof api
    expect(Object.keys(bundled).sort()).toEqual(names)
    const seed = 'tests/fixtures/real-world/input.md'
    const deck = async (processor: ReturnType<typeof api.createProcessor>) => String(await processor.process(new VFile({ path: seed, value: fs.readFileSync(seed, 'utf8') })))
    expect(await deck(bundled.createProcessor())).toBe(await deck(api.createProcessor()))
  })
})
