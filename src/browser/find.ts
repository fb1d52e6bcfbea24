import fs from 'node:fs'
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
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser> {
  const fromEnv = env.CHROME_PATH?.trim()
  if (fromEnv) {
    if (isExecutable(fromEnv)) return { executablePath: fromEnv, source: 'CHROME_PATH' }
    throw new ChapterdeckError(`CHROME_PATH points at "${fromEnv}", which is not an executable file; fix it or unset it`, {
      code: ExitCode.environment,
    })
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of systemNames) {
      const candidate = path.join(dir, name)
      if (isExecutable(candidate)) return { executablePath: candidate, source: 'system' }
    }
  }
  for (const candidate of systemPaths) if (isExecutable(candidate)) return { executablePath: candidate, source: 'system' }
  return { executablePath: await bundledChromium(), source: 'bundled' }
}

async function bundledChromium(): Promise<string> {
  try {
    const { default: chromium } = await import('@sparticuz/chromium')
    return await chromium.executablePath()
  } catch (error) {
    throw new ChapterdeckError(
      `No Chrome or Chromium found and the bundled one could not be unpacked (${firstLine(error)}); install one (apt-get install chromium) or set CHROME_PATH`,
      { code: ExitCode.environment, cause: error },
    )
  }
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
