import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBook } from '../src/book.js'

let work: string
const chapter = (name: string) => path.join(work, 'book', name)
const options = () => ({ out: path.join(work, 'dist'), formats: ['md' as const, 'notes' as const], verify: false })

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-book-'))
  fs.mkdirSync(path.join(work, 'book'))
  fs.writeFileSync(chapter('one.md'), '# One\n\nFirst chapter. More.\n\n## A\n\n![Fig](fig.png)\n')
  fs.writeFileSync(chapter('two.md'), '# Two\n\nSecond chapter. More.\n\n## B\n\nText.\n')
  fs.writeFileSync(chapter('fig.png'), Buffer.from('89504e470d0a1a0a', 'hex'))
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe('book builds', () => {
  it('builds every chapter and writes a book page linking each one', async () => {
    const { entries, failures } = await buildBook([chapter('one.md'), chapter('two.md')], options())
    expect(failures).toEqual([])
    expect(entries.map((entry) => [entry.slug, entry.cached])).toEqual([['one', false], ['two', false]])
    const page = fs.readFileSync(path.join(work, 'dist', 'index.html'), 'utf8')
    expect(page).toContain('href="one/notes.md"')
    expect(page).toContain('href="two/notes.md"')
    expect(page).toMatch(/2 chapters, \d+ slides, ~\d+(\.5)? min of talk/)
  })

  it('skips unchanged chapters, and rebuilds what changed: the text, an image, the options', async () => {
    expect((await buildBook([chapter('one.md'), chapter('two.md')], options())).entries.map((entry) => entry.cached)).toEqual([true, true])
    fs.appendFileSync(chapter('two.md'), '\nOne more line.\n')
    expect((await buildBook([chapter('one.md'), chapter('two.md')], options())).entries.map((entry) => entry.cached)).toEqual([true, false])
    fs.writeFileSync(chapter('fig.png'), Buffer.from('89504e470d0a1a0b', 'hex'))
    expect((await buildBook([chapter('one.md'), chapter('two.md')], options())).entries.map((entry) => entry.cached)).toEqual([false, true])
    expect((await buildBook([chapter('one.md')], { ...options(), slideLevel: 1 })).entries[0].cached).toBe(false)
    expect((await buildBook([chapter('one.md'), chapter('two.md')], { ...options(), noCache: true })).entries.map((entry) => entry.cached)).toEqual([false, false])
  })

  it('starts the largest chapter first, and lists the chapters in their own order', async () => {
    fs.writeFileSync(chapter('short.md'), '# Short\n\nA short one.\n')
    fs.writeFileSync(chapter('long.md'), `# Long\n\n${'A longer chapter, with more to say. '.repeat(80)}\n`)
    const started: string[] = []
    const { entries } = await buildBook([chapter('short.md'), chapter('one.md'), chapter('long.md')], {
      ...options(),
      noCache: true,
      concurrency: 1,
      onEvent: (event) => {
        if (event.type === 'start') started.push(path.basename(event.chapter))
      },
    })
    expect(started).toEqual(['long.md', 'one.md', 'short.md'])
    expect(entries.map((entry) => entry.slug)).toEqual(['short', 'one', 'long'])
  })
})
