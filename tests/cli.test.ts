import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readPdf } from './helpers/pdf.js'

// The CLI as a user runs it: the compiled bin (npm test builds lib/ first).
const bin = path.resolve('bin/chapterdeck.js')
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-cli-'))
afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function write(name: string, content: string | Buffer) {
  const target = path.join(work, name)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.writeFileSync(target, content)
  return name
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m)

describe('chapterdeck CLI', () => {
  it('answers --help with the commands and options', () => {
    const { code, stdout } = run(['build', '--help'])
    expect(code).toBe(0)
    for (const flag of ['--out', '--formats', '--theme', '--slide-level']) expect(stdout).toContain(flag)
    expect(run(['--help']).stdout).toContain('build [options] [paths...]')
  })

  it('prints its version', () => {
    const { code, stdout } = run(['--version'])
    expect(code).toBe(0)
    expect(stdout.trim()).toBe(JSON.parse(fs.readFileSync('package.json', 'utf8')).version)
  })

  it('builds a chapter and prints positioned warnings', () => {
    write('talk/ch.md', '# Chapter\n\nLead. More.\n\n## Part\n\n![Fig](img/a b.png)\n')
    const { code, stdout, stderr } = run(['build', 'talk/ch.md', '--formats', 'md,html,notes'])
    expect(code).toBe(0)
    expect(stderr).toContain('talk/ch.md:7:1  warning  Image path contains spaces; read as "img/a b.png"  [image-path-spaces]')
    expect(stdout).toMatch(/✓ talk\/ch\.md → dist\/ch\/ +\d+ slides/)
    for (const name of ['deck.md', 'index.html', 'notes.md', 'report.json']) expect(fs.existsSync(path.join(work, 'dist/ch', name))).toBe(true)
    expect(fs.existsSync(path.join(work, 'dist/ch/slides.pdf'))).toBe(false)
  })

  it('writes slides.pdf with its outline, notes and metadata (pdf-lib as the command bundles it)', async () => {
    write('pdf/ch.md', '# Chapter\n\nLead. More.\n\n## Part\n\nA paragraph of notes for the part.\n')
    const { code } = run(['build', 'pdf/ch.md', '--out', 'pdf-out', '--formats', 'md,pdf'])
    expect(code).toBe(0)
    const pdf = await readPdf(path.join(work, 'pdf-out/ch/slides.pdf'))
    expect(pdf.outlineTitles).toContain('Part')
    expect(pdf.pages.some((page) => page.annotations.some((annotation) => annotation.subtype === 'Text' && /A paragraph of notes/.test(annotation.contentsObj?.str ?? '')))).toBe(true)
    expect((pdf.metadata.info as { Title?: string; Creator?: string }).Creator).toBe('chapterdeck')
  })

  it('finishes its build when the reader of its output stops early (| head)', async () => {
    write('early/ch.md', '# Chapter\n\nLead. More.\n\n## Part\n\n![Fig](img/a b.png)\n')
    const child = spawn(process.execPath, [bin, 'build', 'early/ch.md', '--out', 'early-out', '--formats', 'md,html'], { cwd: work })
    // Both pipes closed before anything is printed.
    child.stdout.destroy()
    child.stderr.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
    for (const name of ['deck.md', 'index.html', 'report.json']) expect(fs.existsSync(path.join(work, 'early-out/ch', name))).toBe(true)
  })

  it('fails a missing file with one line and a non-zero exit', () => {
    const { code, stderr } = run(['build', 'nope.md'])
    expect(code).not.toBe(0)
    expect(stderr.trim().split('\n')).toEqual(['chapterdeck: nope.md: no such file or folder; check the path'])
  })

  it('refuses binary input and empty files', () => {
    write('bin.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))
    write('empty.md', '\n\n')
    const binary = run(['build', 'bin.md', '--formats', 'md'])
    expect(binary.code).toBe(1)
    expect(binary.stderr).toContain('bin.md: looks like a binary file, not Markdown')
    const empty = run(['build', 'empty.md', '--formats', 'md'])
    expect(empty.code).toBe(1)
    expect(empty.stderr).toContain('empty.md: the file is empty')
    noStack(binary.stderr + empty.stderr)
  })

  it('builds odd but valid input: front matter only, CRLF, a BOM, Latin-1 bytes', () => {
    write('odd/matter.md', '---\ntitle: Only front matter\n---\n')
    write('odd/crlf.md', '# Windows\r\n\r\nLine endings from Windows. More.\r\n\r\n## Part\r\n\r\n- one\r\n- two\r\n')
    write('odd/bom.md', '\ufeff# With a BOM\n\nText. More.\n')
    write('odd/latin1.md', Buffer.from('# Caf\xe9\n\nUn caf\xe9 cr\xe8me. Plus.\n', 'latin1'))
    const { code, stderr } = run(['build', 'odd', '--out', 'odd-out', '--formats', 'md'])
    expect(code).toBe(0)
    expect(stderr).toContain('odd/latin1.md:1:1  warning  The file is not valid UTF-8; read as Latin-1')
    noStack(stderr)
    expect(fs.readFileSync(path.join(work, 'odd-out/matter/deck.md'), 'utf8')).toContain('# Only front matter')
    expect(fs.readFileSync(path.join(work, 'odd-out/bom/deck.md'), 'utf8')).not.toContain('\ufeff')
    expect(fs.readFileSync(path.join(work, 'odd-out/latin1/deck.md'), 'utf8')).toContain('# Café')
    expect(fs.readFileSync(path.join(work, 'odd-out/crlf/deck.md'), 'utf8')).not.toContain('\r')
  })

  it('fails an output folder that cannot be written with one line', () => {
    write('blocker', 'a file where a folder should be')
    const { code, stderr } = run(['build', 'talk/ch.md', '--out', 'blocker/dist', '--formats', 'md'])
    expect(code).toBe(3)
    expect(stderr.trim().split('\n')).toHaveLength(2)
    expect(stderr).toMatch(/chapterdeck: Cannot write to .*blocker\/dist \(ENOTDIR\); choose another folder with --out/)
  })

  it('rejects unknown formats and slide levels as usage errors', () => {
    const formats = run(['build', 'talk/ch.md', '--formats', 'md,docx'])
    expect(formats.code).toBe(2)
    expect(formats.stderr).toContain('unknown format docx')
    expect(run(['build', 'talk/ch.md', '--slide-level', '9']).code).toBe(2)
  })

  it('leaves the previous output untouched when a build fails', () => {
    write('keep/ch.md', '# Keep\n\nText. More.\n\n## A\n\nBody.\n')
    expect(run(['build', 'keep/ch.md', '--out', 'kept', '--formats', 'md,notes']).code).toBe(0)
    const before = fs.readFileSync(path.join(work, 'kept/ch/deck.md'))
    write('keep/ch.md', '# Changed\n\nOther text.\n')
    const failed = run(['build', 'keep/ch.md', '--out', 'kept', '--theme', '/nonexistent.css'])
    expect(failed.code).toBe(2)
    expect(failed.stderr).toContain('Theme "/nonexistent.css" not found')
    noStack(failed.stderr)
    expect(fs.readFileSync(path.join(work, 'kept/ch/deck.md')).equals(before)).toBe(true)
    expect(fs.readdirSync(path.join(work, 'kept')).filter((name) => name.startsWith('.'))).toEqual([])
  })

  it('without a browser still writes deck.md, index.html and notes.md, then fails the PDF with an instruction', () => {
    write('nobrowser/ch.md', '# No browser\n\nText. More.\n')
    const { code, stderr } = run(['build', 'nobrowser/ch.md', '--out', 'nb'], { CHROME_PATH: path.join(work, 'no-such-chrome') })
    expect(code).toBe(3)
    expect(stderr).toContain('pdf, handout not written: CHROME_PATH points at')
    expect(stderr).toContain('fix it or unset it')
    noStack(stderr)
    for (const name of ['deck.md', 'index.html', 'notes.md']) expect(fs.existsSync(path.join(work, 'nb/ch', name))).toBe(true)
    expect(fs.existsSync(path.join(work, 'nb/ch/slides.pdf'))).toBe(false)
  })

  it('on Ctrl-C keeps finished chapters, leaves no scratch folders and exits 130', async () => {
    const seed = fs.readFileSync(path.resolve('source/the-future-of-kubernetes.md'), 'utf8')
    for (const name of ['a', 'b', 'c']) write(`int/${name}.md`, seed)
    write('int-out/index.html', 'the last book page')
    const child = spawn(process.execPath, [bin, 'build', 'int', '--out', 'int-out', '--formats', 'md,html,pdf', '--no-cache'], { cwd: work })
    let stderr = ''
    let stdout = ''
    let interrupted = false
    child.stderr.on('data', (chunk) => (stderr += chunk))
    // Interrupted once the first chapter is done, while the others are being built.
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      if (stdout.includes('✓') && !interrupted) interrupted = child.kill('SIGINT')
    })
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
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
  }, 120_000)
})

