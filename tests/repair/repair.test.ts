import type { Image, Link, List } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { repair as repairWith } from './dialects/helpers.js'

/** The helper's messages as `line:column rule`, as these tests compare them. */
async function repair(markdown: string) {
  const repaired = await repairWith(markdown, {}, 'ch.md')
  return { ...repaired, rules: repaired.places }
}

describe('repair', () => {
  it('reads an image path with spaces as an image, warning at its position', async () => {
    const { find, rules, file } = await repair('Intro.\n\n![Maturity](images/chapter 16 - levels.png)\n')
    const [image] = find<Image>('image')
    expect(image).toMatchObject({ url: 'images/chapter 16 - levels.png', alt: 'Maturity' })
    expect(rules).toEqual(['3:1 image-path-spaces'])
    expect(file.messages[0].reason).toBe('Image path contains spaces; read as "images/chapter 16 - levels.png"')
  })

  it('drops a bold caption line that only repeats the image path, keeping it for the notes', async () => {
    const { tree, find, rules } = await repair('![Tools](images/a b.png)\n**images/a b.png**\n')
    const [image] = find<Image>('image')
    expect(image.data?.droppedCaption).toBe('images/a b.png')
    expect(find('strong')).toHaveLength(0)
    expect(tree.children).toHaveLength(1)
    expect(rules).toEqual(['1:1 image-path-spaces', '2:1 image-caption-path'])
  })

  it('keeps a caption line that says something else', async () => {
    const { find } = await repair('![Tools](tools.png)\n**Figure 1: the tools**\n')
    expect(find('strong')).toHaveLength(1)
  })

  it('splits `-[text](url)` lines out of a list item into their own items', async () => {
    const { find, rules } = await repair('- [One](https://a.example) first\n-[Two](https://b.example) second\n-[Three](https://c.example)\n- [Four](https://d.example)\n')
    const [list] = find<List>('list')
    expect(list.children).toHaveLength(4)
    expect(find<Link>('link').map((link) => link.url)).toEqual(['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example'])
    expect(rules).toEqual(['2:1 list-item-space', '3:1 list-item-space'])
  })

  it('does not take a dash inside prose for a list marker', async () => {
    const { find, rules } = await repair('Prices rose\n-5 percent in a year.\n')
    expect(find('list')).toHaveLength(0)
    expect(rules).toEqual([])
  })

  it('unwraps a doubled-paren link destination', async () => {
    const { find, rules } = await repair('- [AKS]((https://azure.example/aks/))\n')
    expect(find<Link>('link')[0].url).toBe('https://azure.example/aks/')
    expect(rules).toEqual(['1:3 link-double-paren'])
  })

  it('makes reference links inline, and shows an undefined reference as its text', async () => {
    const { find, rules, tree } = await repair('Operands are an [Expression] with a [boolean type], see [the site][rs], [x] and a[0].\n\n[boolean type]: ../types/boolean.md\n[rs]: https://example.org/\n')
    expect(find<Link>('link').map((link) => link.url)).toEqual(['../types/boolean.md', 'https://example.org/'])
    expect(find('linkReference')).toEqual([])
    expect(JSON.stringify(tree)).toContain('Operands are an Expression with a ')
    expect(JSON.stringify(tree)).toContain(', [x] and a[0].')
    expect(rules).toEqual(['1:1 link-undefined'])
  })

  it('drops the definitions once their links are inline, also those inside a list item', async () => {
    const { find } = await repair('- [Highlight]\n- [Snippets]\n\n  [Highlight]: ../a.md#highlight\n  [Snippets]: ../a.md#snippets\n\n[top]: https://example.org/\n')
    expect(find<Link>('link').map((link) => link.url)).toEqual(['../a.md#highlight', '../a.md#snippets'])
    expect(find('definition')).toEqual([])
  })

  it("takes FastAPI's code includes off the slide, keeping them in the notes", async () => {
    const { tree, rules } = await repair('Import it:\n\n{* ../../docs_src/app/main.py hl[1,3] title["app/main.py"] *}\n')
    const include = tree.children[1]
    expect(toString(include)).toBe('')
    expect(include.data?.notes).toEqual(['{* ../../docs_src/app/main.py hl[1,3] title["app/main.py"] *}'])
    expect(rules).toEqual(['3:1 template-syntax'])
  })

  it("keeps a templated link's words, not its Liquid address", async () => {
    const { tree, rules } = await repair("An [include]({{ '/docs/includes/' | relative_url }}) is the perfect way.\n")
    const [paragraph] = tree.children
    expect(toString(paragraph)).toBe('An include is the perfect way.')
    expect(paragraph.data?.notes).toEqual(["An [include]({{ '/docs/includes/' | relative_url }}) is the perfect way."])
    expect(rules).toEqual(['1:1 template-syntax'])
  })

  it('drops a style sheet written in the chapter, rules and all', async () => {
    const { tree, rules } = await repair('Add this CSS:\n\n<style>\n  .md-typeset .admonition.classic {\n    border-width: 0;\n  }\n</style>\n\nThen more prose.\n')
    expect(JSON.stringify(tree)).not.toContain('border-width')
    expect(rules).toContain('3:1 html-unsafe')
  })

  it("takes Kramdown's attribute lists off the slide", async () => {
    const { tree } = await repair('{: .note .warning}\nUsing Pygments has been deprecated.\n')
    expect(toString(tree.children[0])).toBe('Using Pygments has been deprecated.')
  })

  it('reads lines that each hold a link as a list', async () => {
    const { find } = await repair('A - https://a.example\nB - https://b.example\nC - https://c.example\n')
    const [list] = find<List>('list')
    expect(list.children).toHaveLength(3)
    expect(list.data?.notes?.[0]).toContain('B - https://b.example')
  })
})
