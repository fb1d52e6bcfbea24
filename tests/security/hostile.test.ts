import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildChapter } from '../../src/build.js'
import { browserScratch } from '../helpers/scratch.js'

// A chapter written to attack its reader: nothing of it may run, restyle or load in the deck.
const hostile = `---
title: Hostile
theme: gaia
class: invert
style: "section { display: none }"
---

# Hostile chapter

Lead sentence. More.

## Scripts

<script>window.__pwned = 'script'</script>

<style>section { background: red !important; display: none !important }</style>

<iframe src="https://example.com/frame"></iframe>

An inline attack <img src="x" onerror="window.__pwned='img'"> inside prose, and <b onclick="window.__pwned='b'">bold</b>.

<div onmouseover="window.__pwned='div'">A div with a handler.</div>

## Links

A [javascript link](javascript:window.__pwned='link') and an [ok link](https://example.com/).

<a href="javascript:window.__pwned='a'">raw anchor</a>

![data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

## Directives in prose

<!-- class: invert -->

theme: gaia

A note that closes a comment --> and opens one <!-- here.
`

const scratch = browserScratch('chapterdeck-hostile-')
beforeAll(() => {
  fs.writeFileSync(path.join(scratch.dir, 'hostile.md'), hostile)
})

describe('hostile input', () => {
  it('runs no script, adds no iframe, changes no style, and keeps no handler or javascript: URL', async () => {
    const result = await buildChapter(path.join(scratch.dir, 'hostile.md'), { out: path.join(scratch.dir, 'dist'), formats: ['html'], context: scratch.context })
    const html = fs.readFileSync(path.join(result.outDir, 'index.html'), 'utf8')
    expect(html).not.toMatch(/onerror=|onclick=|onmouseover=|javascript:/i)
    expect(html).not.toContain('__pwned')
    const deck = fs.readFileSync(path.join(result.outDir, 'deck.md'), 'utf8')
    expect(deck).toMatch(/^theme: chapterdeck$/m)
    expect(deck).not.toMatch(/^(class|style): /m)

    const page = await (await scratch.context.browser.get()).newPage()
    const dialogs: string[] = []
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message())
      await dialog.dismiss()
    })
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(`file://${path.join(result.outDir, 'index.html')}`, { waitUntil: 'load' })
    for (let i = 0; i < result.deck.children.length; i++) await page.keyboard.press('ArrowRight')
    await page.hover('body')
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: string }).__pwned ?? null,
      iframes: document.querySelectorAll('iframe').length,
      chapterStyles: [...document.querySelectorAll('section style')].length,
      hidden: [...document.querySelectorAll('svg > foreignObject > section')].filter((s) => getComputedStyle(s).display === 'none').length,
      red: [...document.querySelectorAll('svg > foreignObject > section')].filter((s) => getComputedStyle(s).backgroundColor === 'rgb(255, 0, 0)').length,
      inverted: document.querySelectorAll('section.invert').length,
      text: [...document.querySelectorAll('svg > foreignObject > section')].map((s) => s.textContent).join(' '),
    }))
    await page.close()
    expect(state).toMatchObject({ pwned: null, iframes: 0, chapterStyles: 0, hidden: 0, red: 0, inverted: 0 })
    expect(dialogs).toEqual([])
    expect(requests.filter((url) => !/^(file|data):/.test(url))).toEqual([])
    expect(state.text).toMatch(/inline attack/i)
    expect(state.text).toContain('javascript link')
    const rules = new Set(result.messages.map((message) => message.ruleId))
    for (const rule of ['html-unsafe', 'url-unsafe']) expect(rules).toContain(rule)
  })
})
