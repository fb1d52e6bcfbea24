import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { ChapterdeckMarp, marpShared } from '../../src/render/marp-engine.js'
import { listThemes, loadTheme } from '../../src/render/theme.js'

describe('themes', () => {
  it('ships chapterdeck with its embedded fonts, imported first, kept apart from the CSS Marp parses', () => {
    const theme = loadTheme('chapterdeck')
    expect(theme.name).toBe('chapterdeck')
    expect(theme.files.map((file) => file.split('/').pop())).toEqual(['chapterdeck-fonts.css', 'chapterdeck.css'])
    expect(theme.css[0]).toBe('/* @theme chapterdeck-fonts */')
    expect(theme.fonts).toContain("font-family: 'Source Sans 3'")
    expect(theme.bundled).toBe(true)
    expect(listThemes()).toEqual(['chapterdeck', 'default', 'gaia', 'uncover'])
  })

  it("wraps Marp's built-in themes with fonts from npm, keeping their names, sizes and auto-scaling", () => {
    const families = { default: 'Noto Sans', gaia: 'Lato', uncover: 'Noto Sans' }
    for (const [name, family] of Object.entries(families)) {
      const theme = loadTheme(name)
      expect(theme.name).toBe(name)
      expect(theme.fonts).toContain(`font-family: '${family}'`)
      const marp = new ChapterdeckMarp({}, marpShared())
      for (const css of theme.css) marp.themeSet.add(css)
      const { html, css } = marp.render(`---\ntheme: ${name}\n---\n\n# Title\n\n\`\`\`js\nconst x = 1\n\`\`\`\n`)
      expect(css).toContain(`'${family}'`)
      expect(css).not.toMatch(/@import|https?:\/\/fonts/)
      expect(html).toContain('is="marp-pre"')
      expect(html).toContain('viewBox="0 0 1280 720"')
    }
  })

  it("keeps the generated themes identical to the installed @fontsource packages and Marp's own themes", () => {
    expect(execFileSync(process.execPath, ['scripts/embed-fonts.mjs', '--check'], { encoding: 'utf8' })).toContain('up to date')
  })

  it('sets body text at 28px or more and code at 16px or more', () => {
    const css = loadTheme('chapterdeck').css[1]
    expect(Number(/section \{[^}]*font-size: (\d+)px/.exec(css)?.[1])).toBeGreaterThanOrEqual(28)
    expect(Number(/section\.dense pre[^{]*\{[^}]*font-size: (\d+)px/.exec(css)?.[1] ?? 16)).toBeGreaterThanOrEqual(16)
  })

  it('names a missing theme and what to use instead', () => {
    expect(() => loadTheme('nope')).toThrow(/Theme "nope" not found .*use one of: chapterdeck, default, gaia, uncover/)
  })
})
