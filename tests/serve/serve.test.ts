import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serve, type Server } from '../../src/serve/serve.js'
import { browserScratch } from '../helpers/scratch.js'

// serve in a real browser: the index lists the chapter, and saving the chapter reloads the page.
// The decks are viewed in the build's own browser: one per test file.
const scratch = browserScratch('chapterdeck-serve-')
let server: Server
const chapter = () => path.join(scratch.dir, 'talk.md')

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** The status of a GET of `target` exactly as written: fetch would normalize the path first. */
function rawStatus(target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url)
    http.get({ host: '127.0.0.1', port, path: target }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    }).on('error', reject)
  })
}

beforeAll(async () => {
  fs.writeFileSync(chapter(), '# Live talk\n\nFirst version of the lead. More.\n\n## Point\n\nThe original point.\n')
  fs.writeFileSync(path.join(scratch.dir, 'secret.txt'), 'not to be served')
  server = await serve([chapter()], { port: await freePort(), out: path.join(scratch.dir, 'dist') }, scratch.context)
})

afterAll(async () => {
  await server?.close()
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
  })

  it('answers a malformed or escaping path with 400 or 404, and keeps serving', async () => {
    expect(await rawStatus('/%')).toBe(400)
    expect(await rawStatus('/talk/%E0%A4%A')).toBe(400)
    for (const escaping of ['/../secret.txt', '/%2e%2e/secret.txt', '/talk/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%2e%2e/%2e%2e/etc/passwd']) {
      expect(await rawStatus(escaping), escaping).toBe(404)
    }
    expect(await rawStatus('/talk/slides.pdf')).toBe(200)
  })

  it('reloads an open deck when its chapter is saved', async () => {
    const page = await (await scratch.context.browser.get()).newPage()
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
    await expect(serve([chapter()], { port, out: path.join(scratch.dir, 'other') }, scratch.context)).rejects.toThrow(`Port ${port} is already in use`)
  })
})
