import { describe, expect, it } from 'vitest'
import { talkFigures, talkSummary } from '../../src/verify/talk.js'
import type { Deck, Slide } from '../../src/types.js'

const list = (...items: string[]) => ({ type: 'list' as const, children: items.map((text) => ({ type: 'listItem' as const, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: text }] }] })) })
const slide = (title: string, children: Slide['children'], extra: Partial<Slide> = {}): Slide => ({ type: 'slide', kind: 'content', title: [{ type: 'text', value: title }], children, notes: [], ...extra })

describe('talk figures', () => {
  it('count bullets cut short, ending mid-phrase, thin slides and the longest run', () => {
    const deck: Deck = {
      type: 'deck',
      meta: { title: 'T', lang: 'en', dir: 'ltr', theme: 'chapterdeck', slideLevel: 2 },
      children: [
        slide('A', [list('A complete idea', 'A sentence cut short…', 'Here are the options:', 'This ends on the')]),
        slide('B', [list('Only one')]),
        slide('B', [list('One', 'Two')]),
        slide('C', [list('A statement')], { classes: ['lead'] }),
        { ...slide('References', [list('https://example.com')]), kind: 'references' },
      ],
    }
    const figures = talkFigures(deck)
    expect(figures).toMatchObject({ bullets: 9, cutBullets: 1, danglingBullets: 2, thinSlides: 1, contentSlides: 3, referenceSlides: 1, longestRun: 2 })
    expect(figures.layouts).toEqual({ lead: 1, references: 1 })
    expect(talkSummary(figures)).toBe('9 bullets, 1 cut, 2 dangling, 1 thin slide')
  })
})
