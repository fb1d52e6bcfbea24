import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/render/engine.js'
import { runMarpCli } from '../../src/render/html.js'
import { stopMarp } from '../../src/render/marp-thread.js'
import { forgetRenders, renderDeck } from '../../src/render/render.js'
import { loadTheme } from '../../src/render/theme.js'

const deck = '---\nmarp: true\ntheme: chapterdeck\n---\n\n# Title\n\n---\n\n## A slide\n\n- one\n- two\n\n```js\nconst x = 1\n```\n'

describe('Marp in its worker thread', () => {
  it('renders exactly what Marp renders in this thread', async () => {
    const themes = loadTheme('chapterdeck').css
    const direct = createEngine(themes).render(deck)
    const threaded = await renderDeck(deck, themes)
    expect(threaded.html).toBe(direct.html)
    expect(threaded.css).toBe(direct.css)
    expect(threaded.html).toContain('<h2')
  })

  it('renders a deck once per theme set and options', async () => {
    const themes = loadTheme('chapterdeck').css
    const first = renderDeck(`${deck}\nonce\n`, themes)
    expect(renderDeck(`${deck}\nonce\n`, themes)).toBe(first)
    expect(renderDeck(`${deck}\nonce\n`, themes, { math: false })).not.toBe(first)
    // A build daemon lets every render go between builds.
    await first
    forgetRenders()
    const again = renderDeck(`${deck}\nonce\n`, themes)
    expect(again).not.toBe(first)
    expect((await again).html).toBe((await first).html)
  })

  it('starts a new thread after an idle one was stopped', async () => {
    await renderDeck(`${deck}\nbefore\n`, [])
    await stopMarp()
    const after = await renderDeck(`${deck}\nafter stop\n`, [])
    expect(after.html).toContain('after stop')
  })
})

describe('marp-cli in the Marp thread', () => {
  it('gives back the deck it rendered for index.html: those slides and that CSS are in the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-cli-'))
    try {
      const markdownFile = path.join(dir, 'deck.md')
      fs.writeFileSync(markdownFile, deck.replace('## A slide', '## A slide rendered once'))
      const outputFile = path.join(dir, 'index.html')
      const rendered = await runMarpCli({ markdownFile, outputFile, themeFiles: loadTheme('chapterdeck').files, workDir: dir })
      const written = fs.readFileSync(outputFile, 'utf8')
      expect(rendered?.html).toContain('A slide rendered once')
      expect(rendered?.html.match(/<section\b/g)?.length).toBe(2)
      expect(written).toContain(rendered!.html)
      expect(written).toContain(rendered!.css)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
