#!/usr/bin/env node
// Runs after `npm install`/`npm ci`: makes sure chapterdeck can start a Chromium here.
// A system Chrome/Chromium or CHROME_PATH wins; otherwise the Chromium shipped inside
// @sparticuz/chromium is unpacked into the user's cache folder (as src/browser/find.ts does:
// $XDG_CACHE_HOME/chapterdeck or ~/.cache/chapterdeck, chromium-<version>), and the few
// system libraries it needs are installed with apt-get when running as root (or named, with
// the command to run, when not).
// It never fails the install: `chapterdeck build` reports a missing browser clearly.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

const log = (message) => console.log(`chapterdeck: ${message}`)
const libraryPackages = {
  'libnss3.so': 'libnss3',
  'libnssutil3.so': 'libnss3',
  'libsmime3.so': 'libnss3',
  'libnspr4.so': 'libnspr4',
  'libplc4.so': 'libnspr4',
  'libplds4.so': 'libnspr4',
  'libexpat.so.1': 'libexpat1',
}

function onPath(name) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, name)))
}

async function main() {
  if (process.env.CHAPTERDECK_SKIP_BROWSER_SETUP) return
  if (process.env.CHROME_PATH) return log(`using CHROME_PATH=${process.env.CHROME_PATH}`)
  const system = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'].find(onPath)
  if (system) return log(`using the system browser (${system})`)
  if (process.platform !== 'linux') return log('no Chrome found; install Chrome or set CHROME_PATH to build PDFs')

  const executable = unpackChromium()
  const missing = () => {
    const result = spawnSync('ldd', [executable], { encoding: 'utf8' })
    return [...(result.stdout ?? '').matchAll(/^\s*(\S+) => not found/gm)].map((match) => match[1])
  }
  let libraries = missing()
  if (!libraries.length) return log(`using the bundled Chromium (${executable})`)

  const packages = [...new Set(libraries.map((library) => libraryPackages[library] ?? null).filter(Boolean))]
  const command = `apt-get install -y --no-install-recommends ${packages.join(' ')}`
  if (process.getuid?.() === 0 && onPath('apt-get') && packages.length) {
    log(`the bundled Chromium needs ${libraries.join(', ')}; running: ${command}`)
    let install = spawnSync('apt-get', command.split(' ').slice(1), { stdio: 'inherit' })
    if (install.status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
      install = spawnSync('apt-get', command.split(' ').slice(1), { stdio: 'inherit' })
    }
    libraries = missing()
    if (!libraries.length) return log(`using the bundled Chromium (${executable})`)
  }
  log(`the bundled Chromium cannot start: missing ${libraries.join(', ')}. Run: sudo ${command} (or apt-get install chromium, or set CHROME_PATH)`)
}

// @sparticuz/chromium unpacks into its TMPDIR: run once with TMPDIR set to the cache folder.
function unpackChromium() {
  const main = createRequire(import.meta.url).resolve('@sparticuz/chromium')
  const pkg = main.slice(0, main.lastIndexOf(path.join('@sparticuz', 'chromium')) + '@sparticuz/chromium'.length)
  const { version } = JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8'))
  const dir = path.join(process.env.XDG_CACHE_HOME?.trim() || path.join(os.homedir(), '.cache'), 'chapterdeck', `chromium-${version}`)
  if (fs.existsSync(path.join(dir, 'chromium'))) return path.join(dir, 'chromium')
  fs.mkdirSync(dir, { recursive: true })
  const script = "const { default: chromium } = await import('@sparticuz/chromium'); console.log(await chromium.executablePath())"
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: pkg, env: { ...process.env, TMPDIR: dir }, encoding: 'utf8' }).trim()
}

main().catch((error) => log(`browser setup skipped: ${String(error?.message ?? error).split('\n')[0]}`))
