import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../src/cli.js'
import { parseFormats } from '../src/cli/options.js'
import { defaultFormats } from '../src/formats.js'
import { spawnCli } from './helpers/cli.js'
import { readPdf } from './helpers/pdf.js'

// The CLI's main, in this process, with its output captured; what only a process of its own
// shows (signals, closed pipes, watching) runs the command from the sources (helpers/cli.ts).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-cli-'))
const children = new Set<ChildProcess>()
afterAll(() => {
  // A test that failed half way leaves no command running.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  fs.rmSync(work, { recursive: true, force: true })
})

function command(args: string[]): ChildProcess {
  const child = spawnCli(args, { cwd: work })
  children.add(child)
  return child
}

async function run(args: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const cwd = process.cwd()
  process.chdir(work)
  try {
    const code = await main(args, { out: (line) => stdout.push(line), err: (line) => stderr.push(line) })
    return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') }
  } finally {
    process.chdir(cwd)
  }
}

function write(name: string, content: string | Buffer) {
  const target = path.join(work, name)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, content)
  return name
}

/** All a stream printed so far, and a wait for what it prints (from its start) to pass `test`. */
function transcript(stream: NodeJS.ReadableStream) {
  let text = ''
  const waiting = new Set<() => void>()
  stream.on('data', (chunk: Buffer) => {
    text += chunk
    for (const check of waiting) check()
  })
  return {
    text: () => text,
    until: (test: (text: string) => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => test(text) && (waiting.delete(check), resolve())
        waiting.add(check)
        check()
      }),
  }
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m)

