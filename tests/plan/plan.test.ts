import { describe, expect, it } from 'vitest'
import { inferSlideLevel } from '../../src/plan/slide-level.js'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import type { Root } from 'mdast'
import { planOnly, processMarkdown } from '../helpers/process.js'

const blocks = (markdown: string) => (unified().use(remarkParse).parse(markdown) as Root).children

describe('inferSlideLevel (pandoc rule)', () => {
  it('uses the shallowest level followed by content, below top-level sections', () => {
    expect(inferSlideLevel(blocks('# A\n\ntext\n\n## B\n\ntext\n\n### C\n\ntext\n'))).toBe(2)
  })
  it('skips levels that only hold headings', () => {
    expect(inferSlideLevel(blocks('# A\n\n## B\n\n### C\n\ntext\n\n### D\n\ntext\n'))).toBe(3)
  })
  it('uses the only level of a flat document', () => {
    expect(inferSlideLevel(blocks('## A\n\ntext\n\n## B\n\ntext\n'))).toBe(2)
  })
  it('is 1 without headings', () => {
    expect(inferSlideLevel(blocks('just text\n'))).toBe(1)
  })
})

describe('planSlides', () => {
  it('plans title, agenda, dividers, content, references and closing slides', async () => {
    const { deck } = await processMarkdown(
      '# Book chapter\n\nThe lead sentence here. More words follow.\n\n# Part one\n\nIntro [link](https://one.example), [two](https://two.example) and [three](https://three.example).\n\n## Topic\n\nBody text.\n\n# Part two\n\n## Other\n\nMore text.\n',
      {},
      'chapter.md',
      planOnly,
    )
    expect(deck.children.map((slide) => slide.kind)).toEqual(['title', 'agenda', 'section', 'content', 'content', 'section', 'content', 'references', 'closing'])
    expect(deck.children[0].notes[0]).toBe('The lead sentence here. More words follow.')
    expect(deck.meta).toMatchObject({ title: 'Book chapter', slideLevel: 2, lang: 'en' })
  })

  it("lists the sections in the agenda without a heading's teasing ellipsis", async () => {
    const { deck } = await processMarkdown('# Chapter\n\n## Old McDonald Had Effects...\n\ntext a\n\n## Next…\n\ntext b\n', {}, 'chapter.md', planOnly)
    const agenda = deck.children.find((slide) => slide.kind === 'agenda')!
    expect(JSON.stringify(agenda.children)).toContain('"Old McDonald Had Effects"')
    expect(JSON.stringify(agenda.children)).not.toMatch(/\.\.\.|…/)
  })

  it('gives a figure the short sentence that leads into it as its caption, never a bullet left behind', async () => {
    const chapter = '# Chapter\n\n## Start\n\nImagine that you already have a JSON API and a mockup.\n\nThe mockup looks like this:\n\n![](ui.png)\n\nThen come five steps.\n\n## After a subheading\n\n### Curation\n\nThe CNCF assigns maturity levels:\n\n![Levels](levels.png)\n'
    const { deck } = await processMarkdown(chapter, {}, 'chapter.md', planOnly)
    const images = deck.children.filter((slide) => slide.kind === 'image')
    expect(images.map((slide) => slide.image?.caption)).toEqual(['The mockup looks like this', undefined])
    expect(images[0].notes).toContain('The mockup looks like this:')
    expect(JSON.stringify(deck.children.filter((slide) => slide.kind === 'content'))).not.toContain('The mockup looks')
    // After a subheading the sentence opens the part: it stays, and the figure goes with it.
    expect(JSON.stringify(deck.children)).toContain('The CNCF assigns maturity levels:')
  })

  it('honours --slide-level', async () => {
    const markdown = '# T\n\n## A\n\ntext a\n\n### A1\n\ntext a1\n'
    const inferred = await processMarkdown(markdown, {}, 'chapter.md', planOnly)
    const forced = await processMarkdown(markdown, { slideLevel: 2 }, 'chapter.md', planOnly)
    expect(inferred.deck.meta.slideLevel).toBe(3)
    expect(inferred.deck.children.filter((s) => s.kind === 'section').length).toBe(1)
    expect(inferred.deck.children.filter((s) => s.kind === 'content').length).toBe(2)
    expect(forced.deck.meta.slideLevel).toBe(2)
    expect(forced.deck.children.filter((s) => s.kind === 'section').length).toBe(0)
    const [only] = forced.deck.children.filter((s) => s.kind === 'content')
    expect(only.children.map((c) => c.type)).toEqual(['paragraph', 'heading', 'paragraph'])
  })

  it('takes the title from front matter, else the file name when there is no heading', async () => {
    expect((await processMarkdown('---\ntitle: From YAML\n---\n\nText.\n')).deck.meta.title).toBe('From YAML')
    expect((await processMarkdown('Only text.\n', {}, 'my-notes.md')).deck.meta.title).toBe('My notes')
  })

  it('gives a one-sentence chapter a single slide', async () => {
    const { deck } = await processMarkdown('# Appendix\n\nThe following sections contain reference material.\n')
    expect(deck.children).toHaveLength(1)
    expect(deck.children[0].notes).toEqual(['The following sections contain reference material.'])
  })
})
