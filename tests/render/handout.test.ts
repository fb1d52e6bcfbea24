import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildChapter } from '../../src/build.js'
import { cssString, marginBoxes, splitNotes } from '../../src/render/handout.js'
import { formatMinutes, slideMinutes } from '../../src/render/timing.js'
import { readPdf } from '../helpers/pdf.js'
import { processMarkdown } from '../helpers/process.js'
import { browserScratch } from '../helpers/scratch.js'

const scratch = browserScratch('chapterdeck-handout-')

/** Text runs of a PDF: page, text, height, baseline and the embedded font's name. */
async function textItems(file: string) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  const items = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    await page.getOperatorList()
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue
      items.push({ page: n, str: item.str, height: item.height, y: Math.round(item.transform[5]), font: String(page.commonObjs.get(item.fontName)?.name) })
    }
  }
  await doc.destroy()
  return items
}

describe('handout layouts', () => {
  for (const [layout, perPage] of [['2up', 2], ['3up', 3], ['6up', 6]] as const) {
    it(`${layout} puts ${perPage} slides on a page, on letter paper when asked`, async () => {
      const result = await buildChapter('source/the-future-of-kubernetes.md', {
        out: path.join(scratch.dir, layout),
        formats: ['handout'],
        handoutLayout: layout,
        paper: 'letter',
        context: scratch.context,
        verify: false,
      })
      const pdf = await readPdf(path.join(result.outDir, 'handout.pdf'))
      expect(pdf.pageCount).toBe(Math.ceil(result.deck.children.length / perPage))
      expect(pdf.pages[0].width).toBeCloseTo(612, 0)
      expect(pdf.pages[0].height).toBeCloseTo(792, 0)
    })
  }

  it('prints the render index.html showed, every slide in its slot with its links', async () => {
    // Verified beside index.html, the handout reuses marp-cli's render, whose container is not div.marpit.
    const result = await buildChapter('source/the-future-of-kubernetes.md', { out: path.join(scratch.dir, 'shown'), formats: ['html', 'handout'], handoutLayout: '6up', context: scratch.context })
    const pdf = await readPdf(path.join(result.outDir, 'handout.pdf'))
    expect(pdf.pageCount).toBe(Math.ceil(result.deck.children.length / 6))
    const links = pdf.pages.flatMap((page) => page.annotations.map((annotation) => String(annotation.url ?? '')))
    expect(links).toContain('https://github.com/kubernetes/kubernetes')
    expect(pdf.pages[0].text).toContain('The future of Kubernetes')
  })

  it('shows each slide as slides.pdf does: handout styles stay off the slides', async () => {
    const chapter = path.join(scratch.dir, 'quote.md')
    fs.writeFileSync(chapter, '# Quotes\n\n## A quote\n\n> A quoted line stays on the slide as written.\n\nThe speaker says more about it here.\n')
    const result = await buildChapter(chapter, { out: path.join(scratch.dir, 'quote-out'), formats: ['pdf', 'handout'], context: scratch.context, verify: false })
    // Slide text keeps its size relative to the slide title (the notes are 10 pt paragraphs).
    const ratio = async (name: string) => {
      const items = await textItems(path.join(result.outDir, name))
      // The largest run of each text: the slide title, not its entry on the agenda or a label.
      const size = (text: string) => Math.max(...items.filter((item) => item.str.trim() === text).map((item) => item.height))
      return size('A quoted line stays on the slide as written.') / size('A quote')
    }
    expect(await ratio('handout.pdf')).toBeCloseTo(await ratio('slides.pdf'), 1)
  })

  it('sets the running header in the fonts of the chapter script, not boxes', async () => {
    const chapter = path.join(scratch.dir, 'ja.md')
    fs.writeFileSync(chapter, '# 所有権とは？\n\n## 所有権規則\n\nRustの各値は、所有者と呼ばれる変数と対応している。\n')
    const result = await buildChapter(chapter, { out: path.join(scratch.dir, 'ja-out'), formats: ['handout'], context: scratch.context, verify: false })
    const items = await textItems(path.join(result.outDir, 'handout.pdf'))
    const first = items.filter((item) => item.page === 1)
    const top = Math.max(...first.map((item) => item.y))
    const header = first.filter((item) => item.y === top && /\p{Script=Han}/u.test(item.str))
    expect(header.map((item) => item.str).join('')).toContain('所有')
    for (const item of header) expect(item.font).toMatch(/NotoSansJP/)
  })

  it('cuts a title too long for the header short, and sets a right-to-left title apart from the time', async () => {
    const long = `A ${'very '.repeat(30)}long title`
    fs.writeFileSync(path.join(scratch.dir, 'long.md'), `---\ntitle: ${long}\n---\n\n# Long\n\n## One\n\nSome text.\n`)
    fs.writeFileSync(path.join(scratch.dir, 'ar.md'), '---\nlang: ar\n---\n\n# مستقبل كوبرنيتس\n\n## مقدمة\n\nهذا نص قصير عن المستقبل.\n')
    const header = async (name: string) => {
      const result = await buildChapter(path.join(scratch.dir, name), { out: path.join(scratch.dir, 'header-out'), formats: ['handout'], context: scratch.context, verify: false })
      const first = (await textItems(path.join(result.outDir, 'handout.pdf'))).filter((item) => item.page === 1)
      // The header's runs: on the top line, give or take the baselines of different fonts.
      const top = Math.max(...first.map((item) => item.y))
      return first.filter((item) => item.y >= top - 4).map((item) => item.str).join(' ')
    }
    const cut = await header('long.md')
    expect(cut).toContain('…')
    expect(cut).not.toContain('long title')
    expect(cut).toMatch(/1 \/ 1/)
    // In a box of its own, the time reads "~1 min" whatever the title's direction.
    expect(await header('ar.md')).toMatch(/~\d+ min/)
  })

  it('quotes a header title safely for CSS, and knows which Chromium draws margin boxes', () => {
    const quoted = cssString('Say "hi" \\ then\n</style><script>')
    expect(quoted).toBe('"Say \\"hi\\" \\\\ then \\3c /style>\\3c script>"')
    expect(marginBoxes('HeadlessChrome/147.0.7727.0')).toBe(true)
    expect(marginBoxes('HeadlessChrome/120.0.6099.0')).toBe(false)
  })

  it('keeps long notes whole: what does not fit beside the slide flows on below', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence ${i} of a long note.`).join(' ')
    const [beside, below] = splitNotes(['Short first.', long], 520)
    expect(beside[0]).toBe('Short first.')
    expect([beside.slice(1).join(' '), ...below].join(' ')).toBe(long)
    expect(beside.join(' ').length).toBeLessThanOrEqual(520)
  })
})

describe('talk timing', () => {
  it('estimates 130 spoken words a minute with a floor per slide', async () => {
    const words = Array.from({ length: 260 }, () => 'word').join(' ')
    const { deck } = await processMarkdown(`# T\n\n## Long\n\n${words}.\n\n## Short\n\nOne line.\n`)
    const [long, short] = deck.children.filter((slide) => slide.kind === 'content')
    expect(slideMinutes(long)).toBeCloseTo(2, 1)
    expect(slideMinutes(short)).toBe(0.5)
    expect(formatMinutes(2)).toBe('~2 min')
    expect(formatMinutes(0.1)).toBe('~0.5 min')
    expect(formatMinutes(27.6)).toBe('~28 min')
  })
})
