import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { ExitCode } from '../errors.js'
import { packageRoot } from '../render/theme.js'
import { daemonSocket, idleSeconds } from './address.js'
import type { Output } from '../cli.js'
import { onMessages, sendMessage, type ClientMessage, type DaemonMessage } from './protocol.js'

/**
 * Runs `chapterdeck <argv>` in the build daemon, starting one if none runs, and shows its
 * output here. Undefined when no daemon could take the build: the command builds on its own.
 */
export async function buildOnDaemon(argv: string[], io: Output, { quiet = false } = {}): Promise<number | undefined> {
  let socket: string
  try {
    socket = daemonSocket()
  } catch {
    return undefined
  }
  let connection = await connect(socket)
  if (!connection) {
    const idle = Number(process.env.CHAPTERDECK_DAEMON_IDLE) > 0 ? Number(process.env.CHAPTERDECK_DAEMON_IDLE) : idleSeconds
    const daemon = startDaemon(socket, idle)
    if (!daemon) return undefined
    // Until it answers, or it has ended (having failed, or found another daemon answering).
    connection = await connect(socket, 15_000, () => daemon.exitCode !== null || daemon.signalCode !== null)
    if (!connection) return undefined
    const unused = idle % 60 ? `${idle} seconds` : `${idle / 60} minute${idle === 60 ? '' : 's'}`
    if (!quiet) io.err(`chapterdeck: started a build daemon, which keeps the browser ready for the next builds (it stops after ${unused} unused; --no-daemon builds without it)`)
  }
  return talk(connection, argv, io)
}

/** Asks a running build daemon for its state, or to stop. Undefined when none runs. */
export async function askDaemon(type: 'status' | 'stop'): Promise<Extract<DaemonMessage, { type: 'status' | 'exit' }> | undefined> {
  const connection = await connect(daemonSocket())
  if (!connection) return undefined
  return new Promise((resolve) => {
    onMessages<Extract<DaemonMessage, { type: 'status' | 'exit' }>>(connection, (message) => {
      resolve(message)
      connection.destroy()
    })
    // A daemon that goes away is not an answer.
    connection.on('error', () => undefined)
    connection.on('close', () => resolve(undefined))
    sendMessage(connection, type === 'stop' ? { type: 'stop' } : { type: 'status' })
  })
}

function talk(connection: net.Socket, argv: string[], io: Output): Promise<number | undefined> {
  const send = (message: ClientMessage) => sendMessage(connection, message)
  let interrupted = false
  const interrupt = () => {
    // A second Ctrl-C does not wait for the daemon to clean up.
    if (interrupted) process.exit(ExitCode.interrupted)
    interrupted = true
    send({ type: 'interrupt' })
  }
  // The live display hides the cursor; however this command ends, the terminal gets it back.
  let live = false
  const showCursor = () => {
    if (live) io.live?.write('\u001B[?25h')
  }
  process.on('SIGINT', interrupt)
  process.on('SIGTERM', interrupt)
  process.on('exit', showCursor)
  return new Promise<number | undefined>((resolve) => {
    let answered = false
    onMessages<DaemonMessage>(connection, (message) => {
      answered = true
      if (message.type === 'out') io.out(message.text)
      else if (message.type === 'err') io.err(message.text)
      else if (message.type === 'live') {
        live = true
        io.live?.write(message.data)
      }
      else if (message.type === 'busy') resolve(undefined)
      else if (message.type === 'exit') resolve(message.code)
    })
    connection.on('error', () => undefined)
    connection.on('close', () => {
      if (interrupted) resolve(ExitCode.interrupted)
      // Nothing happened yet: the command builds on its own.
      else if (!answered) resolve(undefined)
      else {
        io.err('chapterdeck: the build daemon stopped during the build; run the command again, or with --no-daemon')
        resolve(ExitCode.buildFailed)
      }
    })
    send({ type: 'build', argv, cwd: process.cwd(), color: io.color ?? true, live: io.live ? { columns: io.live.columns, rows: io.live.rows } : undefined })
  }).finally(() => {
    process.off('SIGINT', interrupt)
    process.off('SIGTERM', interrupt)
    connection.destroy()
  })
}

/** Connects to the daemon's socket, waiting up to `waitMs` (unless `over`) for one being started. */
async function connect(socket: string, waitMs = 0, over = () => false): Promise<net.Socket | undefined> {
  const until = Date.now() + waitMs
  for (;;) {
    const last = over()
    const connection = await new Promise<net.Socket | undefined>((resolve) => {
      const attempt = net.connect(socket, () => resolve(attempt))
      attempt.on('error', () => resolve(undefined))
    })
    if (connection || last || Date.now() >= until) return connection
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Starts a build daemon of its own, detached: it outlives this command. Its log sits beside the socket. */
function startDaemon(socket: string, idle: number): ChildProcess | undefined {
  try {
    const log = fs.openSync(socket.replace(/\.sock$/, '.log'), 'w', 0o600)
    // V8 sizes its heap from what the last collection left: after the daemon's collection at
    // rest, a book build ran many more collections while its heap grew back.
    const child = spawn(process.execPath, ['--initial-old-space-size=256', path.join(packageRoot, 'bin', 'chapterdeck.js'), 'daemon', '--idle', String(idle)], {
      detached: true,
      stdio: ['ignore', log, log],
      cwd: path.dirname(socket),
    })
    fs.closeSync(log)
    child.on('error', () => undefined)
    child.unref()
    return child
  } catch {
    return undefined
  }
}
