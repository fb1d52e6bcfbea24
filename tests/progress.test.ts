import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { liveProgress } from '../src/live-progress.js'
import { plainProgress } from '../src/progress.js'

/** A terminal-like stream that records what is written to it. */
function terminal() {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  }) as unknown as NodeJS.WriteStream & { output: () => string }
  Object.assign(stream, { isTTY: true, columns: 120, rows: 30, output: () => chunks.join('') })
  return stream
}

describe('live progress', () => {
  afterEach(() => {
    delete process.env.NO_COLOR
  })

  it('shows each running chapter with its stage, redraws in place, and keeps result lines above', () => {
    const stream = terminal()
    const progress = liveProgress(stream, { color: true })
    progress.start('a.md', 0, 2)
    progress.start('b.md', 1, 2)
    progress.stage('a.md', 'verify')
    progress.stage('b.md', 'pdf')
    progress.line('a.md:3:1  warning  something  [rule]')
    progress.end('a.md')
    progress.finish()
    const output = stream.output()
    expect(output).toContain('0/2 chapters built')
    expect(output).toContain('a.md')
    expect(output).toContain('measuring slides')
    expect(output).toContain('printing slides.pdf')
    expect(output).toContain('1/2 chapters built')
    expect(output).toContain('a.md:3:1  warning  something  [rule]\n')
    // Redrawn in place: lines are erased, not appended.
    expect(output).toContain('\x1b[2K')
    expect(output).toContain('\x1b[36m')
  })

  it('writes no colour when NO_COLOR is set', () => {
    process.env.NO_COLOR = '1'
    const stream = terminal()
    const progress = liveProgress(stream)
    progress.start('a.md', 0, 1)
    progress.stage('a.md', 'html')
    progress.finish()
    const output = stream.output()
    expect(output).toContain('writing the HTML deck')
    expect(output).not.toMatch(/\x1b\[(1|2|36|39|22)m/)
  })
})

describe('plain progress', () => {
  it('writes one line when a chapter starts and none per stage', () => {
    const lines: string[] = []
    const progress = plainProgress((line) => lines.push(line), false)
    progress.start('a.md', 0, 2)
    progress.stage('a.md', 'verify')
    progress.line('✓ a.md → dist/a/')
    progress.end('a.md')
    progress.finish()
    expect(lines).toEqual(['[1/2] a.md …', '✓ a.md → dist/a/'])
  })

  it('with --quiet keeps only the lines that matter', () => {
    const lines: string[] = []
    const progress = plainProgress((line) => lines.push(line), true)
    progress.start('a.md', 0, 1)
    progress.line('a.md:1:1  error  broken  [rule]')
    expect(lines).toEqual(['a.md:1:1  error  broken  [rule]'])
  })
})
