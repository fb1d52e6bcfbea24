import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildChapter, type ChapterResult } from '../src/build.js'
import { createContext, type Context } from '../src/context.js'
import { notesOf } from '../src/serialize/notes.js'
import { readPdf } from './helpers/pdf.js'

// End to end on the seed chapter: real Marp, the build's own Chromium, the PDF read back.
const seed = 'source/the-future-of-kubernetes.md'
let out: string
let result: ChapterResult
let context: Context
let browser: Browser

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-e2e-'))
  context = createContext()
  result = await buildChapter(seed, { out, context })
  browser = await context.browser.get()
})

afterAll(async () => {
  await context?.close()
  fs.rmSync(out, { recursive: true, force: true })
})

const file = (name: string) => path.join(result.outDir, name)

async function openDeck(): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(`file://${file('index.html')}`, { waitUntil: 'load' })
  return { page, requests }
}

describe('build of the seed chapter', () => {
  const original = path.join('..', 'shared', 'seeds', '000_8610f9f1324d0306.txt')
  it.skipIf(!fs.existsSync(original))('keeps the seed byte-identical to the shared original', () => {
    expect(fs.readFileSync(seed).equals(fs.readFileSync(original))).toBe(true)
  })

  it('writes deck.md, index.html, slides.pdf, handout.pdf, notes.md and report.json', () => {
    for (const name of ['deck.md', 'index.html', 'slides.pdf', 'handout.pdf', 'notes.md', 'report.json']) {
      expect(fs.statSync(file(name)).size, name).toBeGreaterThan(100)
    }
    expect(result.error).toBeUndefined()
  })

  it('reports slides, coverage and positioned warnings', () => {
    const report = JSON.parse(fs.readFileSync(file('report.json'), 'utf8'))
    expect(report.slides).toBe(result.deck.children.length)
    expect(report.coverage.ratio).toBeGreaterThanOrEqual(0.995)
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ line: 38, column: 1, ruleId: 'image-path-spaces', severity: 'warning' }),
    )
    expect(report.timings.total).toBeGreaterThan(0)
  })

  it('puts every slide title, its time and its notes in notes.md', () => {
    const notes = fs.readFileSync(file('notes.md'), 'utf8')
    expect(notes).toMatch(/^## 1\. The future of Kubernetes \(~\d+(\.5)? min\)$/m)
    expect(notes).toMatch(new RegExp(`^${result.deck.children.length} slides, ~\\d+ min at 130 spoken words a minute\\.$`, 'm'))
    // Each slide's notes open with its cue lines, then the prose as written.
    expect(notes).toMatch(/^• Kubernetes is undeniably a juggernaut\n• /m)
    expect(notes).toContain('Not only did Kubernetes beat all the other container orchestrators')
    const report = JSON.parse(fs.readFileSync(file('report.json'), 'utf8'))
    expect(report.talkMinutes).toBeGreaterThan(10)
    expect(report.slideList[0].minutes).toBeGreaterThan(0)
  })

  it('prints an A4 handout with each slide beside its notes, verbatim and selectable', async () => {
    const pdf = await readPdf(file('handout.pdf'))
    expect(pdf.pages[0].width).toBeCloseTo(595, 0)
    expect(pdf.pages[0].height).toBeCloseTo(842, 0)
    const text = pdf.pages.map((page) => page.text).join(' ').replace(/\s+/g, ' ')
    expect(text).toContain('Not only did Kubernetes beat all the other container orchestrators, but it is also the de facto solution on public clouds')
    expect(text).toContain('The future of Kubernetes')
    expect(text).toMatch(/~\d+ min · 1 \/ \d+/)
    expect(text).toContain(`1 / ${pdf.pageCount}`)
    for (const slide of result.deck.children.slice(0, 5)) expect(text).toContain(slide.title.map((node) => ('value' in node ? node.value : '')).join(''))
    const links = pdf.pages.flatMap((page) => page.annotations.filter((a) => a.subtype === 'Link').map((a) => a.url))
    expect(links).toContain('https://github.com/kubernetes/kubernetes')
  })

  it('prints one PDF page per slide with an outline, clickable links and notes', async () => {
    const pdf = await readPdf(file('slides.pdf'))
    expect(pdf.pageCount).toBe(result.deck.children.length)
    expect(pdf.pages[0].width / pdf.pages[0].height).toBeCloseTo(16 / 9, 2)
    expect(pdf.outlineTitles).toEqual(expect.arrayContaining(['The future of Kubernetes', 'The Kubernetes momentum', 'Upcoming trends', 'Summary']))
    const links = pdf.pages.flatMap((page) => page.annotations.filter((a) => a.subtype === 'Link').map((a) => a.url))
    expect(links).toContain('https://github.com/kubernetes/kubernetes')
    expect(links).toContain('https://azure.microsoft.com/en-us/services/kubernetes-service/')
    const notePages = pdf.pages.filter((page) => page.annotations.some((a) => a.subtype === 'Text'))
    expect(notePages.length).toBe(result.deck.children.filter((slide) => notesOf(slide).length).length)
    expect(pdf.pages[0].text).toContain('The future of Kubernetes')
  })

  it('shows no raw Markdown for the images with spaces: a placeholder slide instead', () => {
    const deck = fs.readFileSync(file('deck.md'), 'utf8')
    expect(deck).not.toContain('![CNCF maturity levels](images/chapter 16')
    // Beside the text that leads into it, as a drawn placeholder that names what is missing.
    const placeholder = /!\[CNCF maturity levels\]\((assets\/placeholder-\d+\.svg)\)/.exec(deck)
    expect(placeholder).not.toBeNull()
    const svg = fs.readFileSync(file(placeholder![1]), 'utf8')
    expect(svg).toContain('Image not found')
    expect(svg).toContain('images/chapter 16 - cncf maturity')
  })
})

