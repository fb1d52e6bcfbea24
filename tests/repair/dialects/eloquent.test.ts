import type { Blockquote, Code, Image, Paragraph, Table } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { repair } from './helpers.js'

const eloquent = { dialect: 'eloquent' } as const

describe('Eloquent JavaScript dialect', () => {
  it('drops meta, index, id and table directives, and no sentence of theirs is looked for', async () => {
    const { tree, sentences } = await repair('{{meta {load_files: ["a.js"], zip: "node/html"}}}\n\n# T\n\n{{index "program size", [abstraction, "with functions"]}}\n\n{{id size}}\n\nA large program is costly.\n', eloquent)
    expect(toString(tree)).not.toMatch(/\{\{|meta|load_files/)
    expect(sentences).toEqual(['A large program is costly.'])
  })

  it('reads the second edition: the web text of (!html …!)(!tex …!), pass:[…] as a formula, no // include_code', async () => {
    const { tree, find } = await repair('In this example, (!html _n_~01~!)(!tex pass:[$n_{01}$]!) is 9.\n\npass:[\\begin{equation}\\varphi = \\frac{a}{b}\\end{equation}]\n\n// include_code\n\n```\nvar journal = [];\n```\n', eloquent)
    expect(toString(tree)).toContain('In this example, n01 is 9.')
    expect(toString(tree)).not.toMatch(/\(!html|!tex|pass:|include_code/)
    expect(find('math').map((node) => toString(node))).toEqual(['\\varphi = \\frac{a}{b}'])
  })

  it('counts the web edition of a (!html …!)(!tex …!) sentence as covered', async () => {
    const { sentences } = await repair('The notation (!html _n_~01~!)(!tex pass:[$n_{01}$]!) indicates the number of measurements.\n', eloquent)
    expect(sentences.map((sentence) => sentence.trim())).toEqual(['The notation n01 indicates the number of measurements.'])
  })

  it('reads a quote with its attribution and a figure with its alt text', async () => {
    const { find } = await repair('{{quote {author: "C.A.R. Hoare", title: "Turing Lecture", chapter: true}\n\n{{index Hoare}}\n\nMake it simple.\n\nquote}}\n\n{{figure {url: "img/pic.jpg", alt: "Letters from many scripts", chapter: true}}}\n', eloquent)
    const [quote] = find<Blockquote>('blockquote')
    expect(quote.children.map((child) => toString(child))).toEqual(['Make it simple.', '— C.A.R. Hoare, Turing Lecture'])
    expect(find<Image>('image')).toMatchObject([{ url: 'img/pic.jpg', alt: 'Letters from many scripts' }])
  })

  it('reads index marks, spans and chapter links as their text', async () => {
    const { tree, find } = await repair('Size involves ((complexity)) and _((bug))s_. Press [Ctrl]{keyname}. See [Chapter ?](values#unicode).\n', eloquent)
    expect(toString(tree)).toBe('Size involves complexity and bugs. Press Ctrl. See Chapter “values”.')
    expect(find('link')).toHaveLength(1)
  })

  it('keeps {{if}} blocks as text, puts a {{hint}} in the notes of the block before it', async () => {
    const { tree, find } = await repair('Write a loop.\n\n{{if interactive\n\n```{test: no}\n// Your code here.\n```\n\nif}}\n\n{{hint\n\n{{index loop}}\n\nCount ((down)) to zero.\n\nhint}}\n', eloquent)
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'code'])
    const code = find<Code>('code')[0]
    expect(code).toMatchObject({ lang: 'javascript', value: '// Your code here.' })
    expect(code.data?.notes).toEqual(['Hint: Count down to zero.'])
  })

  it('warns about a directive it does not know and a block never closed', async () => {
    const { rules, reasons } = await repair('{{youtube {id: "x"}}}\n\n{{note\n\nText.\n', eloquent)
    expect(rules.filter((rule) => rule === 'eloquent')).toHaveLength(3)
    expect(reasons.join('\n')).toMatch(/unknown directive \{\{youtube\}\} dropped/)
    expect(reasons.join('\n')).toMatch(/\{\{note\}\} is never closed/)
  })

  it('reads fence options (hidden code goes) and the book\'s "|" lines as a table', async () => {
    const { find } = await repair('```{lang: "text/html"}\n<p>x</p>\n```\n\n```{hidden: true}\nsetup()\n```\n\n| Tea | Minutes\n| Green | 2\n', eloquent)
    expect(find<Code>('code').map((code) => code.lang)).toEqual(['html'])
    const [table] = find<Table>('table')
    expect(table.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([['Tea', 'Minutes'], ['Green', '2']])
  })

  it('leaves a chapter that is not Eloquent JavaScript alone', async () => {
    const { tree } = await repair('A ((note)) in parentheses.\n')
    expect(toString(tree.children[0] as Paragraph)).toBe('A ((note)) in parentheses.')
  })
})
