import type { Heading } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { repair } from './dialects/helpers.js'

describe('sidebars', () => {
  it('reads a block quote that opens with a heading as a section of its own', async () => {
    const { find } = await repair('## Ownership\n\nIntro.\n\n> ### The Stack and the Heap\n>\n> Both are parts of memory.\n>\n> The stack is fast.\n\n### Rules\n\nText.\n', {}, 'ch.md')
    expect(find('blockquote')).toHaveLength(0)
    expect(find<Heading>('heading').map((node) => toString(node))).toEqual(['Ownership', 'The Stack and the Heap', 'Rules'])
  })

  it('keeps a quotation, and a quote that is only a heading, as they are', async () => {
    const { find } = await repair('> To be or not to be.\n\n> ### Just a heading\n', {}, 'ch.md')
    expect(find('blockquote')).toHaveLength(2)
  })
})
