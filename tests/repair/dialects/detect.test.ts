import { describe, expect, it } from 'vitest'
import { recognise } from '../../../src/repair/dialects/detect.js'
import { repair } from './helpers.js'

const names = (source: string) => recognise(source).map((found) => found.name)

describe('dialect recognition', () => {
  it('recognises each toolchain by several of its constructs', () => {
    expect(names('{{meta {}}}\n\n# T\n\n{{index x}}\n\nA ((term)) here.\n')).toEqual(['eloquent'])
    expect(names('## A {/*a*/}\n\n<Note>\n\nHi\n\n</Note>\n')).toEqual(['mdx'])
    expect(names('title: Ninja\nauthor: Evan\n\nText \\aosafigref{x}.\n')).toEqual(['pandoc'])
    expect(names('# T\n:label:`sec_t`\n\nSee :numref:`sec_x` and :cite:`A.2020`.\n')).toEqual(['d2l'])
    expect(names('r[a]\n# A\n\nr[a.intro]\nText.\n')).toEqual(['mdbook'])
    expect(names('!!! note\n    x\n\n=== "A"\n\n    y\n\n:material-clock: z\n')).toEqual(['mkdocs'])
  })

  it('does not take a lone look-alike, code or math for a toolchain', () => {
    expect(names('A ((parenthesised)) aside.\n')).toEqual([])
    expect(names('```\n{{index a}}\n{{index b}}\n{{meta c}}\n```\n')).toEqual([])
    expect(names('$$\n\\begin{aligned} a \\\\ \\label{x} \\end{aligned}\n$$\n')).toEqual([])
  })

  it('says what it recognised, at the first construct, and obeys --dialect', async () => {
    const found = await repair('# T\n\nText.\n\n{{index a}}\n\n{{index b}}\n\n{{id c}}\n')
    expect(found.file.data.dialects).toEqual(['eloquent'])
    expect(found.file.messages[0]).toMatchObject({ ruleId: 'dialect', line: 5, column: 1 })
    expect((await repair('{{index a}}\n\n{{index b}}\n\n{{id c}}\n', { dialect: 'none' })).file.data.dialects).toEqual([])
    const forced = await repair('Just {{index x}} prose.\n', { dialect: 'eloquent' })
    expect(forced.file.data.dialects).toEqual(['eloquent'])
  })
})
