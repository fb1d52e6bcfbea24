import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { findBrowser } from '../../src/browser/find.js'

// The build daemon as a user meets it: the compiled bin, run twice. Each test has a temporary
// folder of its own (TMPDIR), so its daemon is its own and never a developer's.
const bin = path.resolve('bin/chapterdeck.js')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-daemon-'))
const seed = 'source/the-future-of-kubernetes.md'
let tmp = ''

// The browser this machine has, found once: without it, each TMPDIR would unpack its own.
let chrome = ''
beforeAll(async () => {
  chrome = (await findBrowser()).executablePath
})

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, CHAPTERDECK_DAEMON: '1', TMPDIR: tmp, CHROME_PATH: chrome, ...extra }
}

function run(args: string[], extra: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', env: env(extra), timeout: 120_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const status = () => run(['daemon', '--status']).stdout.trim()

// Processes by /proc (Linux): a zombie has exited, only its parent has not collected it yet.
const stat = (pid: number) => {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const [state, parent] = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { state, parent: Number(parent) }
  } catch {
    return undefined
  }
}
const running = (pid: number) => ![undefined, 'Z', 'X'].includes(stat(pid)?.state)
const children = (pid: number) => fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name) && stat(Number(name))?.parent === pid).map(Number)

function fresh(name: string) {
  tmp = path.join(work, `${name}-tmp`)
  fs.mkdirSync(tmp, { recursive: true })
  fs.mkdirSync(path.join(work, name), { recursive: true })
  const chapter = path.join(name, 'chapter.md')
  fs.copyFileSync(seed, path.join(work, chapter))
  return chapter
}

afterEach(() => {
  run(['daemon', '--stop'])
})
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

