import { describe, expect, it } from 'vitest'
import { FontCatalog, scriptFaces } from '../../src/render/script-fonts.js'
import { fontCodePoints } from '../../src/render/woff2-cmap.js'
import { processMarkdown } from '../helpers/process.js'

const families = (faces: { family: string }[]) => [...new Set(faces.map((face) => face.family))].sort()
const drawnBy = (faces: { file: string }[], char: string) =>
  faces.some((face) => fontCodePoints(face.file).some(([from, to]) => char.codePointAt(0)! >= from && char.codePointAt(0)! <= to))

const fonts = new FontCatalog()

describe('script fonts', () => {
  it('gives a Japanese deck Japanese chunks only, though Chinese and Korean ones list the same characters', async () => {
    const { deck } = await processMarkdown('# 所有権とは？\n\n## 所有権の規則\n\n所有権はRustの中心的な機能です。説明は簡単です。\n')
    const faces = scriptFaces(deck, fonts)
    expect(families(faces)).toEqual(['Noto Sans JP'])
    for (const char of '所有権とは規則') expect(drawnBy(faces, char)).toBe(true)
  })

  it('draws Hangul from the Korean font, not from a Chinese chunk whose range lists it without glyphs', async () => {
    const { deck } = await processMarkdown('# Translations\n\n## Languages\n\n- 한국어 — github.com/example/102\n- Deutsch\n')
    const faces = scriptFaces(deck, fonts)
    expect(families(faces)).toEqual(['Noto Sans KR'])
    for (const char of '한국어') expect(drawnBy(faces, char)).toBe(true)
  })

  it('puts Chinese first for a Chinese deck', async () => {
    const { deck } = await processMarkdown('---\nlang: zh\n---\n\n# 如何参与贡献\n\n## 说明\n\n如何参与贡献。\n')
    expect(families(scriptFaces(deck, fonts))).toEqual(['Noto Sans SC'])
  })

  it('draws Devanagari, in prose and in code, from its own font', async () => {
    const { deck } = await processMarkdown('# Strings\n\n## Scalar values\n\nThe word नमस्ते is stored as bytes.\n\n```rust\nfor c in "नमस्ते".chars() {}\n```\n')
    const faces = scriptFaces(deck, fonts)
    expect(families(faces)).toEqual(['Noto Sans Devanagari'])
    for (const char of 'नमस') expect(drawnBy(faces, char)).toBe(true)
  })

  it('needs none for Latin text', async () => {
    const { deck } = await processMarkdown('# Plain\n\n## Words\n\nOnly Latin here — “quoted”, café.\n')
    expect(scriptFaces(deck, fonts)).toEqual([])
  })
})
