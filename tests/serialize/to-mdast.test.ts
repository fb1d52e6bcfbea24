import { describe, expect, it } from 'vitest'
import { processMarkdown } from '../helpers/process.js'

describe('deckToMdast', () => {
  it('writes every heading inside a slide as a level-3 subheading, wherever it stands', async () => {
    // Slide level 2: the ### headings stay on their slide, after 0, 1 and 2 other blocks.
    const { markdown } = await processMarkdown('# T\n\n## Slide\n\n### First\n\nOne.\n\n### Second\n\nTwo.\n\nThree.\n\n### Third\n\nFour.\n', { slideLevel: 2 })
    const body = markdown.slice(markdown.indexOf('## Slide'))
    expect(body.match(/^#{1,6} .+$/gm)).toEqual(['## Slide', '### First', '### Second', '### Third'])
  })
})
