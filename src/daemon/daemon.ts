import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import net from 'node:net'
import { BrowserSession } from '../browser/launch.js'
import type { Output } from '../cli.js'
import { forgetRenders } from '../render/render.js'
import { collectGarbage } from '../util/memory.js'
import { onMessages, sendMessage, type ClientMessage, type DaemonMessage } from './protocol.js'

/** Where a build runs when the daemon runs it: the daemon's browser, and Ctrl-C from its command. */
export interface DaemonContext {
  session: BrowserSession
  signals: EventEmitter
}

/** What the daemon runs for a build request: the CLI's main, in this process. */
export type Runner = (argv: string[], io: Output, context: DaemonContext) => Promise<number>

// How long the daemon rests before it collects its heap: an author rebuilding while editing
// keeps the JIT's work; an idle daemon still returns the memory.
const collectAfterMs = 30_000

/**
 * The build daemon: a process that keeps Chromium and Marp running, and its code compiled,
 * between builds, so a rebuild costs only the chapters that changed. Builds run one at a
 * time; a build asked for while another runs is refused (its command builds on its own).
 * It stops after `idleMs` without a build, when asked to, or after an interrupted build.
 */
export async function runDaemon(socket: string, run: Runner, { idleMs }: { idleMs: number }): Promise<void> {
  const session = { current: new BrowserSession() }
  const started = Date.now()
  let builds = 0
  let busy = false
  let idle: NodeJS.Timeout | undefined
  let sweep: NodeJS.Timeout | undefined
  const server = net.createServer()
  // The socket's path can be a newer daemon's by the time this one stops (see below).
  let own: number | undefined
  const replaced = () => ![undefined, own].includes(fs.statSync(socket, { throwIfNoEntry: false })?.ino)
  const stop = async () => {
    // Closing a server removes the file at its path, whoever's it is now.
    if (!replaced()) server.close()
    await session.current.close()
    process.exit(0)
  }
  // Unless a build follows at once: blanking the pages takes a moment, and frees the last
  // build's documents in Chromium. The heap is collected only once the daemon has rested a while:
  // after a forced collection the next book build took half a second longer.
  const rest = () => {
    clearTimeout(idle)
    idle = setTimeout(() => void stop(), idleMs)
    sweep = setTimeout(() => {
      session.current.blankPages().catch(() => undefined)
      sweep = setTimeout(collectGarbage, collectAfterMs)
    }, 1000)
  }

  server.on('connection', (connection) => {
    const send = (message: DaemonMessage) => sendMessage(connection, message)
    const signals = new EventEmitter()
    let building = false
    // A command that goes away (Ctrl-C, a closed terminal) interrupts its build.
    connection.on('close', () => {
      if (building) signals.emit('SIGINT')
    })
    connection.on('error', () => undefined)
    onMessages<ClientMessage>(connection, (message) => {
      if (message.type === 'interrupt') signals.emit('SIGINT')
      else if (message.type === 'status') send({ type: 'status', pid: process.pid, builds, since: started, busy })
      else if (message.type === 'stop') {
        send({ type: 'exit', code: 0 })
        connection.end()
        void stop()
      } else if (busy) send({ type: 'busy' })
      else {
        busy = building = true
        clearTimeout(idle)
        clearTimeout(sweep)
        void build(message, send, signals).finally(() => {
          busy = building = false
          builds += 1
          connection.end()
          // Waiting for the next build, the daemon keeps its browser and code, not this build's
          // decks: their renders go now, their garbage and pages a second later (see rest).
          forgetRenders()
          rest()
        })
      }
    })
  })

  const build = async (request: Extract<ClientMessage, { type: 'build' }>, send: (message: DaemonMessage) => void, signals: EventEmitter) => {
    // A browser that crashed or was closed since the last build is started again.
    if (session.current.started && !(await session.current.get().then((browser) => browser.connected, () => false))) {
      await session.current.close()
      session.current = new BrowserSession()
    }
    const io: Output = {
      out: (text) => send({ type: 'out', text }),
      err: (text) => send({ type: 'err', text }),
      color: request.color,
      live: request.live ? liveStream(request.live, (data) => send({ type: 'live', data })) : undefined,
    }
    let code = 1
    try {
      process.chdir(request.cwd)
      code = await run(request.argv, io, { session: session.current, signals })
    } catch (error) {
      io.err(`chapterdeck: build daemon: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      send({ type: 'exit', code })
      process.chdir('/')
    }
  }

  await listen(server, socket)
  // However it ends (an interrupted build exits at once), its socket goes; its log stays if
  // something was written to it. A daemon that stops while its browser closes can be
  // replaced meanwhile: the socket and log at that path are then the new daemon's.
  own = fs.statSync(socket).ino
  process.on('exit', () => {
    if (replaced()) return
    fs.rmSync(socket, { force: true })
    const log = socket.replace(/\.sock$/, '.log')
    if (fs.statSync(log, { throwIfNoEntry: false })?.size === 0) fs.rmSync(log, { force: true })
  })
  rest()
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop())
}

/** Listens on the socket, taking over one left by a daemon that died, never a live one. */
async function listen(server: net.Server, socket: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(socket, () => {
          server.off('error', reject)
          resolve()
        })
      })
      fs.chmodSync(socket, 0o600)
      return
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt > 0) throw error
      const alive = await new Promise<boolean>((resolve) => {
        const probe = net.connect(socket, () => {
          probe.destroy()
          resolve(true)
        })
        probe.on('error', () => resolve(false))
      })
      if (alive) throw new Error('another build daemon already answers on this socket')
      fs.rmSync(socket, { force: true })
    }
  }
}

/** A stand-in for the command's terminal: what the live display writes goes to the command. */
function liveStream(size: { columns: number; rows: number }, write: (data: string) => void): NodeJS.WriteStream {
  const stream = new EventEmitter() as unknown as NodeJS.WriteStream & { isTTY: boolean }
  Object.assign(stream, {
    isTTY: true,
    columns: size.columns,
    rows: size.rows,
    write: (chunk: string | Uint8Array) => {
      write(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
      return true
    },
  })
  return stream
}
