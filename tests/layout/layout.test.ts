import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { generatedFiles } from '../../src/layout/figures.js'
import { talkFigures } from '../../src/verify/talk.js'
import { titleText } from '../../src/util/title.js'
import { processFile, processMarkdown } from '../helpers/process.js'

const titles = (deck: { children: { title: never[]; part?: { index: number; total: number } }[] }) =>
  deck.children.map((slide) => titleText(slide) + (slide.part ? ` (${slide.part.index}/${slide.part.total})` : ''))

describe('layouts chosen from the content', () => {
  it('sets a figure beside the text it belongs to, and draws a placeholder for one that is missing', async () => {
    const { deck, markdown } = await processMarkdown('# T\n\n## Tools\n\nThe number of tools keeps growing every year.\n\n![Kubernetes tooling](images/tools.png)\n\nMost of them are open source projects.\n')
    const [slide] = deck.children.filter((item) => item.kind === 'content')
    expect(slide.classes).toContain('split')
    expect(slide.children[0].data?.figure).toBeDefined()
    expect(markdown).toMatch(/!\[Kubernetes tooling\]\(assets\/placeholder-\d+\.svg\)\\\n_Kubernetes tooling_/)
    const [file] = generatedFiles(deck)
    expect(file.content).toContain('Image not found')
    expect(file.content).toContain('images/tools.png')
    expect(deck.children.some((item) => item.kind === 'image')).toBe(false)
  })

  it('makes a slide of one short sentence a statement slide', async () => {
    const { deck, markdown } = await processMarkdown('# T\n\n## Operators\n\nThe operator pattern emerged in 2016.\n\n## Other\n\nOne. Two sentences here and more words. Three words here.\n\nAnother paragraph with more.\n')
    const operators = deck.children.find((slide) => titleText(slide) === 'Operators')!
    expect(operators.classes).toEqual(['lead'])
    expect(markdown).toContain('<!-- _class: lead -->\n\n## Operators\n\nThe operator pattern emerged in 2016')
  })

  it('sets a list of many short items in two columns, and a lone quotation as a quote slide', async () => {
    const items = Array.from({ length: 8 }, (_, index) => `- Platform ${index + 1}`).join('\n')
    const { deck } = await processMarkdown(`# T\n\n## Platforms\n\n${items}\n\n## Words\n\n> The best way to predict the future is to invent it.\n>\n> — Alan Kay\n`)
    expect(deck.children.find((slide) => titleText(slide) === 'Platforms')!.classes).toEqual(['columns'])
    expect(deck.children.find((slide) => titleText(slide) === 'Words')!.classes).toEqual(['quote'])
  })

  it('gives an epigraph its own quote slide', async () => {
    const { deck } = await processMarkdown('# T\n\n## Chapter\n\n> Simplicity is prerequisite for reliability.\n\nThe chapter starts here with its first paragraph of prose.\n\nAnd goes on with a second paragraph of prose.\n')
    const chapter = deck.children.filter((slide) => titleText(slide) === 'Chapter')
    expect(chapter.map((slide) => slide.classes?.[0])).toEqual(['quote', undefined])
  })
})

