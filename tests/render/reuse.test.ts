import { Marp } from '@marp-team/marp-core'
import { describe, expect, it, vi } from 'vitest'
import { engineOptions } from '../../src/render/engine-options.js'
import { reuseAcrossRenders } from '../../src/render/reuse.js'

describe('work reused across renders', () => {
  it('renders exactly as Marp does, highlighting each code block and packing each theme once', () => {
    const code = `const answer = ${Date.now()}\nconsole.log(answer)`
    const deck = `# Code\n\n\`\`\`js\n${code}\n\`\`\`\n\n---\n\n\`\`\`text\nplain ${code}\n\`\`\`\n`
    const engines = [reuseAcrossRenders(new Marp(engineOptions)), reuseAcrossRenders(new Marp(engineOptions))]
    const name = `reuse-${Date.now()}`
    const theme = `/* @theme ${name} */ section { color: #123456; }`
    for (const engine of engines) engine.themeSet.add(theme)
    const highlights = engines.map((engine) => vi.spyOn(engine.highlightjs, 'highlight'))
    const packs = engines.map((engine) => vi.spyOn(engine.themeSet, 'pack'))
    const themed = `---\ntheme: ${name}\n---\n\n${deck}`
    const plain = new Marp(engineOptions)
    plain.themeSet.add(theme)
    const expected = plain.render(themed)
    expect(expected.css).toContain('#123456')
    for (const engine of [engines[0], engines[0], engines[1]]) {
      const { html, css } = engine.render(themed)
      expect(html).toBe(expected.html)
      expect(css).toBe(expected.css)
    }
    // js and text each highlighted once, in the first render only; the theme packed once.
    expect(highlights.reduce((sum, spy) => sum + spy.mock.calls.length, 0)).toBe(2)
    expect(packs.reduce((sum, spy) => sum + spy.mock.calls.length, 0)).toBe(1)
    // A deck with a style of its own packs anew.
    expect(engines[1].render(`${themed}\n<style>section { color: red; }</style>\n`).css).toContain('red')
    expect(packs[1].mock.calls.length).toBe(1)
  })
})
