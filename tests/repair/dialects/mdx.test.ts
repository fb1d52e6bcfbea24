import type { Blockquote, Code, Heading, Image, Paragraph } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { repair } from './helpers.js'

const mdx = { dialect: 'mdx' } as const

describe('MDX dialect', () => {
  it('drops heading ids and comments, even where emphasis took their stars', async () => {
    const { find, tree } = await repair('## Start with the mockup {/*start-with-the-mockup*/}\n\nText {/* a remark */} here.\n\n{/* alone */}\n', mdx)
    expect(find<Heading>('heading').map((node) => toString(node))).toEqual(['Start with the mockup'])
    expect(tree.children.map((node) => toString(node))).toEqual(['Start with the mockup', 'Text here.'])
  })

  it('maps known components: intro unwrapped, recap titled, notes as callouts, sandboxes as code', async () => {
    const { tree, find } = await repair(
      '<Intro>\n\nLead text.\n\n</Intro>\n\n## A\n\nBody.\n\n<Pitfall>\n\nCareful.\n\n</Pitfall>\n\n<Sandpack>\n\n```js\nf()\n```\n\n```css\np {}\n```\n\n</Sandpack>\n\n<Recap>\n\n* One.\n\n</Recap>\n',
      mdx,
    )
    expect(tree.children[0]).toMatchObject({ type: 'paragraph' })
    expect(find<Heading>('heading').map((node) => toString(node))).toEqual(['A', 'Recap'])
    expect(toString(find<Blockquote>('blockquote')[0])).toBe('PitfallCareful.')
    expect(find<Code>('code').map((code) => code.lang)).toEqual(['js'])
  })

  it('makes challenges a part of their own, hints and solutions in the notes', async () => {
    const { find } = await repair('## A\n\nText.\n\n<Challenges>\n\n#### Fix it {/*fix-it*/}\n\nWhat is wrong?\n\n<Hint>Look closely.</Hint>\n\n<Solution>\n\nThe braces.\n\n</Solution>\n\n</Challenges>\n', mdx)
    expect(find<Heading>('heading').map((node) => [node.depth, toString(node)])).toEqual([[2, 'A'], [2, 'Challenges'], [2, 'Challenge 1 of 1: Fix it']])
    const question = find<Paragraph>('paragraph').find((node) => toString(node) === 'What is wrong?')!
    expect(question.data?.notes).toEqual(['What is wrong?', 'Hint: Look closely.', 'Solution: The braces.'])
  })

  it('unwraps an unknown component with a warning, and inline components keep their text', async () => {
    const { tree, rules } = await repair('<Widget size={2}>\n\nInside.\n\n</Widget>\n\nCall <CodeStep step={1}>useState</CodeStep> first{" "}now.\n', mdx)
    expect(tree.children.map((node) => toString(node))).toEqual(['Inside.', 'Call useState first now.'])
    expect(rules).toContain('mdx-component')
  })

  it('reads HTML written with JSX attributes as HTML', async () => {
    const { find } = await repair('<img src="/images/ui.png" width="300" style={{margin: \'0 auto\'}} />\n\n<Note>\n\nA note.\n\n</Note>\n', mdx)
    expect(find<Image>('image')).toMatchObject([{ url: '/images/ui.png' }])
  })
})
