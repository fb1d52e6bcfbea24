import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Code } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { afterAll, describe, expect, it } from 'vitest'
import { repair } from './helpers.js'

const book = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-mdbook-'))
fs.mkdirSync(path.join(book, 'chapter', 'listings'), { recursive: true })
fs.writeFileSync(path.join(book, 'chapter', 'listings', 'main.rs'), 'fn main() {\n    // ANCHOR: here\n    let s = "hi";\n    // ANCHOR_END: here\n}\nfn other() {}\n')
fs.writeFileSync(path.join(book, 'secret.rs'), 'const KEY: &str = "x";\n')
afterAll(() => fs.rmSync(book, { recursive: true, force: true }))

const mdbook = { dialect: 'mdbook' } as const
const chapter = path.join(book, 'chapter', 'ch.md')

describe('mdBook dialect', () => {
  it('drops the reference\'s rule ids, before headings and paragraphs alike', async () => {
    const { tree } = await repair('r[stmt]\n# Statements\n\nr[stmt.intro]\nA statement is part of a block.\n', mdbook)
    expect(tree.children.map((node) => toString(node))).toEqual(['Statements', 'A statement is part of a block.'])
  })

  it('reads includes from the chapter\'s folder only: an anchor, a line range, else a placeholder', async () => {
    const { find, reasons } = await repair(
      '```rust\n{{#rustdoc_include listings/main.rs:here}}\n```\n\n```rust\n{{#include listings/main.rs:6}}\n```\n\n```rust\n{{#include ../secret.rs}}\n```\n\n```rust\n{{#include listings/none.rs}}\n```\n',
      mdbook,
      chapter,
    )
    expect(find<Code>('code').map((code) => code.value)).toEqual(['let s = "hi";', 'fn other() {}', "// ../secret.rs (outside the chapter's folder)", '// listings/none.rs (not found)'])
    expect(reasons.filter((reason) => /placeholder/.test(reason))).toHaveLength(2)
  })

  it("reads includes from anywhere in the book's folder (book.toml), as the Rust book's ../listings, and nothing outside it", async () => {
    const root = path.join(book, 'rust-book')
    fs.mkdirSync(path.join(root, 'src'), { recursive: true })
    fs.mkdirSync(path.join(root, 'listings', 'ch04'), { recursive: true })
    fs.writeFileSync(path.join(root, 'book.toml'), '[book]\ntitle = "The Rust Programming Language"\n')
    fs.writeFileSync(path.join(root, 'listings', 'ch04', 'main.rs'), 'fn main() {\n    let s = "hello";\n}\n')
    const { find } = await repair('```rust\n{{#rustdoc_include ../listings/ch04/main.rs}}\n```\n\n```rust\n{{#include ../../secret.rs}}\n```\n', mdbook, path.join(root, 'src', 'ch04.md'))
    expect(find<Code>('code').map((code) => code.value)).toEqual(['fn main() {\n    let s = "hello";\n}', "// ../../secret.rs (outside the book's folder)"])
  })

  it("hides rustdoc's hidden lines in Rust code only, and reads <Listing> as its caption", async () => {
    const { find, tree } = await repair('<Listing number="4-1" file-name="src/main.rs" caption="A `String` in scope">\n\n```rust\n# fn main() {\n#[derive(Debug)]\nstruct S;\n## not hidden\n# }\n```\n\n</Listing>\n\n```python\n# a comment\n```\n', mdbook)
    expect(find<Code>('code').map((code) => code.value)).toEqual(['#[derive(Debug)]\nstruct S;\n# not hidden', '# a comment'])
    expect(toString(tree.children[0])).toBe('Listing 4-1: A String in scope (src/main.rs)')
  })
})
