import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { ExitCode } from '../errors.js'
import { packageRoot } from '../render/theme.js'
import { daemonSocket } from './address.js'
import type { Output } from '../cli.js'
import type { ClientMessage, DaemonMessage } from './protocol.js'


/** Minutes a build daemon waits for another build before it stops (CHAPTERDECK_DAEMON_IDLE: seconds). */
export const idleMinutes = 10

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
    const idle = Number(process.env.CHAPTERDECK_DAEMON_IDLE) > 0 ? Number(process.env.CHAPTERDECK_DAEMON_IDLE) : idleMinutes * 60
    if (!startDaemon(socket, idle)) return undefined
    connection = await connect(socket, 15_000)
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
    createInterface({ input: connection }).once('line', (line) => {
      resolve(JSON.parse(line))
      connection.destroy()
    })
    connection.on('close', () => resolve(undefined))
    connection.write(`${JSON.stringify({ type } satisfies ClientMessage)}\n`)
  })
}

function talk(connection: net.Socket, argv: string[], io: Output): Promise<number | undefined> {
  const send = (message: ClientMessage) => connection.write(`${JSON.stringify(message)}\n`)
  let interrupted = false
  const interrupt = () => {
    // A second Ctrl-C does not wait for the daemon to clean up.
    if (interrupted) process.exit(ExitCode.interrupted)
    interrupted = true
    send({ type: 'interrupt' })
  }
  process.on('SIGINT', interrupt)
  process.on('SIGTERM', interrupt)
  return new Promise<number | undefined>((resolve) => {
    let answered = false
    createInterface({ input: connection }).on('line', (line) => {
      const message = JSON.parse(line) as DaemonMessage
      answered = true
      if (message.type === 'out') io.out(message.text)
      else if (message.type === 'err') io.err(message.text)
      else if (message.type === 'live') io.live?.write(message.data)
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

/** Connects to the daemon's socket, waiting up to `waitMs` for one being started. */
async function connect(socket: string, waitMs = 0): Promise<net.Socket | undefined> {
  const until = Date.now() + waitMs
  for (;;) {
    const connection = await new Promise<net.Socket | undefined>((resolve) => {
      const attempt = net.connect(socket, () => resolve(attempt))
      attempt.on('error', () => resolve(undefined))
    })
    if (connection || Date.now() >= until) return connection
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Starts a build daemon of its own, detached: it outlives this command. Its log sits beside the socket. */
function startDaemon(socket: string, idle: number): boolean {
  try {
    const log = fs.openSync(socket.replace(/\.sock$/, '.log'), 'w', 0o600)
    const child = spawn(process.execPath, [path.join(packageRoot, 'bin', 'chapterdeck.js'), 'daemon', '--idle', String(idle)], {
      detached: true,
      stdio: ['ignore', log, log],
      cwd: path.dirname(socket),
    })
    fs.closeSync(log)
    child.on('error', () => undefined)
    child.unref()
    return true
  } catch {
    return false
  }
}