describe('chapterdeck CLI', () => {
  it('answers --help with the commands and options, and prints its version', async () => {
    const { code, stdout } = await run(['build', '--help'])
    expect(code).toBe(0)
    for (const flag of ['--out', '--formats', '--theme', '--slide-level', '--watch']) expect(stdout).toContain(flag)
    expect(stdout).toContain('chapterdeck build --formats +pptx')
    expect((await run(['--help'])).stdout).toContain('build [options] [paths...]')
    expect((await run(['--version'])).stdout.trim()).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version)
  })

  it('builds a chapter and prints its warnings with their positions and rule ids', async () => {
    write('talk/ch.md', '# Chapter\n\nLead. More.\n\n## Part\n\n![Fig](img/a b.png)\n')
    const { code, stdout, stderr } = await run(['build', 'talk/ch.md', '--formats', 'md,html,notes'])
    expect(code).toBe(0)
    expect(stderr).toMatch(/^talk\/ch\.md$/m)
    expect(stderr).toMatch(/^ *7:1-7:20 +warning +Image path contains spaces; read as "img\/a b.png" +image-path-spaces +chapterdeck$/m)
    expect(stdout).toMatch(/✓ talk\/ch\.md → dist\/ch\/ +\d+ slides/)
    for (const name of ['deck.md', 'index.html', 'notes.md', 'report.json']) expect(fs.existsSync(path.join(work, 'dist/ch', name))).toBe(true)
    expect(fs.existsSync(path.join(work, 'dist/ch/slides.pdf'))).toBe(false)
  })

  it('writes slides.pdf with its outline, notes and metadata', async () => {
    write('pdf/ch.md', '# Chapter\n\nLead. More.\n\n## Part\n\nA paragraph of notes for the part.\n')
    expect((await run(['build', 'pdf/ch.md', '--out', 'pdf-out', '--formats', 'md,pdf'])).code).toBe(0)
    const pdf = await readPdf(path.join(work, 'pdf-out/ch/slides.pdf'))
    expect(pdf.outlineTitles).toContain('Part')
    expect(pdf.pages.some((page) => page.annotations.some((annotation) => annotation.subtype === 'Text' && /A paragraph of notes/.test(annotation.contentsObj?.str ?? '')))).toBe(true)
    expect((pdf.metadata.info as { Title?: string; Creator?: string }).Creator).toBe('chapterdeck')
  })

  it('adds formats to the defaults with +name, or replaces them with a list', () => {
    expect(parseFormats('+pptx')).toEqual([...defaultFormats, 'pptx'])
    expect(parseFormats('+pptx,png')).toEqual([...defaultFormats, 'pptx', 'png'])
    expect(parseFormats('md,html')).toEqual(['md', 'html'])
    expect(() => parseFormats('+docx')).toThrow('unknown format docx')
    expect(() => parseFormats('md,+pptx')).toThrow('not both')
  })

  it('fails a missing file, binary input and an empty file with one line each and a non-zero exit', async () => {
    const missing = await run(['build', 'nope.md'])
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim().split('\n')).toEqual(['chapterdeck: nope.md: no such file or folder; check the path'])
    write('bin.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))
    write('empty.md', '\n\n')
    const binary = await run(['build', 'bin.md', '--formats', 'md'])
    expect(binary.code).toBe(1)
    expect(binary.stderr).toContain('bin.md: looks like a binary file, not Markdown')
    const empty = await run(['build', 'empty.md', '--formats', 'md'])
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain('empty.md: the file is empty')
    noStack(binary.stderr + empty.stderr)
  })

  it('builds odd but valid input: front matter only, CRLF, a BOM, Latin-1 bytes', async () => {
    write('odd/matter.md', '---\ntitle: Only front matter\n---\n')
    write('odd/crlf.md', '# Windows\r\n\r\nLine endings from Windows. More.\r\n\r\n## Part\r\n\r\n- one\r\n- two\r\n')
    write('odd/bom.md', '\ufeff# With a BOM\n\nText. More.\n')
    write('odd/latin1.md', Buffer.from('# Caf\xe9\n\nUn caf\xe9 cr\xe8me. Plus.\n', 'latin1'))
    const { code, stderr } = await run(['build', 'odd', '--out', 'odd-out', '--formats', 'md'])
    expect(code).toBe(0)
    expect(stderr).toMatch(/^odd\/latin1\.md\n *1:1 +warning +The file is not valid UTF-8; read as Latin-1/m)
    noStack(stderr)
    expect(fs.readFileSync(path.join(work, 'odd-out/matter/deck.md'), 'utf8')).toContain('# Only front matter')
    expect(fs.readFileSync(path.join(work, 'odd-out/bom/deck.md'), 'utf8')).not.toContain('\ufeff')
    expect(fs.readFileSync(path.join(work, 'odd-out/latin1/deck.md'), 'utf8')).toContain('# Café')
    expect(fs.readFileSync(path.join(work, 'odd-out/crlf/deck.md'), 'utf8')).not.toContain('\r')
  })

  it('fails an output folder that cannot be written with one line', async () => {
    write('blocker', 'a file where a folder should be')
    const { code, stderr } = await run(['build', 'talk/ch.md', '--out', 'blocker/dist', '--formats', 'md'])
    expect(code).toBe(3)
    expect(stderr).toMatch(/^chapterdeck: Cannot write to .*blocker\/dist \(ENOTDIR\); choose another folder with --out/m)
    expect(stderr.split('\n').filter((line) => line.startsWith('chapterdeck:'))).toHaveLength(1)
  })

  it('rejects unknown formats, slide levels and themes as usage errors', async () => {
    const formats = await run(['build', 'talk/ch.md', '--formats', 'md,docx'])
    expect(formats.code).toBe(2)
    expect(formats.stderr).toContain('unknown format docx')
    expect((await run(['build', 'talk/ch.md', '--slide-level', '9'])).code).toBe(2)
    const theme = await run(['build', 'talk/ch.md', '--theme', 'nope'])
    expect(theme.code).toBe(2)
    expect(theme.stderr.trim()).toMatch(/^chapterdeck: Theme "nope" not found .*use one of: chapterdeck, default, gaia, uncover/)
  })

  it('leaves the previous output untouched when a build fails', async () => {
    write('keep/ch.md', '# Keep\n\nText. More.\n\n## A\n\nBody.\n')
    expect((await run(['build', 'keep/ch.md', '--out', 'kept', '--formats', 'md,notes'])).code).toBe(0)
    const before = fs.readFileSync(path.join(work, 'kept/ch/deck.md'))
    write('keep/ch.md', '# Changed\n\nOther text.\n')
    const failed = await run(['build', 'keep/ch.md', '--out', 'kept', '--theme', '/nonexistent.css'])
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain('Theme "/nonexistent.css" not found')
    noStack(failed.stderr)
    expect(fs.readFileSync(path.join(work, 'kept/ch/deck.md')).equals(before)).toBe(true)
    expect(fs.readdirSync(path.join(work, 'kept')).filter((name) => name.startsWith('.'))).toEqual([])
  })

  it('without a browser still writes deck.md, index.html and notes.md, then fails the PDF with an instruction', async () => {
    write('nobrowser/ch.md', '# No browser\n\nText. More.\n')
    const saved = process.env.CHROME_PATH
    process.env.CHROME_PATH = path.join(work, 'no-such-chrome')
    try {
      const { code, stderr } = await run(['build', 'nobrowser/ch.md', '--out', 'nb'])
      expect(code).toBe(3)
      expect(stderr).toContain('pdf, handout not written: CHROME_PATH points at')
      expect(stderr).toContain('fix it or unset it')
      noStack(stderr)
    } finally {
      if (saved === undefined) delete process.env.CHROME_PATH
      else process.env.CHROME_PATH = saved
    }
    for (const name of ['deck.md', 'index.html', 'notes.md']) expect(fs.existsSync(path.join(work, 'nb/ch', name))).toBe(true)
    expect(fs.existsSync(path.join(work, 'nb/ch/slides.pdf'))).toBe(false)
  })
})