describe('build daemon', () => {
  it('starts with the first build, rebuilds a changed chapter, and writes what a build of its own writes', () => {
    const chapter = fresh('reuse')
    expect(status()).toBe('no build daemon runs')
    const first = run(['build', chapter, '--out', 'reuse/out', '--formats', 'md,html,pdf'])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain('started a build daemon')
    // Warnings come back positioned, as from a build of its own.
    expect(first.stderr).toMatch(/reuse\/chapter\.md:38:1 {2}warning {2}Image path contains spaces/)
    expect(status()).toMatch(/^build daemon \d+: up since .+, 1 build$/)

    fs.appendFileSync(path.join(work, chapter), '\nOne more paragraph, to be rebuilt by the daemon.\n')
    const second = run(['build', chapter, '--out', 'reuse/out', '--formats', 'md,html,pdf'])
    expect(second.code).toBe(0)
    expect(second.stderr).not.toContain('started a build daemon')
    expect(second.stdout).toMatch(/\d+ slides/)
    expect(status()).toMatch(/, 2 builds$/)
    const served = fs.readFileSync(path.join(work, 'reuse/out/chapter/deck.md'), 'utf8')
    expect(served).toContain('One more paragraph, to be rebuilt by the daemon.')
    for (const name of ['index.html', 'slides.pdf', 'report.json']) expect(fs.existsSync(path.join(work, 'reuse/out/chapter', name))).toBe(true)

    const alone = run(['build', chapter, '--out', 'reuse/alone', '--formats', 'md', '--no-daemon'])
    expect(alone.code).toBe(0)
    expect(status()).toMatch(/, 2 builds$/)
    expect(fs.readFileSync(path.join(work, 'reuse/alone/chapter/deck.md'), 'utf8')).toBe(served)
  })

  it('answers a usage error without starting, and reports a bad path with its exit code', () => {
    fresh('errors')
    expect(run(['build', '--formats', 'pdf,nope']).code).toBe(2)
    expect(status()).toBe('no build daemon runs')
    const missing = run(['build', 'errors/missing.md'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('errors/missing.md: no such file or folder')
    expect(status()).toBe('no build daemon runs')
  })

  it('leaves a huge chapter to a process of its own, which gives its memory back when done', () => {
    fresh('huge')
    const paragraph = 'A sentence about the chapter, long enough to make a paragraph of some size in the end. '.repeat(8)
    fs.writeFileSync(path.join(work, 'huge/huge.md'), Array.from({ length: 500 }, (_, i) => `## Part ${i}\n\n${paragraph}\n`).join('\n'))
    expect(fs.statSync(path.join(work, 'huge/huge.md')).size).toBeGreaterThan(300_000)
    const result = run(['build', 'huge/huge.md', '--out', 'huge/out', '--formats', 'md', '--no-verify'])
    expect(result.code).toBe(0)
    expect(fs.existsSync(path.join(work, 'huge/out/huge/deck.md'))).toBe(true)
    expect(status()).toBe('no build daemon runs')
  })

  it('builds in its own process when no daemon can start', () => {
    const chapter = fresh('nodaemon')
    // So long a TMPDIR that no socket path fits: there is no daemon.
    tmp = path.join(work, 'nodaemon', 'x'.repeat(120))
    fs.mkdirSync(tmp, { recursive: true })
    const result = run(['build', chapter, '--out', 'nodaemon/out', '--formats', 'md'])
    expect(result.code).toBe(0)
    expect(result.stderr).not.toContain('started a build daemon')
    expect(fs.existsSync(path.join(work, 'nodaemon/out/chapter/deck.md'))).toBe(true)
  })

  it('passes Ctrl-C on: finished chapters stay, no scratch folders, exit 130, and the daemon goes', async () => {
    const chapter = fresh('interrupt')
    for (let i = 0; i < 6; i++) fs.copyFileSync(path.join(work, chapter), path.join(work, 'interrupt', `part-${i}.md`))
    expect(run(['build', chapter, '--out', 'interrupt-out', '--formats', 'md']).code).toBe(0)
    const child = spawn(process.execPath, [bin, 'build', 'interrupt', '--out', 'interrupt-out', '--formats', 'md,html,pdf', '--no-cache'], { cwd: work, env: env() })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
      // Interrupted once the build is under way in the daemon.
      if (/\[2\/7\]/.test(stderr) && !child.killed) child.kill('SIGINT')
    })
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(130)
    expect(stderr).toContain('interrupted')
    expect(fs.readdirSync(path.join(work, 'interrupt-out')).filter((name) => name.includes('.tmp-'))).toEqual([])
    expect(fs.existsSync(path.join(work, 'interrupt-out/chapter/deck.md'))).toBe(true)
    await expect.poll(status, { timeout: 10_000 }).toBe('no build daemon runs')
    expect(fs.readdirSync(path.join(tmp, `chapterdeck-${os.userInfo().uid}`)).filter((name) => name.endsWith('.sock'))).toEqual([])
  })

  it('leaves a build asked for while another runs to its own process', async () => {
    const chapter = fresh('busy')
    const first = spawn(process.execPath, [bin, 'build', chapter, '--out', 'busy/a', '--formats', 'md,html,pdf'], { cwd: work, env: env() })
    let started = false
    first.stderr.on('data', (chunk) => (started ||= String(chunk).includes('[1/1]')))
    await expect.poll(() => started, { timeout: 30_000 }).toBe(true)
    const second = run(['build', chapter, '--out', 'busy/b', '--formats', 'md'])
    expect(second.code).toBe(0)
    expect(await new Promise((resolve) => first.on('close', resolve))).toBe(0)
    expect(fs.readFileSync(path.join(work, 'busy/b/chapter/deck.md'), 'utf8')).toBe(fs.readFileSync(path.join(work, 'busy/a/chapter/deck.md'), 'utf8'))
    // The daemon made the first build only.
    expect(status()).toMatch(/, 1 build$/)
  })

  it("leaves a newer daemon's socket alone when an older one finishes stopping", async () => {
    const chapter = fresh('replaced')
    const older = spawn(process.execPath, [bin, 'daemon', '--idle', '60'], { cwd: work, env: env(), stdio: 'ignore' })
    await expect.poll(status, { timeout: 15_000, interval: 200 }).toMatch(new RegExp(`daemon ${older.pid}\\b`))
    // As when the older daemon has closed its socket but its browser is still closing.
    const socketDir = path.join(tmp, `chapterdeck-${os.userInfo().uid}`)
    for (const name of fs.readdirSync(socketDir)) fs.rmSync(path.join(socketDir, name))
    expect(run(['build', chapter, '--out', 'replaced/out', '--formats', 'md']).code).toBe(0)
    const newer = Number(/daemon (\d+)/.exec(status())![1])
    expect(newer).not.toBe(older.pid)

    const exited = new Promise((resolve) => older.on('exit', resolve))
    older.kill('SIGTERM')
    await exited
    expect(status()).toMatch(new RegExp(`daemon ${newer}\\b.*, 1 build$`))
  })

  it('takes over the socket of a daemon that died, and stops when unused', async () => {
    const chapter = fresh('stale')
    // A socket file nobody answers on, as a killed daemon leaves.
    const socketDir = path.join(tmp, `chapterdeck-${os.userInfo().uid}`)
    expect(run(['build', chapter, '--out', 'stale/out', '--formats', 'md'], { CHAPTERDECK_DAEMON_IDLE: '2' }).code).toBe(0)
    const socket = fs.readdirSync(socketDir).find((name) => name.endsWith('.sock'))!
    const pid = Number(/daemon (\d+)/.exec(status())![1])
    const browser = children(pid)
    expect(browser.length).toBeGreaterThan(0)
    process.kill(pid, 'SIGKILL')
    // Its Chromium goes with it, not left running for nobody.
    await expect.poll(() => browser.filter(running), { timeout: 10_000 }).toEqual([])
    const refused = () => new Promise<boolean>((resolve) => net.connect(path.join(socketDir, socket)).on('error', () => resolve(true)).on('connect', () => resolve(false)))
    await expect.poll(refused).toBe(true)
    expect(fs.existsSync(path.join(socketDir, socket))).toBe(true)

    const again = run(['build', chapter, '--out', 'stale/out', '--formats', 'md', '--no-cache'], { CHAPTERDECK_DAEMON_IDLE: '2' })
    expect(again.code).toBe(0)
    expect(again.stderr).toContain('started a build daemon, which keeps the browser ready for the next builds (it stops after 2 seconds unused')
    expect(status()).toMatch(/, 1 build$/)
    await expect.poll(status, { timeout: 15_000, interval: 500 }).toBe('no build daemon runs')
  })
})
