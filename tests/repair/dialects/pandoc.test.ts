import type { Emphasis, FootnoteReference, Image, InlineCode, List, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { repair } from './helpers.js'

const pandoc = { dialect: 'pandoc' } as const

describe('pandoc dialect', () => {
  it('keeps the web edition and drops the print one, and finds the footnotes it hid', async () => {
    const { tree, find } = await repair('Speed matters.[^fast] See <markdown>[the page](https://x.org)</markdown><latex>the page\\footnote{x.org}</latex>.\n\n<markdown>\n[^fast]: Really.\n</markdown>\n<latex>\n[^fast]: \\code{Really.}\n</latex>\n', pandoc)
    expect(find<FootnoteReference>('footnoteReference')).toMatchObject([{ identifier: 'fast' }])
    expect(find('footnoteDefinition')).toHaveLength(1)
    expect(toString(tree.children[0])).toBe('Speed matters. See the page.')
  })

  it('numbers AOSA figures and tables and resolves references to them and to sections', async () => {
    const { find, tree } = await repair(
      '## Design\n\n\\label{sec.design}\n\nAs \\aosafigref{fig.a} shows (and \\aosatblref{tbl.b}):\n\n\\aosafigure[240pt]{img/a.png}{The \\code{build} graph}{fig.a}\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n: \\label{tbl.b} Timings\n\nSee \\aosasecref{sec.design}.\n',
      pandoc,
    )
    expect(find<Image>('image')).toMatchObject([{ url: 'img/a.png', alt: 'Figure 1: The build graph' }])
    const texts = tree.children.map((node) => toString(node))
    expect(texts).toContain('As Figure 1 shows (and Table 1):')
    expect(texts).toContain('Table 1: Timings')
    expect(texts).toContain('See “Design”.')
    expect(texts.join('\n')).not.toMatch(/\\label|\\aosa/)
  })

  it('reads LaTeX environments as what they hold, else notes them with a warning', async () => {
    const { find, rules } = await repair(
      'Intro.\n\n\\begin{table}\n\\centering\n\\begin{tabular}{ll}\n\\hline\n\\textbf{Name} & \\textbf{Use} \\\\\nninja & builds \\\\\n\\hline\n\\end{tabular}\n\\caption{Tools}\n\\end{table}\n\n\\begin{itemize}\n\\item One.\n\\item Two.\n\\end{itemize}\n\n\\begin{sidebar}\nAn aside.\n\\end{sidebar}\n',
      pandoc,
    )
    const [table] = find<Table>('table')
    expect(table.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([['Name', 'Use'], ['ninja', 'builds']])
    expect(find<List>('list')[0].children.map((item) => toString(item))).toEqual(['One.', 'Two.'])
    expect(rules).toContain('latex')
  })

  it('reads inline LaTeX, grid tables, inline notes, dashes and citations; leaves unknown commands', async () => {
    const { find, tree, reasons } = await repair(
      '\\emph{Warm} builds use \\code{stat()}---often [@martin2012].^[Measured once.] \\newpage\n\n+-----+-----+\n| A   | B   |\n+=====+=====+\n| 1   | 2   |\n+-----+-----+\n\nA \\weird{thing}.\n',
      pandoc,
    )
    expect(find<Emphasis>('emphasis').map((node) => toString(node))).toEqual(['Warm'])
    expect(find<InlineCode>('inlineCode').map((node) => node.value)).toEqual(['stat()'])
    expect(toString(tree.children[0]).trim()).toBe('Warm builds use stat()—often (martin2012).')
    expect(find<Table>('table')[0].children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([['A', 'B'], ['1', '2']])
    expect(find('footnoteDefinition').map((node) => toString(node as never))).toEqual(['Measured once.'])
    expect(toString(tree.children[2])).toBe('A \\weird{thing}.')
    expect(reasons.join('\n')).toMatch(/unknown command \\weird left as written/)
  })
})
