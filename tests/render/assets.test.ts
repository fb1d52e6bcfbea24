import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildChapter } from '../../src/build.js'
import { readPdf } from '../helpers/pdf.js'
import { browserScratch } from '../helpers/scratch.js'

// Images, math and emoji through the real renderers: copied, shown, and never fetched.
const scratch = browserScratch('chapterdeck-assets-')

describe('local images', () => {
  it('are copied beside the deck and shown in index.html and slides.pdf', async () => {
    const result = await buildChapter('tests/fixtures/figure/input.md', { out: scratch.dir, context: scratch.context, formats: ['html', 'pdf'] })
    expect(fs.existsSync(path.join(result.outDir, 'assets/square.png'))).toBe(true)
    const page = await (await scratch.context.browser.get()).newPage()
    await page.goto(`file://${path.join(result.outDir, 'index.html')}`, { waitUntil: 'load' })
    const images = await page.$$eval('section img', (list) => list.map((img) => ({ src: img.getAttribute('src'), ok: img.complete && img.naturalWidth > 0 })))
    await page.close()
    expect(images).toEqual([{ src: 'assets/square.png', ok: true }])

    const pdf = await readPdf(path.join(result.outDir, 'slides.pdf'))
    // The figure stands beside the text around it (the split layout).
    const figurePage = result.deck.children.findIndex((slide) => slide.classes?.includes('split'))
    expect(figurePage).toBeGreaterThan(0)
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(path.join(result.outDir, 'slides.pdf'))), verbosity: 0 }).promise
    const ops = await (await doc.getPage(figurePage + 1)).getOperatorList()
    await doc.destroy()
    expect(ops.fnArray).toContain(pdfjs.OPS.paintImageXObject)
    expect(pdf.pages[figurePage + 1].text).toContain('Image not found')
  })
})

describe('math and emoji', () => {
  it('render offline: MathJax SVG, Unicode emoji, literal shortcodes, no network request', async () => {
    const result = await buildChapter('tests/fixtures/math-emoji/input.md', { out: scratch.dir, context: scratch.context, formats: ['html'] })
    const page = await (await scratch.context.browser.get()).newPage()
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(`file://${path.join(result.outDir, 'index.html')}`, { waitUntil: 'load' })
    const { math, text } = await page.evaluate(() => ({
      math: document.querySelectorAll('section mjx-container svg, section svg[role="img"]').length,
      text: [...document.querySelectorAll('section')].map((section) => section.textContent).join('\n'),
    }))
    await page.close()
    expect(math).toBeGreaterThanOrEqual(2)
    expect(text).toContain('🚀')
    // Shortcodes stay words: any Marp would fetch their twemoji images from a CDN.
    expect(text).toMatch(/:\u200bsmile:/)
    expect(requests.filter((url) => !/^(file|data):/.test(url))).toEqual([])
  })
})

describe('images outside the chapter folder', () => {
  it('are never copied: ../ escapes, absolute paths and symlinks out become placeholders', async () => {
    const chapterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-escape-'))
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-secret-'))
    fs.writeFileSync(path.join(outside, 'secret.png'), 'not for the deck')
    fs.symlinkSync(path.join(outside, 'secret.png'), path.join(chapterDir, 'link.png'))
    const relativeOut = path.relative(chapterDir, path.join(outside, 'secret.png'))
    fs.writeFileSync(
      path.join(chapterDir, 'ch.md'),
      `# Escape\n\n## One\n\n![up](${relativeOut})\n\n## Two\n\n![abs](/etc/passwd)\n\n## Three\n\n![link](link.png)\n`,
    )
    const result = await buildChapter(path.join(chapterDir, 'ch.md'), { out: scratch.dir, context: scratch.context, formats: ['md'] })
    expect(result.messages.filter((m) => m.ruleId === 'image-outside').map((m) => m.line)).toEqual([5, 9, 13])
    expect(fs.existsSync(path.join(result.outDir, 'assets'))).toBe(false)
    const outputs = fs.readdirSync(result.outDir, { recursive: true, encoding: 'utf8' })
    expect(outputs.some((name) => /secret|passwd|link/.test(name))).toBe(false)
    // With --assets, that folder is allowed too, and only that one.
    fs.writeFileSync(path.join(outside, 'shared.png'), fs.readFileSync('tests/fixtures/figure/square.png'))
    fs.writeFileSync(path.join(chapterDir, 'shared.md'), '# Shared\n\n## Fig\n\n![shared](shared.png)\n\n## Other\n\n![abs](/etc/passwd)\n')
    const shared = await buildChapter(path.join(chapterDir, 'shared.md'), { out: scratch.dir, context: scratch.context, formats: ['md'], assets: outside })
    expect(fs.existsSync(path.join(shared.outDir, 'assets/shared.png'))).toBe(true)
    expect(shared.messages.filter((m) => m.ruleId === 'image-outside').map((m) => m.line)).toEqual([9])
    fs.rmSync(chapterDir, { recursive: true, force: true })
    fs.rmSync(outside, { recursive: true, force: true })
  })
})

