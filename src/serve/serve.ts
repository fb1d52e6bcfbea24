import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'
import type { Context } from '../context.js'
import { ChapterdeckError, ExitCode } from '../errors.js'
import { watchBook, type WatchOptions } from '../watch.js'

export interface ServeOptions extends WatchOptions {
  port?: number
}

export interface Server {
  url: string
  close: () => Promise<void>
}

// Injected into served pages: reload when their chapter was rebuilt. The book page ('*')
// reloads on any rebuild.
const reloadScript = (slug: string) =>
  `<script>{const live=new EventSource('/__reload');live.onopen=()=>{document.documentElement.dataset.liveReload='on'};live.onmessage=(e)=>{if(${JSON.stringify(slug)}==='*'||e.data===${JSON.stringify(slug)})location.reload()}}</script>`

/**
 * Serves the built decks on 127.0.0.1, with the book page at /, and watches the book (see
 * watch.ts): a chapter rebuilt reloads the pages showing it. Static files come from sirv;
 * decks and the book page get the reload script.
 */
export async function serve(chapters: string[], options: ServeOptions, context: Context): Promise<Server> {
  const out = path.resolve(context.cwd, options.out ?? 'dist')
  const clients = new Set<http.ServerResponse>()
  const notify = (slug: string) => {
    for (const client of clients) client.write(`data: ${slug}\n\n`)
  }
  const server = http.createServer(handler(out, clients))
  const port = await listen(server, options.port ?? 8080)
  const watcher = await watchBook(chapters, {
    ...options,
    onEvent: (event) => {
      if (event.type === 'done' && event.result) notify(event.entry.slug)
      options.onEvent?.(event)
    },
    onBuilt: (result) => {
      notify('*')
      options.onBuilt?.(result)
    },
  }, context)
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await watcher.close()
      for (const client of clients) client.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function handler(out: string, clients: Set<http.ServerResponse>): http.RequestListener {
  const files = sirv(out, { dev: true, dotfiles: false })
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    let pathname: string
    try {
      pathname = decodeURIComponent(url.pathname)
    } catch {
      return void answer(response, 400, 'Bad request: the path is not valid percent-encoding')
    }
    if (pathname === '/__reload') return void events(request, response, clients)
    // A deck (or the book page), with the reload script: only files of the output folder.
    const page = /^\/(?:([^/]+)\/)?(?:index\.html)?$/.exec(pathname)
    if (page && (!page[1] || /^[^/\\]+$/.test(page[1]))) {
      const file = path.join(out, page[1] ?? '', 'index.html')
      if (path.dirname(file) === out || path.dirname(path.dirname(file)) === out) {
        if (fs.existsSync(file)) return void html(response, fs.readFileSync(file, 'utf8').replace('</body>', `${reloadScript(page[1] ?? '*')}</body>`))
      }
    }
    files(request, response, () => answer(response, 404, 'Not found'))
  }
}

function events(request: http.IncomingMessage, response: http.ServerResponse, clients: Set<http.ServerResponse>): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
  response.write(': connected\n\n')
  clients.add(response)
  request.on('close', () => clients.delete(response))
}

function html(response: http.ServerResponse, body: string): void {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  response.end(body)
}

function answer(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  response.end(text)
}

/** Listens on 127.0.0.1; a taken port is said at once, before any building. */
async function listen(server: http.Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new ChapterdeckError(`Port ${port} is already in use; pass --port with another number`, { code: ExitCode.environment }) : error),
    )
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  return typeof address === 'object' && address ? address.port : port
}
