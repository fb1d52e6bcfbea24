import { describe, expect, it } from 'vitest'
import { referenceLines, referenceSlides, siteName } from '../../src/plan/references.js'
import { wordsFor } from '../../src/plan/words.js'
import type { LinkRef } from '../../src/types.js'
import { titleText } from '../../src/util/title.js'
import { processMarkdown } from '../helpers/process.js'

const link = (n: number, extra: Partial<LinkRef> = {}): LinkRef => ({ url: `https://site${n % 5}.example/page/${n}`, text: `Link ${n}`, ...extra })

describe('references', () => {
  it('show each link once with its site, the chapter’s own first, grouped by section, on two slides at most', () => {
    const links = [...Array.from({ length: 60 }, (_, n) => link(n, { section: n < 30 ? 'Part one' : 'Part two' })), link(99, { own: true })]
    const slides = referenceSlides(links, wordsFor('en'), () => 7)
    expect(slides).toHaveLength(2)
    expect(slides.every((slide) => titleText(slide) === 'References' && slide.group === 7)).toBe(true)
    const text = JSON.stringify(slides[0].children[0])
    expect(text).toContain('Link 99')
    expect(text).toContain(' — site4.example')
    expect(JSON.stringify(slides[1].children.at(-1))).toContain(`${61 - (2 * referenceLines - 1 - 2)} more links in the notes`)
    expect(slides[0].notes).toHaveLength(62)
  })

  it('leave a link or two on their slides and in the notes, with no section of their own', () => {
    expect(referenceSlides([link(1), link(2)], wordsFor('en'), () => 1)).toEqual([])
  })

  it("merge the chapter's own references section into one short section", async () => {
    const own = Array.from({ length: 5 }, (_, n) => `- [Own ${n}](https://own.example/${n})`).join('\n')
    const { deck } = await processMarkdown(`# T\n\n## Body\n\nSee [a](https://a.example), [b](https://b.example) and [Own 1](https://own.example/1).\n\n## References\n\n${own}\n`)
    const slides = deck.children.filter((slide) => slide.kind === 'references')
    expect(slides).toHaveLength(1)
    expect(deck.children.some((slide) => slide.kind === 'content' && titleText(slide) === 'References')).toBe(false)
    expect(deck.links?.filter((item) => item.own)).toHaveLength(5)
  })

  it('keep a section named "Links" that is prose, not a list of links', async () => {
    const { deck } = await processMarkdown('# T\n\n## Links\n\nThe `link` tag generates the correct permalink for the path you give it, so links never break.\n')
    expect(deck.children.some((slide) => slide.kind === 'content' && titleText(slide) === 'Links')).toBe(true)
  })

  it('name a site by its host', () => {
    expect(siteName('https://www.example.com/a/b')).toBe('example.com')
    expect(siteName('not a url')).toBe('not a url')
  })
})