describe('chapterdeck as a process', () => {
  it('finishes its build when the reader of its output stops early (| head)', async () => {
    write('early/ch.md', '# Chapter\n\nLead. More.\n\n## Part\n\n![Fig](img/a b.png)\n')
    const child = command(['build', 'early/ch.md', '--out', 'early-out', '--formats', 'md,html'])
    child.stdout!.destroy()
    child.stderr!.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
    for (const name of ['deck.md', 'index.html', 'report.json']) expect(fs.existsSync(path.join(work, 'early-out/ch', name))).toBe(true)
  })

  it('on Ctrl-C keeps finished chapters, leaves no scratch folders and exits 130', async () => {
    const seed = fs.readFileSync(path.resolve('source/the-future-of-kubernetes.md'), 'utf8')
    for (const name of ['a', 'b', 'c']) write(`int/${name}.md`, seed)
    write('int-out/index.html', 'the last book page')
    const child = command(['build', 'int', '--out', 'int-out', '--formats', 'md,html,pdf', '--no-cache'])
    const err = transcript(child.stderr!)
    // Interrupted once the first chapter is done, while the others are being built.
    await transcript(child.stdout!).until((text) => text.includes('✓'))
    child.kill('SIGINT')
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    const stderr = err.text()
    expect(code).toBe(130)
    expect(stderr).toContain('interrupted')
    noStack(stderr)
    // Chapters cut short are not reported as failures, and the book page is not cut down.
    expect(stderr.split('chapterdeck: interrupted;')[1]).not.toContain('chapterdeck:')
    expect(fs.readFileSync(path.join(work, 'int-out/index.html'), 'utf8')).toBe('the last book page')
    const left = fs.readdirSync(path.join(work, 'int-out'))
    expect(left.filter((name) => name.includes('.tmp-') || name.includes('.old-'))).toEqual([])
    const built = left.filter((name) => ['a', 'b', 'c'].includes(name))
    expect(built.length).toBeGreaterThan(0)
    for (const name of built) for (const file of ['deck.md', 'index.html', 'slides.pdf', 'report.json']) expect(fs.existsSync(path.join(work, 'int-out', name, file))).toBe(true)
  })

  it('with --watch rebuilds a chapter when it is saved, and stops cleanly on Ctrl-C', async () => {
    write('watched/one.md', '# One\n\nFirst chapter. More.\n\n## A\n\nThe first text.\n')
    write('watched/two.md', '# Two\n\nSecond chapter. More.\n')
    const child = command(['build', 'watched', '--out', 'watch-out', '--formats', 'md,html', '--no-verify', '--watch'])
    const out = transcript(child.stdout!)
    await transcript(child.stderr!).until((text) => text.includes('watching 2 chapters'))
    write('watched/one.md', '# One\n\nFirst chapter. More.\n\n## A\n\nThe edited text.\n')
    // Built once at the start, and again after the edit; two.md did not change.
    await out.until((text) => text.split('✓ watched/one.md').length === 3)
    expect(out.text().split('✓ watched/two.md').length).toBe(2)
    expect(fs.readFileSync(path.join(work, 'watch-out/one/deck.md'), 'utf8')).toContain('The edited text')
    child.kill('SIGINT')
    expect(await new Promise<number | null>((resolve) => child.on('exit', resolve))).toBe(0)
  })
})
