import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildChapter } from '../../src/build.js'
import { splitNotes } from '../../src/render/handout.js'
import { formatMinutes, slideMinutes } from '../../src/render/timing.js'
import { readPdf } from '../helpers/pdf.js'
import { processMarkdown } from '../helpers/process.js'
import { browserScratch } from '../helpers/scratch.js'

const scratch = browserScratch('chapterdeck-handout-')

describe('handout layouts', () => {
  for (const [layout, perPage] of [['2up', 2], ['3up', 3], ['6up', 6]] as const) {
    it(`${layout} puts ${perPage} slides on a page, on letter paper when asked`, async () => {
      const result = await buildChapter('source/the-future-of-kubernetes.md', {
        out: path.join(scratch.dir, layout),
        formats: ['handout'],
        handoutLayout: layout,
        paper: 'letter',
        browser: scratch.session,
        verify: false,
      })
      const pdf = await readPdf(path.join(result.outDir, 'handout.pdf'))
      expect(pdf.pageCount).toBe(Math.ceil(result.deck.children.length / perPage))
      expect(pdf.pages[0].width).toBeCloseTo(612, 0)
      expect(pdf.pages[0].height).toBeCloseTo(792, 0)
    })
  }

  it('keeps long notes whole: what does not fit beside the slide flows on below', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence ${i} of a long note.`).join(' ')
    const [beside, below] = splitNotes(['Short first.', long], 520)
    expect(beside[0]).toBe('Short first.')
    expect([beside.slice(1).join(' '), ...below].join(' ')).toBe(long)
    expect(beside.join(' ').length).toBeLessThanOrEqual(520)
  })
})

describe('talk timing', () => {
  it('estimates 130 spoken words a minute with a floor per slide', async () => {
    const words = Array.from({ length: 260 }, () => 'word').join(' ')
    const { deck } = await processMarkdown(`# T\n\n## Long\n\n${words}.\n\n## Short\n\nOne line.\n`)
    const [long, short] = deck.children.filter((slide) => slide.kind === 'content')
    expect(slideMinutes(long)).toBeCloseTo(2, 1)
    expect(slideMinutes(short)).toBe(0.5)
    expect(formatMinutes(2)).toBe('~2 min')
    expect(formatMinutes(0.1)).toBe('~0.5 min')
    expect(formatMinutes(27.6)).toBe('~28 min')
  })
})
