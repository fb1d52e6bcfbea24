import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LRUCache } from 'lru-cache'
import { linkFonts } from '../../src/render/linked-fonts.js'

describe('linkFonts', () => {
  const cache = new LRUCache<string, string>({ max: 4 })
  const bytes = Buffer.from(`not really a font ${process.pid} ${Date.now()}`)
  const css = `@font-face{font-family:x;src:url(data:font/woff2;base64,${bytes.toString('base64')}) format('woff2')}`
  const fileOf = (linked: string) => fileURLToPath(/url\((file:[^)]+)\)/.exec(linked)![1])

  it('links an embedded font as a file with the same bytes', () => {
    const linked = linkFonts(css, cache)
    expect(linked).not.toContain('base64')
    expect(fs.readFileSync(fileOf(linked))).toEqual(bytes)
  })

  it('writes the file again when a temporary-folder cleaner removed it (a watching process lives long)', () => {
    const first = linkFonts(css, cache)
    fs.rmSync(fileOf(first))
    const again = linkFonts(css, cache)
    expect(again).toBe(first)
    expect(fs.readFileSync(fileOf(again))).toEqual(bytes)
  })
})
