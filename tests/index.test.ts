import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { VFile } from 'vfile'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as api from '../src/index.js'

const names = ['ChapterdeckError', 'ExitCode', 'allFormats', 'build', 'buildBook', 'buildChapter', 'checkChapter', 'createContext', 'createProcessor', 'defaultFormats', 'findBrowser', 'serve', 'watchBook']
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-api-'))

// The package's import is the bundle (lib/bin/index.js): built afresh from these sources.
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/bundle.mjs', path.join('lib', 'bin')])
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe('public API', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual(names)
  })

  it("is what the package's import loads: the bundle, with the same exports and the same decks", async () => {
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'))
    expect(manifest.exports['.'].import).toBe('./lib/bin/index.js')
    const bundled = (await import(pathToFileURL(path.resolve('lib/bin/index.js')).href)) as typeof api
    expect(Object.keys(bundled).sort()).toEqual(names)
    const seed = 'tests/fixtures/real-world/input.md'
    const deck = async (processor: ReturnType<typeof api.createProcessor>) => String(await processor.process(new VFile({ path: seed, value: fs.readFileSync(seed, 'utf8') })))
    expect(await deck(bundled.createProcessor())).toBe(await deck(api.createProcessor()))
  })

  it("runs the README's example as written", () => {
    const readme = fs.readFileSync('README.md', 'utf8')
    const example = /The same core is available as a typed API[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)![1]
    expect(example).toContain("from 'chapterdeck'")
    // Run from a folder with the chapter where the README says it is, and the package installed.
    fs.symlinkSync(path.resolve('source'), path.join(work, 'source'))
    fs.mkdirSync(path.join(work, 'node_modules'))
    fs.symlinkSync(process.cwd(), path.join(work, 'node_modules', 'chapterdeck'))
    fs.writeFileSync(path.join(work, 'example.mjs'), example)
    const printed = execFileSync(process.execPath, ['example.mjs'], { cwd: work, encoding: 'utf8' })
    expect(printed).toMatch(/^\d+ slides (1|0\.\d+)\n$/)
    for (const name of ['deck.md', 'index.html', 'slides.pdf']) expect(fs.existsSync(path.join(work, 'dist/the-future-of-kubernetes', name))).toBe(true)
  })
})
