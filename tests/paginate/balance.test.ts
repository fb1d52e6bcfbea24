import type { List, RootContent } from 'mdast'
import { describe, expect, it } from 'vitest'
import { balanceTails } from '../../src/paginate/balance.js'

const item = (text: string) => ({ type: 'listItem' as const, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: text }] }] })
const list = (texts: string[], data?: List['data'], start?: number): List => ({ type: 'list', ordered: start !== undefined, ...(start ? { start } : {}), children: texts.map(item), ...(data ? { data } : {}) })
const texts = (part: RootContent[]) => (part[part.length - 1] as List).children.map((child) => ((child.children[0] as { children: { value: string }[] }).children[0].value))

describe('balanceTails', () => {
  it('gives a continuation part left with one item one more from the part before', () => {
    const parts = balanceTails([[list(['a', 'b', 'c'])], [list(['d'], { continued: true })]])
    expect(parts.map(texts)).toEqual([['a', 'b'], ['c', 'd']])
  })

  it('numbers an ordered tail from the item it took', () => {
    const parts = balanceTails([[list(['a', 'b', 'c'], undefined, 1)], [list(['d'], { continued: true }, 4)]])
    expect((parts[1][0] as List).start).toBe(3)
  })

  it('leaves two items where they are, and a list that continues nothing', () => {
    expect(balanceTails([[list(['a', 'b'])], [list(['c'], { continued: true })]]).map(texts)).toEqual([['a', 'b'], ['c']])
    expect(balanceTails([[list(['a', 'b', 'c'])], [list(['x'])]]).map(texts)).toEqual([['a', 'b', 'c'], ['x']])
  })
})
