import { describe, expect, it } from 'vitest'
import { processMarkdown } from '../helpers/process.js'

const slideWith = async (markdown: string, lang?: string) => {
  const { deck, markdown: out } = await processMarkdown(lang ? `---\nlang: ${lang}\n---\n\n${markdown}` : markdown)
  return { slides: deck.children.filter((slide) => slide.kind === 'content'), out }
}

describe('condensing prose on a slide', () => {
  it('never shows an empty bullet: paragraphs in brackets are read as their sentence', async () => {
    const markdown = '# T\n\n## Speed\n\nThe second method is dramatically faster than the first.\n\n(Alternatively, we rely on the reloaded + operator to compute the elementwise sum.)\n\nFortunately, [the training loop for MLPs is exactly the same as for softmax regression.] We define the model.\n'
    const { out } = await slideWith(markdown)
    expect(out).not.toMatch(/^-\s*$/m)
    expect(out).toContain('- Alternatively, we rely on the reloaded + operator')
    expect(out).toMatch(/- (Fortunately, )?\[?the training loop for MLPs is exactly the same/i)
  })

  it("folds a sentence that only steers the reading into the bullet before it, words and all", async () => {
    const { out } = await slideWith('# T\n\n## Functors\n\nA functor is a type that implements map and obeys some laws.\n\nLet\'s look at another example.\n\nMaybe checks for a value before calling the function.\n')
    expect(out).not.toMatch(/^- Let's look/m)
    expect(out).toMatch(/^- A functor is a type that implements map and obeys some laws\n- Maybe checks/m)
    expect(out).toContain("Let's look at another example.")
  })

  it('keeps a sentence that ends in a colon with the list it introduces, as its label', async () => {
    const { out } = await slideWith('# T\n\n## Options\n\nIf you want free training, here are a couple of options:\n\n- Kube Academy\n- Coursera\n')
    expect(out).toContain('If you want free training, here are a couple of options:\n\n- Kube Academy')
    expect(out).not.toMatch(/^- If you want/m)
  })

  it('makes the sentence before a code sample its caption, without the colon; an empty lead-in goes to the notes', async () => {
    const { slides, out } = await slideWith('# T\n\n## Code\n\nCreate the archive like this:\n\n```sh\ntar cf a.tar files\n```\n\n## More\n\nConsider:\n\n```js\nlet x = 1\n```\n')
    expect(out).toContain('Create the archive like this\n\n```sh')
    expect(slides[0].classes).toContain('code')
    expect(out).not.toMatch(/^Consider:?$/m)
    expect(out).toMatch(/Consider\u200b?:\n-->/)
  })

  it('reads a paragraph that ends mid-phrase before code ("with", "is equivalent to") as its lead-in, kept in the notes only', async () => {
    const { out } = await slideWith('# T\n\n## Swap\n\nThen, replace this line:\n\n```js\nlet index = 0;\n```\n\nwith\n\n```js\nconst [index, setIndex] = useState(0);\n```\n\nis equivalent to\n\n```rust\nmatch x {}\n```\n')
    const shown = out.replace(/<!--[^]*?-->/g, '')
    expect(shown).not.toMatch(/^(- )?(with|is equivalent to)$/im)
    expect(out).toMatch(/<!--[^]*\nwith\n[^]*is equivalent to\n[^]*-->/)
  })

  it('keeps a file name that leads into its code as the caption ("module1.js:")', async () => {
    const { out } = await slideWith('# T\n\n## Files\n\nmodule1.js:\n\n```js\nvar a = 1;\n```\n\nmodule2.js:\n\n```js\nvar b = 2;\n```\n')
    expect(out).toContain('module1.js\n\n```js\nvar a = 1;')
    expect(out).toContain('module2.js\n\n```js\nvar b = 2;')
  })

  it('turns a callout into one labelled line, its words in the notes', async () => {
    const { out } = await slideWith('# T\n\n## Tips\n\n> [!TIP]\n> Technically, the parameter is not exactly in the outer scope. We will unwind that confusion later in the book, in the appendix on implied scopes.\n\nOther text here for the slide.\n')
    expect(out).toMatch(/^> \*\*Tip:\*\* .+$/m)
    expect(out.match(/^> /gm)).toHaveLength(1)
    expect(out).toContain('We will unwind that confusion later in the book')
  })

  it('reads a one-cell "TIP:" table as a callout', async () => {
    const { out } = await slideWith('# T\n\n## Boxed\n\n| TIP: |\n| :--- |\n| Keep your functions small so they compose well with others. |\n\nMore text on the slide.\n')
    expect(out).toMatch(/^> \*\*Tip:\*\* Keep your functions small/m)
    expect(out).not.toContain('| TIP')
  })

  it("condenses an author's list item that is a paragraph of prose, and drops an item's closing colon", async () => {
    const long = 'Any policy decision, as opposed to a one-off operational decision, which binds the decisions of other parts of the project and serves as an exception to the normal purviews of all the teams involved.'
    const { out } = await slideWith(`# T\n\n## Rules\n\n- ${long}\n- Adding or removing teams. This includes:\n  - the first one\n  - the second one\n`)
    const items = out.match(/^- .+$/gm)!
    expect(items[0].split(' ').length).toBeLessThanOrEqual(16)
    expect(items[1]).toBe('- Adding or removing teams. This includes')
    expect(out).toContain(long)
  })

  it('drops the colon that closes a bold item leading into its sub-list', async () => {
    const { out } = await slideWith('# T\n\n## Plan\n\n1. **Identify components that use state:**\n   - `ProductTable` filters the list.\n2. **Find their common parent:** The first parent both share.\n')
    expect(out).toContain('1. **Identify components that use state**\n')
    expect(out).toContain('2. **Find their common parent:** The first parent both share.')
  })

  it('reads "description:" followed by a command as a caption over its code', async () => {
    const { out } = await slideWith('# tar\n\n## Use\n\n- Create an archive from files:\n\n`tar cf target.tar file1 file2`\n\n- List the contents of a tar file:\n\n`tar tvf source.tar`\n')
    expect(out).toContain('Create an archive from files\n\n```sh\ntar cf target.tar file1 file2\n```')
    expect(out).not.toMatch(/^- Create/m)
  })

  it('joins CJK lines the author wrapped, on the slide, and keeps them as written in the notes', async () => {
    const { out } = await slideWith('# 标题\n\n## 部分\n\n> 所有权是 Rust 最为与众不同的特性，\n> 它让 Rust 无需垃圾回收即可保障内存安全。\n\n另一段文字，说明更多的内容。\n', 'zh')
    expect(out).toContain('> 所有权是 Rust 最为与众不同的特性，它让 Rust')
    expect(out).toContain('特性，\n它让')
  })
})
