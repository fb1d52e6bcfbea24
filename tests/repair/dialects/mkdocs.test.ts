import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Blockquote, Code, List } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { afterAll, describe, expect, it } from 'vitest'
import { repair } from './helpers.js'

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-mkdocs-'))
fs.writeFileSync(path.join(folder, 'abbreviations.md'), 'Snippets are **shared** text.\n')
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }))

const mkdocs = { dialect: 'mkdocs' } as const

describe('MkDocs dialect', () => {
  it('unwraps a <div … markdown> result block inside a content tab', async () => {
    const { find, tree } = await repair('=== "Lines"\n\n    ``` py\n    x = 1\n    ```\n\n    <div class="result" markdown>\n\n    ``` py\n    y = 2\n    ```\n\n    </div>\n', { dialect: 'mkdocs' })
    expect(find<Code>('code').map((node) => node.value)).toEqual(['x = 1', 'y = 2'])
    expect(find('html')).toEqual([])
    expect(toString(tree)).not.toContain('<div')
  })

  it('unwraps <div markdown> blocks and reads icons, attribute lists, keys and marks', async () => {
    const { find, tree } = await repair('<div class="grid cards" markdown>\n\n- :octicons-clock-16: __Quick__ to make { .card }\n\n</div>\n\nPress ++ctrl+c++ to ==copy==.\n', mkdocs)
    expect(find<List>('list')[0].children.map((item) => toString(item))).toEqual(['Quick to make'])
    expect(toString(tree.children[1])).toBe('Press Ctrl+C to copy.')
  })

  it('takes an admonition whose body runs on under its line, with inline modifiers', async () => {
    const { find } = await repair('!!! info inline end "Lorem ipsum"\n    Body right under it.\n\n    And more.\n')
    const [quote] = find<Blockquote>('blockquote')
    expect(quote.children.map((child) => toString(child))).toEqual(['Info: Lorem ipsum', 'Body right under it.', 'And more.'])
  })

  it('removes code annotation markers and reads snippets from the chapter\'s folder', async () => {
    const { find, tree, reasons } = await repair('``` py\nbrew(2)  # (1)!\n```\n\n--8<-- "abbreviations.md"\n\n--8<-- "../outside.md"\n', mkdocs, path.join(folder, 'ch.md'))
    expect(find<Code>('code')[0].value).toBe('brew(2)')
    expect(toString(tree.children[1])).toBe('Snippets are shared text.')
    expect(reasons.join('\n')).toMatch(/snippet "..\/outside.md" is outside the chapter's folder/)
  })

  it("reads FastAPI's code includes ({* file *}) from the docs' folder (mkdocs.yml), else shows a placeholder", async () => {
    const docs = path.join(folder, 'docs')
    fs.mkdirSync(path.join(docs, 'docs_src'), { recursive: true })
    fs.mkdirSync(path.join(docs, 'tutorial'), { recursive: true })
    fs.writeFileSync(path.join(docs, 'mkdocs.yml'), 'site_name: FastAPI\n')
    fs.writeFileSync(path.join(docs, 'docs_src', 'main.py'), 'app = FastAPI()\n')
    const markdown = '{* ../docs_src/main.py hl[1] title["main.py"] *}\n\n{* ../../docs_src/other.py hl[2] *}\n'
    const { find, reasons } = await repair(markdown, mkdocs, path.join(docs, 'tutorial', 'ch.md'))
    expect(find<Code>('code').map((code) => [code.lang, code.value])).toEqual([['python', 'app = FastAPI()'], ['python', "# ../../docs_src/other.py (outside the book's folder)"]])
    expect(reasons.join('\n')).toMatch(/code include "..\/..\/docs_src\/other.py" is outside the book's folder/)
  })
})
