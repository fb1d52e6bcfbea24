#!/usr/bin/env node
// Makes docs/slides.png for the README: a grid of real slides from a built deck.
// usage: node scripts/readme-picture.mjs [dist/<slug>/index.html] [slide numbers…]
import fs from 'node:fs'
import path from 'node:path'
import { BrowserSession } from '../lib/browser/launch.js'

const [deck = 'dist/the-future-of-kubernetes/index.html', ...numbers] = process.argv.slice(2)
const wanted = (numbers.length ? numbers : ['1', '2', '5', '8', '10', '20']).map(Number)
const session = new BrowserSession()
try {
  const browser = await session.get()
  const page = await browser.newPage()
  await page.setViewport({ width: 1280, height: 720 })
  const shots = []
  for (const n of wanted) {
    await page.goto(`file://${path.resolve(deck)}#${n}`, { waitUntil: 'load' })
    // The on-screen controller appears on load; a README picture shows the slide alone.
    await page.addStyleTag({ content: '.bespoke-marp-osc { display: none !important }' })
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    await new Promise((resolve) => setTimeout(resolve, 300))
    shots.push((await page.screenshot({ encoding: 'base64' })).toString())
  }
  const grid = `<body style="margin:0;padding:16px;background:#c9ced8;display:grid;grid-template-columns:repeat(3,1fr);gap:16px">${shots
    .map((shot) => `<img style="width:100%;box-shadow:0 2px 8px #0004" src="data:image/png;base64,${shot}">`)
    .join('')}</body>`
  await page.setViewport({ width: 1500, height: 600 })
  await page.setContent(grid, { waitUntil: 'load' })
  fs.mkdirSync('docs', { recursive: true })
  await page.screenshot({ path: 'docs/slides.png', fullPage: true })
  console.log('wrote docs/slides.png')
} finally {
  await session.close()
}
