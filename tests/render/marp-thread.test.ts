import fs from 'node:fs'
import path from 'node:path'
import { Marp } from '@marp-team/marp-core'
import { describe, expect, it, vi } from 'vitest'
import { ChapterdeckMarp, marpShared } from '../../src/render/marp-engine.js'
import { engineOptions } from '../../src/render/engine-options.js'
import { renderDeck } from '../../src/render/render.js'
import { loadTheme } from '../../src/render/theme.js'
import { browserScratch } from '../helpers/scratch.js'

const deck = '---\nmarp: true\ntheme: chapterdeck\n---\n\n# Title\n\n---\n\n## A slide\n\n- one\n- two\n\n```js\nconst x = 1\n```\n'
const scratch = browserScratch('chapterdeck-marp-')

describe("chapterdeck's Marp engine", () => {
  it('renders exactly as Marp does, with one highlight.js for all engines, highlighting each code block once', () => {
    const code = `const answer = ${Date.now()}\nconsole.log(answer)`
    const source = `# Code\n\n\`\`\`js\n${code}\n\`\`\`\n\n---\n\n\`\`\`text\nplain ${code}\n\`\`\`\n`
    const shared = marpShared()
    const engines = [new ChapterdeckMarp({}, shared), new ChapterdeckMarp({}, shared)]
    expect(engines[0].highlightjs).toBe(engines[1].highlightjs)
    const highlight = vi.spyOn(engines[0].highlightjs, 'highlight')
    const expected = new Marp(engineOptions).render(source)
    for (const engine of [engines[0], engines[0], engines[1]]) expect(engine.render(source)).toEqual(expected)
    // js and text each highlighted once, in the first render only.
    expect(highlight.mock.calls.length).toBe(2)
  })
})

describe('Marp in its worker thread', () => {
  it('renders exactly what Marp renders in this thread, once per deck, theme set and options', async () => {
    const { css: themes } = loadTheme('chapterdeck')
    const direct = new ChapterdeckMarp({}, marpShared())
    for (const css of themes) direct.themeSet.add(css)
    const first = renderDeck(scratch.context, deck, themes)
    expect(await first).toEqual({ html: direct.render(deck).html, css: direct.render(deck).css })
    expect(renderDeck(scratch.context, deck, themes)).toBe(first)
    expect(renderDeck(scratch.context, deck, themes, { math: false })).not.toBe(first)
  })

  it('renders without math when asked, as a Marp without math support shows deck.md (its formulas as TeX)', async () => {
    const math = `${deck}\n$$\nx^2\n$$\n`
    expect((await renderDeck(scratch.context, math, [])).html).toContain('<mjx-container')
    const plain = (await renderDeck(scratch.context, math, [], { math: false })).html
    expect(plain).not.toContain('<mjx-container')
    expect(plain).toContain('x^2')
  })

  it('starts a new thread after an idle one was stopped', async () => {
    await renderDeck(scratch.context, `${deck}\nbefore\n`, [])
    await scratch.context.marp.stop()
    expect((await renderDeck(scratch.context, `${deck}\nafter stop\n`, [])).html).toContain('after stop')
  })

  it("gives back the deck marp-cli rendered for index.html, through marp-cli's engine option: those slides and that CSS are in the file", async () => {
    const markdownFile = path.join(scratch.dir, 'deck.md')
    fs.writeFileSync(markdownFile, deck.replace('## A slide', '## A slide rendered once'))
    const outputFile = path.join(scratch.dir, 'index.html')
    const themeFiles = loadTheme('chapterdeck').files
    const rendered = await scratch.context.marp.runCli({ markdownFile, outputFile, themeFiles })
    const written = fs.readFileSync(outputFile, 'utf8')
    expect(rendered?.html).toContain('A slide rendered once')
    expect(rendered?.html.match(/<section\b/g)?.length).toBe(2)
    expect(written).toContain(rendered!.html)
    expect(written).toContain(rendered!.css)
  })
})
