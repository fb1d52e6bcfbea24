import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildChapter } from '../src/build.js'
import { isChapterdeckError } from '../src/errors.js'
import { processMarkdown } from './helpers/process.js'

// Mangled real chapters, a few hundred with a fixed seed: every one gives a deck or a clear error.
const corpusDir = path.join('..', 'shared', 'corpus')
const sources = [
  'source/the-future-of-kubernetes.md',
  ...(fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((name) => name.endsWith('.md')).map((name) => path.join(corpusDir, name)) : []),
  ...fs.readdirSync('tests/fixtures').map((name) => path.join('tests/fixtures', name, 'input.md')),
].filter((file) => fs.existsSync(file))

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = mulberry32(20261124)
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
const mutations: ((text: string) => string)[] = [
  (text) => text.slice(0, Math.floor(random() * text.length)),
  (text) => text.slice(Math.floor(random() * text.length)),
  (text) => text.split('\n').sort(() => random() - 0.5).join('\n'),
  (text) => text.split('\n').flatMap((line) => (random() < 0.2 ? [line, line] : [line])).join('\n'),
  (text) => {
    const at = Math.floor(random() * text.length)
    const junk = Array.from({ length: 1 + Math.floor(random() * 40) }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('')
    return text.slice(0, at) + junk + text.slice(at)
  },
  (text) => `${'> '.repeat(60)}${text.slice(0, 2000)}`,
  (text) => `${Array.from({ length: 80 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n')}\n\n${text.slice(0, 3000)}`,
  (text) => text.replace(/\n/g, '\r\n'),
  (text) => `\ufeff${text}`,
  (text) => text.replace(/[#*`$[\]()<>!-]/g, () => pick(['#', '*', '`', '$', '[', ']', '(', ')', '<', '>', '!', '-', '$$', '```', '<!--', '-->'])),
  (text) => `${'$$\n'.repeat(3)}${text}${'\n:::'.repeat(5)}`,
]

const cases = Array.from({ length: 300 }, (_, index) => {
  const source = sources[index % sources.length]
  const text = fs.readFileSync(source, 'utf8')
  const mutate = pick(mutations)
  return { name: `${index}: ${path.basename(source)}`, text: mutate(random() < 0.3 ? mutate(text) : text) }
})

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-fuzz-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe('fuzz', () => {
  it(`turns ${cases.length} mangled chapters into decks without crashing or hanging`, async () => {
    for (const { name, text } of cases) {
      const { deck, markdown } = await processMarkdown(text, {}, 'fuzz.md')
      expect(deck.children.length, name).toBeGreaterThanOrEqual(1)
      expect(markdown.startsWith('---\nmarp: true'), name).toBe(true)
    }
  }, 600_000)

  it('gives a deck or a one-line error for raw bytes, through the file reader', async () => {
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(random() * 4000) }, () => Math.floor(random() * 256)))
      const file = path.join(work, `bytes-${i}.md`)
      fs.writeFileSync(file, i % 2 ? bytes : Buffer.concat([Buffer.from('# Title\n\nText.\n'), bytes.filter((b) => b !== 0)]))
      try {
        const result = await buildChapter(file, { out: path.join(work, 'out'), formats: ['md'], verify: false })
        expect(result.deck.children.length).toBeGreaterThanOrEqual(1)
      } catch (error) {
        expect(isChapterdeckError(error), String(error)).toBe(true)
        expect((error as Error).message.split('\n')).toHaveLength(1)
        expect((error as Error).message).toContain(file)
      }
    }
  }, 300_000)
})