describe('index.html in Chromium', () => {
  it('opens offline: every request stays on the local file system', async () => {
    const { page, requests } = await openDeck()
    await page.close()
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([])
  })

  it('moves between slides with the arrow keys', async () => {
    const { page } = await openDeck()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => location.hash === '#3')
    await page.keyboard.press('ArrowLeft')
    await page.waitForFunction(() => location.hash === '#2')
    await page.close()
  })

  it('opens the presenter view with the current slide notes, next slide and timer', async () => {
    const { page } = await openDeck()
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => location.hash === '#2')
    const opened = new Promise<import('puppeteer-core').Target>((resolve) => browser.once('targetcreated', resolve))
    await page.keyboard.press('p')
    const target = await opened
    expect(target.url()).toContain('view=presenter')
    const presenter = (await target.page())!
    await presenter.waitForSelector('.bespoke-marp-presenter-note-container')
    const expected = notesOf(result.deck.children[1])[0].slice(0, 40)
    await presenter.waitForFunction(
      (text) => (document.querySelector('.bespoke-marp-presenter-note-container') as HTMLElement).innerText.includes(text),
      {},
      expected,
    )
    expect(await presenter.$('.bespoke-marp-presenter-next')).not.toBeNull()
    expect(await presenter.$('.bespoke-marp-presenter-info-timer')).not.toBeNull()
    await presenter.close()
    await page.close()
  })

  it('keeps the chapter links as real links', async () => {
    const { page } = await openDeck()
    const hrefs = await page.$$eval('section a[href]', (anchors) => anchors.map((a) => a.getAttribute('href')))
    await page.close()
    expect(hrefs).toContain('https://github.com/kubernetes/kubernetes')
    expect(hrefs).toContain('https://cncf.io')
    expect(hrefs.every((href) => !href?.startsWith('(('))).toBe(true)
  })

  it('lays out every slide inside 1280×720 (no overflow) with the bundled fonts', async () => {
    const { page } = await openDeck()
    const { over, families } = await page.evaluate(async () => {
      await document.fonts.ready
      const sections = [...document.querySelectorAll('svg > foreignObject > section')] as HTMLElement[]
      const overflowing = sections.filter((section) => section.scrollHeight > section.clientHeight + 2).length
      const loaded = [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family)
      return { over: overflowing, families: [...new Set(loaded)] }
    })
    await page.close()
    expect(over).toBe(0)
    expect(families.join(',')).toContain('Source Sans 3')
  })
})
