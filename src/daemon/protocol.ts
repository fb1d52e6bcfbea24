// The build daemon's protocol: one JSON object per line, each way, over a Unix socket.
import type { Socket } from 'node:net'
import { createInterface } from 'node:readline'

export type ClientMessage =
  | {
      type: 'build'
      argv: string[]
      cwd: string
      /** The command's terminal, when it shows the live display there. */
      live?: { columns: number; rows: number }
      color: boolean
    }
  | { type: 'interrupt' }
  | { type: 'status' }
  | { type: 'stop' }

export type DaemonMessage =
  | { type: 'out' | 'err'; text: string }
  /** Raw output of the live display, for the command's terminal. */
  | { type: 'live'; data: string }
  | { type: 'exit'; code: number }
  /** Another build is running: the command builds on its own. */
  | { type: 'busy' }
  | { type: 'status'; pid: number; builds: number; since: number; busy: boolean }

/** Calls `handle` with each message that comes on the connection; a malformed line ends it. */
export function onMessages<T>(connection: Socket, handle: (message: T) => void): void {
  // readline passes the socket's errors on; the socket's own close settles what was under way.
  createInterface({ input: connection })
    .on('error', () => undefined)
    .on('line', (line) => {
      let message: T
      try {
        message = JSON.parse(line)
      } catch {
        return void connection.destroy()
      }
      handle(message)
    })
}

/** Sends one message on the connection, unless it is gone. */
export function sendMessage(connection: Socket, message: ClientMessage | DaemonMessage): void {
  if (!connection.destroyed) connection.write(`${JSON.stringify(message)}\n`)
}
