import { spawn, spawnSync, type SpawnOptions } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** Node's arguments to run the TypeScript sources directly (tsx), as the tests do: no build step. */
export const sourceArgs = ['--import', pathToFileURL(path.resolve('node_modules/tsx/dist/esm/index.mjs')).href]

/** The CLI entry of the sources, as bin/chapterdeck.js runs the bundle's. */
export const cliEntry = path.resolve('tests/helpers/bin.ts')

/** Runs `chapterdeck <args>` from the sources in a process of its own. */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const result = spawnSync(process.execPath, [...sourceArgs, cliEntry, ...args], { cwd: options.cwd, encoding: 'utf8', env: { ...process.env, ...options.env } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

export function spawnCli(args: string[], options: SpawnOptions) {
  return spawn(process.execPath, [...sourceArgs, cliEntry, ...args], options)
}
