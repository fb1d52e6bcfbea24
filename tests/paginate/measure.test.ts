import type { Paragraph } from 'mdast'
import { describe, expect, it } from 'vitest'
import { blockHeight } from '../../src/paginate/measure.js'
import { chapterdeckMetrics as m } from '../../src/paginate/metrics.js'

const text = (value: string) => ({ type: 'text' as const, value })

describe('block height estimate', () => {
  it('counts a hard line break as a new line: a callout’s bold title sits above its text', () => {
    const oneLine: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [text('Note')] }, text(' This is a note alert.')] }
    const titled: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: [text('Note')] }, { type: 'break' }, text('This is a note alert.')] }
    const line = m.bodySize * m.lineHeight
    expect(blockHeight(titled, m) - blockHeight(oneLine, m)).toBeCloseTo(line)
    expect(blockHeight({ type: 'blockquote', children: [titled] }, m)).toBeCloseTo(2 * line + m.blockGap + 8)
  })
})
