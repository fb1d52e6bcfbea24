import { describe, expect, it } from 'vitest'
import { coverage } from '../../src/verify/coverage.js'
import { processMarkdown } from '../helpers/process.js'

describe('coverage', () => {
  it('places each sentence on the first slide that shows it, else in the first notes that say it', async () => {
    const { file, deck } = await processMarkdown(
      [
        '# Talk',
        '## One',
        'Shared words appear on two slides here.',
        '## Two',
        'Shared words appear on two slides here.',
        '',
        'A second paragraph that only the notes keep in full, because it runs on for many words past the bullet it becomes on the slide.',
        '## Three',
        '- a list item',
      ].join('\n\n'),
    )
    const sentences = file.data.sentences ?? []
    const result = coverage(sentences, deck)
    const where = (start: string) => result.map.find((entry) => entry.text.startsWith(start))
    const titles = deck.children.map((slide) => slide.title)
    expect(result.missing).toEqual([])
    expect(result.ratio).toBe(1)
    expect(where('Shared words')).toMatchObject({ where: 'slide', slide: titles.findIndex((title) => JSON.stringify(title).includes('One')) + 1 })
    expect(where('A second paragraph')?.slide).toBe(titles.findIndex((title) => JSON.stringify(title).includes('Two')) + 1)
    expect(where('a list item')).toMatchObject({ where: 'slide', slide: titles.findIndex((title) => JSON.stringify(title).includes('Three')) + 1 })
  })

  it('reports a sentence the deck does not carry as missing', async () => {
    const { deck } = await processMarkdown('# Talk\n\n## Alpha\n\nThe first ends here.\n')
    const result = coverage([{ text: 'The first ends here.', line: 5 }, { text: 'Nowhere in this deck at all.', line: 7 }], deck)
    expect(result.missing).toEqual(['Nowhere in this deck at all.'])
    expect(result.ratio).toBe(0.5)
    expect(result.map[1]).toEqual({ text: 'Nowhere in this deck at all.', line: 7 })
  })

  it('finds a callout\'s words under its title line, and a formula touching CJK words', async () => {
    const { file, deck } = await processMarkdown('# 标题\n\n## 一\n\n> [!NOTE]\n> Keep your keys in the vault.\n\n让我们将$\\mathbf{v}_t$扩展到更多的地方去。\n')
    expect(coverage(file.data.sentences ?? [], deck).missing).toEqual([])
  })

  it('looks for what a dialect made of a sentence: dropped markup is no lost sentence', async () => {
    const { file, deck } = await processMarkdown('r[stmt]\n# Statements\n\nr[stmt.intro]\nA statement is a component of a block.\n\nr[stmt.kind]\nRust has two kinds of statement.\n')
    const result = coverage(file.data.sentences ?? [], deck)
    expect(file.data.sentences?.map((sentence) => sentence.text.trim())).toEqual(['A statement is a component of a block.', 'Rust has two kinds of statement.'])
    expect(result.ratio).toBe(1)
  })
})
