import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fontCodePoints } from '../../src/render/woff2-cmap.js'

const require = createRequire(import.meta.url)
const fontsource = (pkg: string) => path.dirname(require.resolve(`@fontsource/${pkg}/package.json`))
const has = (ranges: [number, number][], char: string) => ranges.some(([from, to]) => char.codePointAt(0)! >= from && char.codePointAt(0)! <= to)

describe('WOFF2 cmap', () => {
  it('reads the characters a font has glyphs for, in order', () => {
    const latin = fontCodePoints(path.join(fontsource('source-sans-3'), 'files', 'source-sans-3-latin-400-normal.woff2'))
    expect(has(latin, 'A')).toBe(true)
    expect(has(latin, 'é')).toBe(true)
    expect(has(latin, '한')).toBe(false)
    expect(latin.every(([from, to], index) => from <= to && (index === 0 || latin[index - 1][1] < from))).toBe(true)
  })

  it('tells a chunk’s glyphs from the characters its unicode-range lists', () => {
    // Noto Sans SC's chunks list Hangul syllables in their unicode-range without glyphs for them.
    const dir = fontsource('noto-sans-sc')
    const css = fs.readFileSync(path.join(dir, '400.css'), 'utf8')
    const chunk = [...css.matchAll(/url\(\.\/files\/([^)]+\.woff2)\)[\s\S]*?unicode-range:\s*([^;]+);/g)].find(([, , ranges]) =>
      ranges.split(',').some((range) => {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16))
        return 0xd55c >= from && 0xd55c <= (to ?? from)
      }),
    )
    expect(chunk).toBeDefined()
    const glyphs = fontCodePoints(path.join(dir, 'files', chunk![1]))
    expect(glyphs.length).toBeGreaterThan(0)
    expect(has(glyphs, '한')).toBe(false)
  })

  it('refuses a file that is no WOFF2 font', () => {
    expect(() => fontCodePoints(path.resolve('package.json'))).toThrow(/not a WOFF2 font/)
  })
})
