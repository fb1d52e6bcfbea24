import type { List, ListItem } from 'mdast'
import { describe, expect, it } from 'vitest'
import { chapterdeckMetrics } from '../../src/paginate/metrics.js'
import { take } from '../../src/paginate/take.js'

const text = (value: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value }] })

describe('take', () => {
  it('takes an item whose nested list is empty (chapter HTML read as Markdown) whole, without failing', () => {
    const empty: List = { type: 'list', ordered: true, children: [] }
    const item: ListItem = { type: 'listItem', children: [text('Enter a few keywords to find the perfect icon.'), empty] }
    const list: List = { type: 'list', ordered: true, children: [item] }
    const room = { height: 10, words: 64, bullets: 6, items: 12 }
    const pieces = take(list, room, chapterdeckMetrics, true)
    expect(pieces).toEqual([list])
  })
})
