import type { Blockquote, Code, Paragraph } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { repair } from './dialects/helpers.js'

describe('MyST', () => {
  it('takes targets off the slides and keeps them, as written, for the notes', async () => {
    const { find, reasons } = await repair('Intro.\n\n(syntax/typography)=\n(syntax/quotes)=\n\n## Typography\n\nText.\n')
    const targets = find<Paragraph>('paragraph').filter((node) => node.data?.notes?.[0]?.includes(')='))
    expect(targets).toHaveLength(1)
    expect(toString(targets[0])).toBe('')
    expect(targets[0].data?.notes).toEqual(['(syntax/typography)=\n(syntax/quotes)='])
    expect(reasons).toContain('MyST: targets ((label)=) removed from the slides')
  })

  it('reads directive fences as callouts, code and formulas; options are settings', async () => {
    const markdown = '```{versionadded} 0.17.0\n```\n\n```{warning}\n:class: dropdown\nMind the *gap*.\n```\n\n```{code-block} python\n:linenos:\nx = 1\n```\n\n```{math}\nE = mc^2\n```\n\n```{toctree}\nintro\n```\n'
    const { find } = await repair(markdown)
    const quotes = find<Blockquote>('blockquote').map((node) => toString(node))
    expect(quotes).toEqual(['Versionadded: 0.17.0', 'WarningMind the gap.'])
    expect(find<Code>('code').map((node) => [node.lang, node.value])).toEqual([
      ['python', 'x = 1'],
      ['{toctree}', 'intro'],
    ])
    expect(find<{ value: string }>('math').map((node) => node.value)).toEqual(['E = mc^2'])
  })

  it('fills in one-line substitutions the front matter defines; the notes keep the text as written', async () => {
    const markdown = '---\nmyst:\n  substitutions:\n    confpy: sphinx `conf.py` file\n    block: |\n      ```{note}\n      hi\n      ```\n---\n\n# T\n\nIntro.\n\nEnable it in the {{ confpy }} and {{ block }}.\n'
    const { find } = await repair(markdown)
    const paragraph = find<Paragraph>('paragraph').find((node) => toString(node).startsWith('Enable'))!
    expect(toString(paragraph)).toBe('Enable it in the sphinx conf.py file and {{ block }}.')
    expect(paragraph.children.some((node) => node.type === 'inlineCode' && node.value === 'conf.py')).toBe(true)
    expect(paragraph.data?.notes).toEqual(['Enable it in the {{ confpy }} and {{ block }}.'])
  })

  it('reads prose written a sentence to a line as prose, though each line has a link', async () => {
    const markdown = 'MyST-Parser is highly configurable, utilising the inherent plugability of the [markdown-it-py](https://a.example) parser.\nThe following syntaxes are optional and can be enabled via the [configuration file](https://b.example) of your project.\nTheir goal is to add more Markdown friendly syntaxes, often enabling [plugins](https://c.example) that extend CommonMark.\n'
    const { find } = await repair(markdown)
    expect(find('list')).toHaveLength(0)
  })
})
