import type { Code, List, Table } from 'mdast'
import { describe, expect, it } from 'vitest'
import { titleText } from '../../src/util/title.js'
import { processMarkdown } from '../helpers/process.js'

describe('paginateSlides', () => {
  it('splits a long ordered list by items and keeps its numbering', async () => {
    const items = Array.from({ length: 40 }, (_, i) => `${i + 1}. Step ${i + 1}`).join('\n')
    const { deck } = await processMarkdown(`# T\n\n## Steps\n\n${items}\n`)
    const parts = deck.children.filter((slide) => slide.kind === 'content')
    expect(parts.length).toBeGreaterThan(1)
    const starts = parts.map((slide) => (slide.children[0] as List).start ?? 1)
    const counts = parts.map((slide) => (slide.children[0] as List).children.length)
    expect(starts[0]).toBe(1)
    for (let i = 1; i < parts.length; i++) expect(starts[i]).toBe(starts[i - 1] + counts[i - 1])
    expect(counts.reduce((a, b) => a + b)).toBe(40)
    expect(parts.map((slide) => slide.part)).toEqual(parts.map((_, i) => ({ index: i + 1, total: parts.length })))
  })

  it('moves a code sample a slide can hold on whole, with its lead-in, rather than splitting it', async () => {
    const long = Array.from({ length: 12 }, (_, i) => `const a${i} = ${i}`).join('\n')
    const short = ['{', '  const $$i = 0', '  for (; $$i < 3; $$i++) {', '    const i = $$i', '  }', '}'].join('\n')
    const { deck } = await processMarkdown(`# T\n\n## Loops\n\n\`\`\`js\n${long}\n\`\`\`\n\nThe first part of the talk about loops says this.\n\nLet's expand that loop:\n\n\`\`\`js\n${short}\n\`\`\`\n`)
    const parts = deck.children.filter((slide) => slide.kind === 'content')
    const codes = parts.flatMap((slide) => slide.children.filter((node): node is Code => node.type === 'code'))
    expect(codes.map((code) => code.value)).toEqual([long, short])
    const withShort = parts.find((slide) => slide.children.some((node) => node.type === 'code' && node.value === short))!
    expect(withShort.children[0]).toMatchObject({ type: 'paragraph', data: { leadIn: 'caption' } })
  })

  it('moves the bullet said just before a code sample on with it, when two bullets stay behind', async () => {
    const code = Array.from({ length: 12 }, (_, i) => `console.log(${i})`).join('\n')
    const prose = ['Plain functions are a good way to build abstractions.', 'Programs often do something a given number of times.', 'Loops are one way to say that in code.']
    const { deck } = await processMarkdown(`# T\n\n## Repetition\n\n${prose.join('\n\n')}\n\nIt is easy to write a function that logs N times.\n\n\`\`\`js\n${code}\n\`\`\`\n`)
    const parts = deck.children.filter((slide) => slide.kind === 'content')
    const withCode = parts.find((slide) => slide.children.some((node) => node.type === 'code'))!
    expect(withCode.children[0]).toMatchObject({ type: 'list' })
    expect(JSON.stringify(withCode.children[0])).toContain('It is easy to write a function that logs N times')
    expect(parts.indexOf(withCode)).toBeGreaterThan(0)
    expect((parts[0].children[0] as List).children).toHaveLength(3)
  })

  it('holds at most six prose bullets per slide, notes travelling with their bullets', async () => {
    const paragraphs = Array.from({ length: 9 }, (_, i) => `Paragraph ${i + 1} says one thing.`).join('\n\n')
    const { deck } = await processMarkdown(`# T\n\n## Many\n\n${paragraphs}\n`)
    const parts = deck.children.filter((slide) => slide.kind === 'content')
    expect(parts.map((slide) => (slide.children[0] as List).children.length)).toEqual([6, 3])
    const notes = parts.map((slide) => (slide.children[0] as List).children.flatMap((item) => item.data?.notes ?? []))
    expect(notes[1]).toEqual(['Paragraph 7 says one thing.', 'Paragraph 8 says one thing.', 'Paragraph 9 says one thing.'])
  })

  it('keeps a quote title with the start of what it introduces, splitting code inside the quote', async () => {
    const code = Array.from({ length: 30 }, (_, i) => `> const line${i} = ${i}`).join('\n')
    const intro = Array.from({ length: 4 }, (_, i) => `Paragraph ${i} says something worth a bullet on this slide.`).join('\n\n')
    const { markdown } = await processMarkdown(`# T\n\n## Callout\n\n${intro}\n\n> **Note: Keep me**\n>\n> \`\`\`js\n${code}\n> \`\`\`\n`)
    const slides = markdown.split(/\n---\n/)
    const titled = slides.find((slide) => slide.includes('**Note: Keep me**'))!
    // The title is followed on its slide by the first lines of the code, the rest comes after.
    expect(titled).toMatch(/\*\*Note: Keep me\*\*\n>\n> ```js\n> const line0 = 0/)
    expect(slides.some((slide) => slide !== titled && slide.includes('const line29 = 29'))).toBe(true)
  })

  it('splits code by lines and tables by rows with the header repeated', async () => {
    const code = Array.from({ length: 80 }, (_, i) => `line ${i}`).join('\n')
    const rows = Array.from({ length: 40 }, (_, i) => `| r${i} | v${i} |`).join('\n')
    const { deck } = await processMarkdown(`# T\n\n## Code\n\n\`\`\`\n${code}\n\`\`\`\n\n## Table\n\n| Key | Value |\n| --- | --- |\n${rows}\n`)
    const codes = deck.children.flatMap((slide) => slide.children.filter((c): c is Code => c.type === 'code'))
    expect(codes.length).toBeGreaterThan(1)
    expect(codes.map((c) => c.value).join('\n')).toBe(code)
    const tables = deck.children.flatMap((slide) => slide.children.filter((c): c is Table => c.type === 'table'))
    expect(tables.length).toBeGreaterThan(1)
    for (const table of tables) expect(table.children[0].children.map((cell) => (cell.children[0] as { value: string }).value)).toEqual(['Key', 'Value'])
    expect(tables.reduce((sum, t) => sum + t.children.length - 1, 0)).toBe(40)
  })

  it('splits a quote holding one list too tall for a slide by items, keeping its code on the slides', async () => {
    const item = (i: number) => `> - Item ${i} comes with a sample that shows how it is set up:\n>   \`\`\`ts\n>   const value${i} = {\n>     key: ${i},\n>   }\n>   \`\`\``
    const quote = Array.from({ length: 5 }, (_, i) => item(i)).join('\n')
    const { markdown } = await processMarkdown(`# T\n\n## Samples\n\n${quote}\n`)
    const slides = markdown.split(/\n---\n/).filter((slide) => slide.includes('## Samples'))
    expect(slides.length).toBeGreaterThan(1)
    expect(markdown).not.toContain('Text too large for a slide')
    for (let i = 0; i < 5; i++) expect(slides.filter((slide) => slide.includes(`>     key: ${i},`))).toHaveLength(1)
  })

  it('sets code at its dense size at once when one of its lines is too long for a slide even wrapped', async () => {
    const path = Array.from({ length: 300 }, (_, i) => `l${i}.5-${i}.25`).join(' ')
    const { deck } = await processMarkdown(`# T\n\n## Icon\n\n\`\`\`css\n:root {\n  --icon: url('data:image/svg+xml,<path d="${path}"/>')\n}\n\`\`\`\n\n## Short\n\n\`\`\`css\n:root { --gap: 4px }\n\`\`\`\n`)
    const classes = (title: string) => deck.children.find((slide) => titleText(slide) === title)!.classes ?? []
    expect(classes('Icon')).toContain('dense')
    expect(classes('Short')).not.toContain('dense')
  })
})
