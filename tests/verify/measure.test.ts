import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadDocument } from '../../src/browser/pages.js'
import { slidesDocument } from '../../src/browser/slides-page.js'
import { renderDeck } from '../../src/render/render.js'
import { linkFonts } from '../../src/render/linked-fonts.js'
import { loadTheme } from '../../src/render/theme.js'
import { measureSlides } from '../../src/verify/measure.js'
import { browserScratch } from '../helpers/scratch.js'

const scratch = browserScratch('chapterdeck-measure-')

describe('slide measurement', () => {
  // Slides are laid out for print media, as slides.pdf is printed from the measured page; the
  // quality tool and the HTML deck lay them out for the screen. The theme must not tell them apart.
  it.each(['real-world', 'code-and-table', 'math-emoji'])('measures %s the same for print as for the screen', async (fixture) => {
    const markdown = fs.readFileSync(`tests/fixtures/${fixture}/deck.md`, 'utf8')
    const theme = loadTheme('chapterdeck')
    const { html, css } = await renderDeck(scratch.context, markdown, theme.css)
    const content = slidesDocument(html, css + linkFonts(theme.fonts, scratch.context.linkedFonts), 'en')
    const pool = await scratch.context.browser.pool()
    const measure = (media?: 'print') =>
      pool.use(async (page) => {
        await page.setViewport({ width: 1280, height: 720 })
        await loadDocument(page, scratch.dir, content, media)
        return page.evaluate(measureSlides)
      })
    const screen = await measure()
    const print = await measure('print')
    expect(screen.length).toBe(html.match(/<section\b/g)?.length)
    expect(screen.some((slide) => slide.used > 0)).toBe(true)
    expect(print).toEqual(screen)
  })
})
