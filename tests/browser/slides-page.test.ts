import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../../src/browser/pages.js'
import { onSlidesPage, slidesDocument } from '../../src/browser/slides-page.js'
import { renderDeck } from '../../src/render/render.js'
import { linkFonts } from '../../src/render/linked-fonts.js'
import { loadTheme } from '../../src/render/theme.js'
import { measureSlides } from '../../src/verify/measure.js'
import { browserScratch } from '../helpers/scratch.js'

const scratch = browserScratch('chapterdeck-slides-page-')
const theme = loadTheme('chapterdeck')
// Marp's CSS for the theme, with the theme's fonts linked beside it, as a build shows slides.
const withFonts = <T extends { css: string }>(rendered: T) => ({ ...rendered, css: rendered.css + linkFonts(theme.fonts, scratch.context.linkedFonts) })

describe('onSlidesPage', () => {
  it('puts a deck with the same style sheet in place of the one shown, laid out as a fresh page lays it out', async () => {
    const pool = await scratch.context.browser.pool()
    // Two chapters' folders; the second deck's image is a relative path into its own.
    const first = path.join(scratch.dir, 'first')
    const second = path.join(scratch.dir, 'second')
    fs.mkdirSync(first)
    fs.mkdirSync(second)
    fs.copyFileSync('tests/fixtures/figure/square.png', path.join(second, 'square.png'))
    const a = withFonts(await renderDeck(scratch.context, '# One\n\n- a point\n\n---\n\n## Two\n\ntext', theme.css))
    const b = withFonts(await renderDeck(scratch.context, '# Three\n\n![a square](square.png)\n\n---\n\n## Four\n\n- more\n- points', theme.css))
    expect(b.css).toBe(a.css)

    const shown = await onSlidesPage(pool, first, { ...a, lang: 'en' }, async (page) => ({ page, url: page.url() }))
    const swapped = await onSlidesPage(pool, second, { ...b, lang: 'de' }, async (page) => ({
      page,
      url: page.url(),
      lang: await page.evaluate(() => document.documentElement.lang),
      image: await page.evaluate(() => ({ width: document.images[0]?.naturalWidth, src: document.images[0]?.currentSrc })),
      measures: await page.evaluate(measureSlides),
    }))
    // The same page and document: no new navigation.
    expect(swapped.page).toBe(shown.page)
    expect(swapped.url).toBe(shown.url)
    expect(swapped.lang).toBe('de')
    expect(swapped.image.width).toBeGreaterThan(0)
    expect(swapped.image.src).toContain('/second/square.png')

    // A page of its own, the document loaded fresh, measures the slides alike.
    const fresh = await pool.browser.newPage()
    try {
      await fresh.setViewport({ width: 1280, height: 720 })
      await loadDocument(fresh, second, slidesDocument(b.html, b.css, 'de'), 'print')
      expect(await fresh.evaluate(measureSlides)).toEqual(swapped.measures)
    } finally {
      await fresh.close()
    }
  })

  it('loads a new document for a deck whose style sheet differs', async () => {
    const pool = await scratch.context.browser.pool()
    const a = withFonts(await renderDeck(scratch.context, '# One\n\ntext', theme.css))
    const b = withFonts(await renderDeck(scratch.context, '# Two\n\ntext', theme.css))
    const first = await onSlidesPage(pool, scratch.dir, { ...a, lang: 'en' }, async (page) => ({ page, url: page.url() }))
    const second = await onSlidesPage(pool, scratch.dir, { ...b, css: `${b.css}\nbody{background-color:rgb(18, 52, 86)}`, lang: 'en' }, async (page) => ({
      page,
      url: page.url(),
      color: await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    }))
    expect(second.page).toBe(first.page)
    expect(second.url).not.toBe(first.url)
    expect(second.color).toBe('rgb(18, 52, 86)')
  })

  it("loads a new document for slides that Marp's script changes as a page loads (an auto-scaling theme's code)", async () => {
    const pool = await scratch.context.browser.pool()
    const defaultCss = loadTheme('default').css
    const a = await renderDeck(scratch.context, '# One\n\ntext', defaultCss)
    const b = await renderDeck(scratch.context, '# Two\n\n```js\nconst x = 1\n```', defaultCss)
    expect(b.css).toBe(a.css)
    expect(b.html).toContain('<pre is="marp-pre"')
    const first = await onSlidesPage(pool, scratch.dir, { ...a, lang: 'en' }, async (page) => ({ page, url: page.url() }))
    const second = await onSlidesPage(pool, scratch.dir, { ...b, lang: 'en' }, async (page) => ({
      page,
      url: page.url(),
      code: await page.evaluate(() => document.querySelector('section code')?.parentElement?.localName),
    }))
    expect(second.page).toBe(first.page)
    expect(second.url).not.toBe(first.url)
    // As index.html shows it, with Marp's script run.
    expect(second.code).toBe('marp-pre')
  })

  it('lays out auto-scaling slides as Marp scales them on a page in the background too', async () => {
    const pool = await scratch.context.browser.pool()
    const defaultCss = loadTheme('default').css
    const deck = await renderDeck(scratch.context, `---\ntheme: default\n---\n\n## Code\n\n\`\`\`js\nconst a = "${'x'.repeat(300)}"\n\`\`\`\n`, defaultCss)
    // Pages opened after the pool's put them in the background.
    const front = await Promise.all([pool.browser.newPage(), pool.browser.newPage()])
    try {
      const measures = await onSlidesPage(pool, scratch.dir, { ...deck, lang: 'en' }, (page) => page.evaluate(measureSlides))
      expect(measures.map((slide) => slide.overX)).toEqual([0])
    } finally {
      await Promise.all(front.map((page) => page.close()))
    }
  })
})
