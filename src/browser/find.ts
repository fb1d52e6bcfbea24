import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { ChapterdeckError, ExitCode } from '../errors.js'

export interface FoundBrowser {
  executablePath: string
  /** Where it came from, for messages: `CHROME_PATH`, `system` or `bundled`. */
  source: 'CHROME_PATH' | 'system' | 'bundled'
}

const systemNames = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome', 'microsoft-edge']
const systemPaths = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
]

/**
 * CHROME_PATH first (it must exist: a wrong path is an error, not silently skipped), then a
 * Chrome or Chromium on the system, then the Chromium shipped inside @sparticuz/chromium.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): FoundBrowser {
  const fromEnv = env.CHROME_PATH?.trim()
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { executablePath: fromEnv, source: 'CHROME_PATH' }
    throw new ChapterdeckError(`CHROME_PATH points at "${fromEnv}", which is not an executable file; fix it or unset it`, { code: ExitCode.environment })
  }
  const onPath = (env.PATH ?? '').split(path.delimiter).filter(Boolean).flatMap((dir) => systemNames.map((name) => path.join(dir, name)))
  const system = [...onPath, ...systemPaths].find(isExecutable)
  if (system) return { executablePath: system, source: 'system' }
  return { executablePath: bundledChromium(env), source: 'bundled' }
}

/**
 * Where the Chromium inside @sparticuz/chromium is unpacked: a folder of the user's cache
 * (`$XDG_CACHE_HOME/chapterdeck`, else `~/.cache/chapterdeck`), one per package version.
 */
export function bundledChromiumDir(env: NodeJS.ProcessEnv = process.env): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(sparticuzDir(), 'package.json'), 'utf8')) as { version: string }
  const cache = env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache')
  return path.join(cache, 'chapterdeck', `chromium-${version}`)
}

/**
 * The bundled Chromium, unpacked on first use. @sparticuz/chromium unpacks into the temporary
 * folder it is given (TMPDIR), so it runs once in a process of its own with TMPDIR set to the
 * cache folder.
 */
function bundledChromium(env: NodeJS.ProcessEnv): string {
  const dir = bundledChromiumDir(env)
  const executable = path.join(dir, 'chromium')
  if (isExecutable(executable)) return executable
  try {
    fs.mkdirSync(dir, { recursive: true })
    const script = "const { default: chromium } = await import('@sparticuz/chromium'); console.log(await chromium.executablePath())"
    const unpacked = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: sparticuzDir(),
      env: { ...env, TMPDIR: dir },
      encoding: 'utf8',
    }).trim()
    if (!isExecutable(unpacked)) throw new Error(`nothing runnable at ${unpacked}`)
    return unpacked
  } catch (error) {
    throw new ChapterdeckError(`No Chrome or Chromium found and the bundled one could not be unpacked into ${dir} (${firstLine(error)}); install one (apt-get install chromium) or set CHROME_PATH`, {
      code: ExitCode.environment,
      cause: error,
    })
  }
}

/** The folder of the installed @sparticuz/chromium (its exports hide package.json). */
function sparticuzDir(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'))
  while (!dir.endsWith(path.join('@sparticuz', 'chromium'))) {
    if (dir === path.dirname(dir)) throw new Error('@sparticuz/chromium is not installed')
    dir = path.dirname(dir)
  }
  return dir
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

export function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]
}
