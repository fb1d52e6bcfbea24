import type { Code, List } from 'mdast'
import { describe, expect, it } from 'vitest'
import { processMarkdown } from '../helpers/process.js'

const long = (topic: string) => `${topic} is explained here at some length, with every detail a reader of the book would want to know before moving on to the next part of the chapter.`

describe('unrolling a list of subsections', () => {
  it('shows the code inside list items on the slides, with the items numbered as before', async () => {
    const markdown = `# T\n\n## Ways\n\nThere are 3 main ways:\n\n1. ${long('The first way')}\n\n2. ${long('The second way')}\n\n    ${long('Its wrapper')}\n\n    \`\`\`js\n    var moduleOne = (function one(){})();\n    \`\`\`\n\n    ${long('Its scope')}\n\n3. ${long('The third way')}\n`
    const { deck } = await processMarkdown(markdown)
    const blocks = deck.children.filter((slide) => slide.kind === 'content').flatMap((slide) => slide.children)
    expect(blocks.filter((node): node is Code => node.type === 'code').map((node) => node.value)).toEqual(['var moduleOne = (function one(){})();'])
    const lists = blocks.filter((node): node is List => node.type === 'list' && node.ordered === true)
    expect(lists.map((list) => [list.start ?? 1, list.children.length])).toEqual([[1, 2], [3, 1]])
  })

  it('leaves a list of short items, or items of one paragraph, as it is', async () => {
    const { deck } = await processMarkdown(`# T\n\n## Steps\n\n1. ${long('One')}\n2. ${long('Two')}\n3. ${long('Three')}\n`)
    const lists = deck.children.flatMap((slide) => slide.children).filter((node): node is List => node.type === 'list')
    expect(lists.map((list) => list.children.length)).toEqual([3])
  })
})
