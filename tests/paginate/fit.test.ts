import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildChapter, checkChapter } from '../../src/build.js'
import { fitDeck } from '../../src/paginate/fit.js'
import { deckToMarkdown } from '../../src/serialize/serialize.js'
import { processMarkdown } from '../helpers/process.js'
import { linkFonts } from '../../src/render/linked-fonts.js'
import { loadTheme } from '../../src/render/theme.js'
import { measurePortable, overflows } from '../../src/verify/measure.js'
import { browserScratch } from '../helpers/scratch.js'

// Chapters no size budget gets right: only measuring in the browser can guarantee the fit.
const wideTable = [
  `| ${Array.from({ length: 16 }, (_, i) => `Column ${i + 1}`).join(' | ')} |`,
  `| ${Array.from({ length: 16 }, () => '---').join(' | ')} |`,
  ...Array.from({ length: 40 }, (_, r) => `| ${Array.from({ length: 16 }, (_, c) => `r${r}c${c} value`).join(' | ')} |`),
].join('\n')
const deepList = Array.from({ length: 10 }, (_, depth) => `${'  '.repeat(depth)}- Level ${depth + 1} item with a few words`).join('\n')
const longList = Array.from({ length: 60 }, (_, i) => `- List entry number ${i + 1}`).join('\n')
const code = Array.from({ length: 120 }, (_, i) => (i % 10 === 0 ? `const line${i} = "${'x'.repeat(300)}"` : `const line${i} = compute(${i})`)).join('\n')
const cjk = '所有权是 Rust 最为与众不同的特性，它让 Rust 无需垃圾回收即可保障内存安全。'.repeat(12)
const url = `https://example.com/${'segment/'.repeat(50)}end`
const stress = `# Stress test

## Wide table

${wideTable}

## Deep list

${deepList}

## Long list

${longList}

## Long code

\`\`\`js
${code}
\`\`\`

## CJK and Arabic

${cjk}

النص العربي يكتب من اليمين إلى اليسار ويجب أن يظهر كاملا على الشريحة دون أن يقطع. 🚀

## A long URL

See ${url} for details.

${'A wall of prose without any heading that goes on and on. '.repeat(40)}
`

const scratch = browserScratch('chapterdeck-fit-')
beforeAll(() => {
  fs.writeFileSync(path.join(scratch.dir, 'stress.md'), stress)
})

async function overflowingSlides(deckFile: string, theme: string): Promise<number[]> {
  const markdown = fs.readFileSync(deckFile, 'utf8')
  // As plain Marp shows it with the theme (and the fonts the theme brings), without the script fonts a build adds.
  const { css, fonts } = loadTheme(theme)
  const measures = await measurePortable(scratch.context, markdown, css, path.dirname(deckFile), { themeFontsCss: linkFonts(fonts, scratch.context.linkedFonts) })
  return measures.flatMap((measure, index) => (overflows(measure) ? [index + 1] : []))
}

describe('browser-verified pagination', () => {
  for (const theme of ['chapterdeck', 'default', 'gaia', 'uncover']) {
    it(`leaves no slide overflowing on hostile layouts (${theme})`, async () => {
      const result = await buildChapter(path.join(scratch.dir, 'stress.md'), { out: path.join(scratch.dir, `out-${theme}`), formats: ['md'], theme, context: scratch.context })
      expect(result.fit?.overflowing).toEqual([])
      expect(await overflowingSlides(path.join(result.outDir, 'deck.md'), theme)).toEqual([])
      expect(result.coverage.ratio).toBeGreaterThanOrEqual(0.995)
      const rules = result.messages.map((message) => message.ruleId)
      expect(rules).toContain('list-depth')
      expect(result.messages.filter((message) => message.fatal)).toEqual([])
    })
  }

  it('keeps ordered numbering, repeated table headers and continuation titles', async () => {
    const result = await buildChapter(path.join(scratch.dir, 'stress.md'), { out: path.join(scratch.dir, 'out-structure'), formats: ['md'], context: scratch.context })
    const deck = fs.readFileSync(path.join(result.outDir, 'deck.md'), 'utf8')
    expect(deck).toMatch(/## Wide table \(2\/\d+\)/)
    expect(deck.match(/\| Column 1 +\|/g)?.length).toBeGreaterThan(1)
    expect(deck).toMatch(/## Long list \(2\/\d+\)/)
  })

  it('measures the deck as the pipeline wrote it, serializing again only after a fix', async () => {
    const { file, deck, markdown } = await processMarkdown('# Fits\n\n## One\n\nShort text.\n')
    const measured: string[] = []
    let serialized = 0
    const fitted = await fitDeck(deck, file, {
      markdown,
      serialize: (changed) => (serialized++, deckToMarkdown(changed)),
      measure: async (md) => (measured.push(md), deck.children.map(() => ({ over: 0, overX: 0, room: 500, used: 100 }))),
    })
    expect(measured).toEqual([markdown])
    expect(serialized).toBe(0)
    expect(fitted.markdown).toBe(markdown)
  })

  it('keeps every paragraph of a list item it replaces by a short stand-in in the notes', async () => {
    const code = Array.from({ length: 60 }, (_, i) => `    var module${i} = (function one(){ return ${i} })();`).join('\n')
    const item = `2. If you're using a bundler in your build process, all the files are typically concatenated together before delivery to the browser and JS engine, which then only processes one big file.\n\n    In some approaches, the entire contents of the file are wrapped in a single enclosing scope, so each piece can register itself for access by other pieces.\n\n    \`\`\`js\n${code}\n    \`\`\`\n\n    As shown, the moduleOne and moduleTwo local variables are declared so that these modules can access each other.`
    fs.writeFileSync(path.join(scratch.dir, 'items.md'), `# Items\n\n## Ways\n\nThere are 3 main ways:\n\n1. If you're exclusively using ES modules, then these files are loaded individually by the JS environment.\n\n${item}\n\n3. Whether a bundler is used or not, the global scope is the only way for them to cooperate.\n`)
    const result = await checkChapter(path.join(scratch.dir, 'items.md'), { context: scratch.context })
    expect(result.messages.filter((message) => message.ruleId === 'sentence-lost').map(String)).toEqual([])
    expect(result.coverage.ratio).toBe(1)
  })

  it('reports a word no slide can show as an error with its position', async () => {
    fs.writeFileSync(path.join(scratch.dir, 'impossible.md'), `# Impossible\n\n## A slide\n\n${'x'.repeat(2000)}\n`)
    const result = await checkChapter(path.join(scratch.dir, 'impossible.md'), { context: scratch.context })
    const errors = result.messages.filter((message) => message.fatal)
    expect(errors.map((message) => [message.ruleId, message.line, message.column])).toEqual([['word-too-long', 5, 1]])
    expect(result.fit?.overflowing).toEqual([])
  })
})
