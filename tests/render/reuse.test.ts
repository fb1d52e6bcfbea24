import { Marp } from '@marp-team/marp-core'
import { Theme } from '@marp-team/marpit'
import { describe, expect, it, vi } from 'vitest'
import { engineOptions } from '../../src/render/engine-options.js'
import { reuseAcrossRenders, reuseParsedThemes } from '../../src/render/reuse.js'

describe('work reused across renders', () => {
  it('renders exactly as Marp does, with one highlight.js, highlighting each code block and packing each theme once', () => {
    const code = `const answer = ${Date.now()}\nconsole.log(answer)`
    const deck = `# Code\n\n\`\`\`js\n${code}\n\`\`\`\n\n---\n\n\`\`\`text\nplain ${code}\n\`\`\`\n`
    const engines = [reuseAcrossRenders(new Marp(engineOptions)), reuseAcrossRenders(new Marp(engineOptions))]
    const name = `reuse-${Date.now()}`
    const theme = `/* @theme ${name} */ section { color: #123456; }`
    for (const engine of engines) engine.themeSet.add(theme)
    // One highlight.js for all engines: its languages are registered and compiled once.
    expect(engines[0].highlightjs).toBe(engines[1].highlightjs)
    const highlight = vi.spyOn(engines[0].highlightjs, 'highlight')
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
    expect(highlight.mock.calls.length).toBe(2)
    expect(packs.reduce((sum, spy) => sum + spy.mock.calls.length, 0)).toBe(1)
    // A deck with a style of its own packs anew.
    expect(engines[1].render(`${themed}\n<style>section { color: red; }</style>\n`).css).toContain('red')
    expect(packs[1].mock.calls.length).toBe(1)
  })

  it('parses each theme once per thread, and renders as before', () => {
    const name = `parsed-${Date.now()}`
    const theme = `/* @theme ${name} */ section { color: #654321; }`
    const deck = `---\ntheme: ${name}\n---\n\n# One\n\n---\n\n# Two\n`
    const before = new Marp(engineOptions)
    before.themeSet.add(theme)
    const expected = before.render(deck)
    reuseParsedThemes()
    const engines = [new Marp(engineOptions), new Marp(engineOptions)]
    const added = engines.map((engine) => engine.themeSet.add(theme))
    // Marp's built-in themes and ours: one object each, shared by both engines.
    expect(added[0]).toBe(added[1])
    expect(engines[0].themeSet.get('gaia')).toBe(engines[1].themeSet.get('gaia'))
    expect(engines[0].themeSet.default).toBe(engines[1].themeSet.default)
    expect(Object.isFrozen(added[0])).toBe(true)
    for (const engine of engines) expect(engine.render(deck)).toEqual(expected)
    // Other parse options parse anew.
    expect(Theme.fromCSS(theme, { cssNesting: true })).not.toBe(Theme.fromCSS(theme))
  })
})
