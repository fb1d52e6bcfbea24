import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BrowserSession } from '../../src/browser/launch.js'
import { serve, type Server } from '../../src/serve/serve.js'

// serve in a real browser: the index lists the chapter, and saving the chapter reloads the page.
let work: string
let server: Server
let viewer: BrowserSession
const chapter = () => path.join(work, 'talk.md')

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-serve-'))
  fs.writeFileSync(chapter(), '# Live talk\n\nFirst version of the lead. More.\n\n## Point\n\nThe original point.\n')
  server = await serve({ chapters: [chapter()], port: await freePort(), out: path.join(work, 'dist') })
  viewer = new BrowserSession()
})

afterAll(async () => {
  await viewer?.close()
  await server?.close()
  fs.rmSync(work, { recursive: true, force: true })
})

describe('chapterdeck serve', () => {
  it('answers on 127.0.0.1 with an index linking the deck, handout and slides PDF', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const index = await (await fetch(server.url)).text()
    for (const link of ['talk/index.html', 'talk/handout.pdf', 'talk/slides.pdf']) {
      expect(index).toContain(`href="${link}"`)
      expect((await fetch(new URL(link, server.url))).status).toBe(200)
    }
    expect((await fetch(new URL('/talk/handout.pdf', server.url))).headers.get('content-type')).toBe('application/pdf')
    expect((await fetch(new URL('/%2e%2e/%2e%2e/etc/passwd', server.url))).status).toBe(404)
  })

  it('reloads an open deck when its chapter is saved', async () => {
    const page = await (await viewer.get()).newPage()
    await page.goto(new URL('/talk/index.html', server.url).href, { waitUntil: 'load' })
    await page.waitForFunction(() => document.documentElement.dataset.liveReload === 'on')
    await page.evaluate(() => ((window as unknown as { marker: boolean }).marker = true))
    expect(await page.evaluate(() => document.body.textContent)).toContain('The original point')
    fs.writeFileSync(chapter(), '# Live talk\n\nFirst version of the lead. More.\n\n## Point\n\nAn edited point.\n')
    await page.waitForFunction(() => !(window as unknown as { marker?: boolean }).marker && document.body.textContent?.includes('An edited point'), { timeout: 60_000 })
    await page.close()
  })

  it('says so when the port is taken', async () => {
    const port = Number(new URL(server.url).port)
    await expect(serve({ chapters: [chapter()], port, out: path.join(work, 'other') })).rejects.toThrow(`Port ${port} is already in use`)
  })
})
