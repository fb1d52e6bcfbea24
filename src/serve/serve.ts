import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { watch } from 'chokidar'
import type { VFileMessage } from 'vfile-message'
import { BrowserSession } from '../browser/launch.js'
import { bookPage, entryOf } from '../book.js'
import { buildChapter, type BuildOptions, type ChapterResult } from '../build.js'
import { ChapterdeckError, ExitCode } from '../errors.js'
import { defaultFormats } from '../formats.js'
import { themesDir } from '../render/theme.js'

export interface ServeOptions extends Omit<BuildOptions, 'browser' | 'formats'> {
  chapters: string[]
  port?: number
  /** Called for every line worth showing in the terminal. */
  log?: (line: string) => void
  onMessages?: (messages: VFileMessage[]) => void
}

export interface Server {
  url: string
  close: () => Promise<void>
}

// Injected into served decks: reload when their chapter was rebuilt.
// The index page ('*') reloads on any rebuild.
const reloadScript = (slug: string) =>
  `<script>{const live=new EventSource('/__reload');live.onopen=()=>{document.documentElement.dataset.liveReload='on'};live.onmessage=(e)=>{if(${JSON.stringify(slug)}==='*'||e.data===${JSON.stringify(slug)})location.reload()}}</script>`

/**
 * Serves the built decks on 127.0.0.1 with an index page, rebuilds a chapter when it (or a
 * theme) is saved, and reloads the pages showing it. The HTML is rebuilt first so the page
 * reloads fast; the PDFs follow.
 */
export async function serve(options: ServeOptions): Promise<Server> {
  const log = options.log ?? (() => undefined)
  const out = path.resolve(options.out ?? 'dist')
  const session = new BrowserSession()
  const results = new Map<string, ChapterResult>()
  const clients = new Set<http.ServerResponse>()
  const notify = (slug: string) => {
    for (const client of clients) client.write(`data: ${slug}\n\n`)
  }
  let queue = Promise.resolve()
  const rebuild = (chapter: string) => {
    queue = queue.then(async () => {
      try {
        // First the HTML, unmeasured, so the page reloads at once; then the verified build with
        // the PDFs, which reloads the page again only if measuring changed the deck.
        const started = performance.now()
        const quick = await buildChapter(chapter, { ...options, out, browser: session, formats: ['md', 'html'], verify: false })
        notify(quick.slug)
        const quickMs = Math.round(performance.now() - started)
        const deck = fs.readFileSync(path.join(quick.outDir, 'deck.md'), 'utf8')
        const full = await buildChapter(chapter, { ...options, out, browser: session, formats: defaultFormats })
        results.set(chapter, full)
        options.onMessages?.(full.messages)
        if (fs.readFileSync(path.join(full.outDir, 'deck.md'), 'utf8') !== deck) notify(full.slug)
        log(`rebuilt ${chapter}: ${full.deck.children.length} slides, HTML in ${quickMs} ms, all outputs in ${Math.round(performance.now() - started)} ms`)
        if (full.error) log(`chapterdeck: ${full.error.message}`)
      } catch (error) {
        log(`chapterdeck: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
      }
    })
    return queue
  }

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/__reload') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
      response.write(': connected\n\n')
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      // Links in the book page are relative to the output root, which this server serves at /.
      response.end(bookPage(options.chapters.flatMap((chapter) => (results.has(chapter) ? [entryOf(chapter, results.get(chapter)!, 0)] : []))).replace('</body>', `${reloadScript('*')}</body>`))
      return
    }
    const file = path.join(out, decodeURIComponent(url.pathname))
    if (!file.startsWith(out + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('Not found')
      return
    }
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream'
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' })
    if (path.basename(file) === 'index.html') {
      const slug = path.basename(path.dirname(file))
      response.end(fs.readFileSync(file, 'utf8').replace('</body>', `${reloadScript(slug)}</body>`))
    } else fs.createReadStream(file).pipe(response)
  })

  const port = options.port ?? 8080
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new ChapterdeckError(`Port ${port} is already in use; pass --port with another number`, { code: ExitCode.environment })
          : error,
      ),
    )
    server.listen(port, '127.0.0.1', () => resolve())
  }).catch(async (error) => {
    await session.close()
    throw error
  })

  // Listening first: a taken port is reported at once, before any building.
  for (const chapter of options.chapters) await rebuild(chapter)

  const watcher = watch([...options.chapters, themesDir, ...options.chapters.map((chapter) => path.dirname(chapter))], { ignoreInitial: true, ignored: (p) => path.resolve(p).startsWith(out) })
  // Resolving only once watching has begun: an edit made right after serve() is not missed.
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  watcher.on('all', (event, changed) => {
    if (event !== 'change' && event !== 'add') return
    const resolved = path.resolve(changed)
    const chapter = options.chapters.find((item) => path.resolve(item) === resolved)
    if (chapter) return void rebuild(chapter)
    if (resolved.startsWith(themesDir) || !resolved.endsWith('.md')) {
      // A theme or an image: rebuild the chapters it can touch.
      for (const item of options.chapters) if (resolved.startsWith(themesDir) || resolved.startsWith(path.resolve(path.dirname(item)))) void rebuild(item)
    }
  })

  const address = server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`
  return {
    url,
    close: async () => {
      await watcher.close()
      for (const client of clients) client.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await queue
      await session.close()
    },
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
}
