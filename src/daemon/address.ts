import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ChapterdeckError, ExitCode } from '../errors.js'

/** How long a build daemon waits for another build before it stops (CHAPTERDECK_DAEMON_IDLE overrides). */
export const idleSeconds = 600

/** Set to 0 (or pass --no-daemon) to build in the command's own process. */
export const daemonVariable = 'CHAPTERDECK_DAEMON'

export function daemonEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  // Unix sockets and a user id name the daemon: on Windows, builds run in their own process.
  if (process.platform === 'win32') return false
  return !['0', 'false', 'no', 'off'].includes((env[daemonVariable] ?? '').trim().toLowerCase())
}

/**
 * The build daemon's socket: one per user, per chapterdeck build and per environment a build
 * depends on (the browser it would find, the temporary folder), so a build never runs in a
 * daemon started by other code or in another setting. The folder is the user's alone.
 */
export function daemonSocket(env: NodeJS.ProcessEnv = process.env): string {
  const dir = path.join(os.tmpdir(), `chapterdeck-${os.userInfo().uid}`)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const stat = fs.statSync(dir)
  if (stat.uid !== os.userInfo().uid || (stat.mode & 0o077) !== 0) {
    throw new ChapterdeckError(`${dir} is not private to this user, so no build daemon can use it; remove it, or set TMPDIR elsewhere`, { code: ExitCode.environment })
  }
  const hash = createHash('sha256')
  // The CLI bundle's own file: rebuilding chapterdeck gives it a new daemon.
  const bundle = fileURLToPath(import.meta.url)
  const { mtimeMs, size } = fs.statSync(bundle)
  for (const part of [bundle, mtimeMs, size, process.execPath, process.version, env.CHROME_PATH ?? '', env.PATH ?? '', os.tmpdir()]) hash.update(`${part}\0`)
  const socket = path.join(dir, `daemon-${hash.digest('hex').slice(0, 16)}.sock`)
  // Unix cuts socket paths beyond 104 bytes (macOS; Linux 108): with a long TMPDIR there is no daemon.
  if (Buffer.byteLength(socket) > 103) throw new ChapterdeckError(`${socket} is too long for a Unix socket, so there is no build daemon; set a shorter TMPDIR`, { code: ExitCode.environment })
  return socket
}
