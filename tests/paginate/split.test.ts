import type { Code, Heading, Paragraph, RootContent } from 'mdast'
import { describe, expect, it } from 'vitest'
import { chapterdeckMetrics as m } from '../../src/paginate/metrics.js'
import { cost, type Room } from '../../src/paginate/room.js'
import { splitBlocks } from '../../src/paginate/split.js'

const code = (lines: number, name: string): Code => ({ type: 'code', lang: 'ts', value: Array.from({ length: lines }, (_, i) => `const ${name}${i} = glob('./dir/*.svg')`).join('\n') })
const heading: Heading = { type: 'heading', depth: 4, children: [{ type: 'text', value: 'Custom Queries' }] }
const lead: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: 'You can also pass queries' }], data: { leadIn: 'caption' } }

describe('splitBlocks', () => {
  it('moves a subheading on with the lead-in and code after it, never leaving it alone', () => {
    const blocks: RootContent[] = [heading, lead, code(12, 'a'), code(10, 'b')]
    // Room for the heading and the lead-in, and for the first sample on a slide of its own only.
    const height = cost(heading, m).height + cost(lead, m).height + cost(code(12, 'a'), m).height - 10
    const room: Room = { height, words: 400, items: 12, bullets: 6 }
    const parts = splitBlocks(blocks, room, m)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(part.some((node) => node.type !== 'heading')).toBe(true)
    expect(parts[0].slice(0, 2)).toEqual([heading, lead])
  })
})