describe('the shape of the deck', () => {
  it('gives a section a divider only when it has three slides or more', async () => {
    const { deck } = await processMarkdown('# T\n\n# Short part\n\n## One\n\nText one here for the slide.\n\n# Long part\n\n## A\n\nText a.\n\n## B\n\nText b.\n\n## C\n\nText c.\n')
    expect(deck.children.filter((slide) => slide.kind === 'section').map((slide) => titleText(slide))).toEqual(['Long part'])
  })

  it('titles a heading that would run to more than six slides by its subheadings', async () => {
    const sections = Array.from({ length: 8 }, (_, index) => `### Step ${index + 1}\n\n${Array.from({ length: 6 }, (__, k) => `Sentence number ${k + 1} of step ${index + 1} says one thing about the topic at hand.`).join('\n\n')}`).join('\n\n')
    const { deck } = await processMarkdown(`# T\n\n## Long section\n\n${sections}\n`)
    expect(talkFigures(deck).longestRun).toBeLessThanOrEqual(6)
    expect(titles(deck as never)).toContain('Step 3 (1/2)')
    expect(titles(deck as never).every((title) => !/\(\d+\/([7-9]|\d\d)\)/.test(title))).toBe(true)
  })

  it("titles the parts of a long run by a list's label, never by one word of prose or words the title has", async () => {
    const topic = (name: string) => `- ${name}\n${Array.from({ length: 9 }, (_, k) => `    - [${name} detail number ${k + 1} about the topic](https://example.com/${k})`).join('\n')}`
    const list = ['Load balancer', 'Reverse proxy', 'Application layer', 'Database', 'Cache', 'Asynchronism', 'Communication', 'Security'].map(topic).join('\n')
    const { deck } = await processMarkdown(`# T\n\n## Index of topics\n\n${list}\n`)
    const shown = titles(deck as never).filter((title) => title.startsWith('Index of topics:'))
    expect(shown.length).toBeGreaterThan(0)
    // A part is titled by the label its list opens with, not by its words run together.
    expect(shown.every((title) => /^Index of topics: (Load balancer|Reverse proxy|Application layer|Database|Cache|Asynchronism|Communication|Security)( \(\d+\/\d+\))?$/.test(title))).toBe(true)
  })

  it('never titles a part by a whole CJK bullet, which has no spaces to count words by', async () => {
    const paragraph = (k: number) => `ヒープへのデータアクセスは、スタックのデータへのアクセスよりも低速です。ポインタを追って目的の場所に 到達しなければ ならないからです。その${k}。現代のプロセッサは、メモリをあちこち行き来しなければ、より速くなります。`
    // An English chapter quoting Japanese: its bullets are the Japanese paragraphs whole.
    const english = Array.from({ length: 30 }, (_, k) => `Ownership is a set of rules that govern how a program manages memory, rule ${k}.`).join('\n\n')
    const { deck } = await processMarkdown(`---\nlang: en\n---\n\n# Ownership\n\n## Rules\n\n${english}\n\n## スタックとヒープ\n\n${Array.from({ length: 60 }, (_, k) => paragraph(k)).join('\n\n')}\n`)
    expect(titles(deck as never).length).toBeGreaterThan(8)
    for (const title of titles(deck as never)) expect(title.length, title).toBeLessThan(60)
  })

  it('titles the parts of a long run of code by what each declares, never by a fragment of a line', async () => {
    const component = (name: string) => ['```jsx', `function ${name}({ items }) {`, '  return (', ...Array.from({ length: 24 }, (_, k) => `    <li key="${k}">{items[${k}]}</li>`), '  );', '}', '```'].join('\n')
    const samples = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'].map(component).join('\n\n')
    const { deck } = await processMarkdown(`# T\n\n## Components\n\n${samples}\n`)
    const shown = titles(deck as never).filter((title) => title.startsWith('Components'))
    expect(shown.length).toBeGreaterThan(6)
    expect(shown.some((title) => /Components: (Beta|Gamma|Delta|Epsilon|Zeta|Eta|Theta)/.test(title))).toBe(true)
    expect(shown.every((title) => !/return|\(\s*(\(|$)/.test(title))).toBe(true)
  })

  it('titles a part by the caption it opens with, and does not show that caption again', async () => {
    const sample = (n: number) => `Step ${n} in shell form:\n\n\`\`\`bash\n${Array.from({ length: 14 }, (_, k) => `echo step ${n} line ${k}`).join('\n')}\n\`\`\``
    const { deck, markdown } = await processMarkdown(`# T\n\n## Setup\n\n${Array.from({ length: 9 }, (_, k) => sample(k + 1)).join('\n\n')}\n`)
    const titled = deck.children.filter((slide) => /^Step \d in shell form$/.test(titleText(slide)))
    expect(titled.length).toBeGreaterThan(0)
    for (const slide of titled) expect(toString(slide.children[0])).not.toBe(titleText(slide))
    // Its words stay in the notes.
    for (const n of [1, 5, 9]) expect(markdown).toContain(`Step ${n} in shell form:`)
  })

  it('adds a key points slide with one takeaway per section, unless the chapter has a summary', async () => {
    const chapter = '# T\n\n# Part one\n\nCaching keeps hot data close to the application servers.\n\n# Part two\n\nReplication copies every write to the follower databases.\n'
    const { deck } = await processMarkdown(chapter)
    const points = deck.children.find((slide) => titleText(slide) === 'Key points')!
    expect(points.children.map((block) => toString(block))).toEqual(['Caching keeps hot data close to the application servers\nReplication copies every write to the follower databases'.replace('\n', '')])
    expect(deck.children.at(-1)!.kind).toBe('closing')
    const summarized = await processMarkdown(`${chapter}\n# Summary\n\nBoth parts matter.\n`)
    expect(summarized.deck.children.some((slide) => titleText(slide) === 'Key points')).toBe(false)
  })

  it('takes as a takeaway no instruction to the reader, no words about the text and no question', async () => {
    const chapter =
      '# T\n\n# Part one\n\nTry adding code to the caching layer that uses the application servers often.\n\nCaching keeps hot data close to servers.\n\n' +
      "# Part two\n\nWe won't include all the replication code in the examples of the follower databases.\n\nReplication copies every write.\n\nWhat if the follower databases and the replication fall behind?\n"
    const { deck } = await processMarkdown(chapter)
    const points = deck.children.find((slide) => titleText(slide) === 'Key points')!
    expect(points.children.map((block) => toString(block)).join('\n')).toBe('Caching keeps hot data close to serversReplication copies every write')
  })

  it("says the words it adds in the chapter's language", async () => {
    const { markdown } = await processMarkdown('# 标题\n\n# 第一部分\n\n这是第一部分的内容，说明了一些重要的事情。\n\n# 第二部分\n\n这是第二部分的内容，说明了另外一些事情。\n')
    for (const word of ['## 议程', '## 要点', '# 谢谢', '有问题吗？', 'lang: zh']) expect(markdown).toContain(word)
    const german = await processMarkdown('# Titel\n\n# Erster Teil\n\nDas ist der erste Teil des Kapitels, und er erklärt etwas Wichtiges über die Anwendung.\n\n# Zweiter Teil\n\nDas ist der zweite Teil des Kapitels, und er erklärt noch mehr über die Anwendung.\n')
    for (const word of ['## Agenda', '## Kernpunkte', '# Vielen Dank', 'Fragen?', 'lang: de']) expect(german.markdown).toContain(word)
  })
})

describe('the seed chapter as a talk', () => {
  it('has no cut or dangling bullet, no thin slide, one short references section and runs of six at most', async () => {
    const { deck } = await processFile('source/the-future-of-kubernetes.md')
    const figures = talkFigures(deck)
    expect(figures).toMatchObject({ cutBullets: 0, danglingBullets: 0, thinSlides: 0 })
    expect(figures.referenceSlides).toBeLessThanOrEqual(2)
    expect(figures.longestRun).toBeLessThanOrEqual(6)
    expect(Object.keys(figures.layouts)).toEqual(expect.arrayContaining(['split', 'lead', 'columns', 'references']))
  })

  it('writes the placeholder files a build puts beside deck.md', async () => {
    const { deck } = await processFile('source/the-future-of-kubernetes.md')
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-layout-'))
    try {
      for (const { asset, content } of generatedFiles(deck)) {
        fs.mkdirSync(path.dirname(path.join(out, asset)), { recursive: true })
        fs.writeFileSync(path.join(out, asset), content)
      }
      expect(fs.readdirSync(path.join(out, 'assets'))).toHaveLength(2)
    } finally {
      fs.rmSync(out, { recursive: true, force: true })
    }
  })
})
