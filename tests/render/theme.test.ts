import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { listThemes, loadTheme } from '../../src/render/theme.js'

describe('themes', () => {
  it('ships chapterdeck with its embedded fonts, imported first', () => {
    const theme = loadTheme('chapterdeck')
    expect(theme.name).toBe('chapterdeck')
    expect(theme.files.map((file) => file.split('/').pop())).toEqual(['chapterdeck-fonts.css', 'chapterdeck.css'])
    expect(theme.css[0]).toContain("font-family: 'Source Sans 3'")
    expect(listThemes()).toEqual(['chapterdeck'])
  })

  it('keeps the embedded fonts identical to the @fontsource packages', () => {
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