describe('opt-in exports', () => {
  it('writes pptx with notes, one png per slide, and a social-preview png of the title slide', async () => {
    const result = await buildChapter('tests/fixtures/directive-notes/input.md', { out: scratch.dir, context: scratch.context, formats: ['pptx', 'png'], verify: false })
    const pptx = fs.readFileSync(path.join(result.outDir, 'deck.pptx'))
    expect(pptx.subarray(0, 2).toString()).toBe('PK')
    // Zip entry names sit uncompressed in the central directory.
    const names = pptx.toString('latin1')
    expect(names).toContain(`ppt/slides/slide${result.deck.children.length}.xml`)
    expect(names).toContain('ppt/notesSlides/notesSlide')
    const pngs = fs.readdirSync(path.join(result.outDir, 'slides')).filter((name) => name.endsWith('.png'))
    expect(pngs).toHaveLength(result.deck.children.length)
    const social = fs.readFileSync(path.join(result.outDir, 'social.png'))
    expect(social.readUInt32BE(16)).toBe(1280)
    expect(social.readUInt32BE(20)).toBe(720)
  })
})

describe('scripts beyond Latin', () => {
  it('embeds the font chunks a Japanese, Korean, Arabic or emoji deck needs, so no glyph is missing', async () => {
    const chapterDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-scripts-'))
    fs.writeFileSync(path.join(chapterDir, 'ja.md'), '# 所有権とは？\n\n所有権はRustの中心的な機能です。説明は簡単です。\n\n## 한국어와 العربية\n\n- 안녕하세요 세계\n- مرحبا بالعالم\n- Ship it 🚀\n')
    const result = await buildChapter(path.join(chapterDir, 'ja.md'), { out: scratch.dir, context: scratch.context, formats: ['html'] })
    const page = await (await scratch.context.browser.get()).newPage()
    await page.goto(`file://${path.join(result.outDir, 'index.html')}`, { waitUntil: 'load' })
    // Each script's text resolves to an embedded face that loads (from its data URI).
    const loaded = await page.evaluate(async () => {
      const probes: [string, string][] = [['Noto Sans JP', '所有権'], ['Noto Sans KR', '안녕'], ['Noto Sans Arabic', 'مرحبا'], ['Noto Emoji', '🚀']]
      const out: Record<string, number> = {}
      for (const [family, text] of probes) out[family] = (await document.fonts.load(`28px '${family}'`, text)).filter((face) => face.status === 'loaded').length
      return out
    })
    await page.close()
    fs.rmSync(chapterDir, { recursive: true, force: true })
    expect(loaded['Noto Sans JP']).toBeGreaterThan(0)
    expect(loaded['Noto Sans KR']).toBeGreaterThan(0)
    expect(loaded['Noto Sans Arabic']).toBeGreaterThan(0)
    expect(loaded['Noto Emoji']).toBeGreaterThan(0)
  })
})
