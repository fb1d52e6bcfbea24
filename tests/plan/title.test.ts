import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { titleText } from '../../src/util/title.js'
import { processMarkdown } from '../helpers/process.js'

const titleSlide = async (markdown: string) => {
  const { deck } = await processMarkdown(markdown, {}, 'ejs-11-async.md')
  const slide = deck.children[0]
  return { title: titleText(slide), subtitle: slide.subtitle ? toString({ type: 'paragraph', children: slide.subtitle }) : undefined }
}

describe('title slide', () => {
  it("takes a chapter's only H1 wherever it stands, not the file name", async () => {
    expect(await titleSlide('A badge line before the title.\n\n# Asynchronous Programming\n\nComputers are fast.\n\n## Callbacks\n\nText.\n')).toMatchObject({ title: 'Asynchronous Programming' })
  })

  it("reads a book's title above the chapter's as the subtitle", async () => {
    expect(await titleSlide("# You Don't Know JS Yet\n# Chapter 2: Lexical Scope\n\nIn Chapter 1, we explored scope.\n\n## Marbles\n\nText.\n")).toEqual({
      title: 'Chapter 2: Lexical Scope',
      subtitle: "You Don't Know JS Yet",
    })
  })

  it('prefers front matter, and falls back on the file name', async () => {
    expect(await titleSlide('---\ntitle: Thinking in React\n---\n\n## Start\n\nText.\n')).toMatchObject({ title: 'Thinking in React' })
    expect(await titleSlide('Just prose, no heading at all.\n')).toMatchObject({ title: 'Ejs 11 async' })
  })
})
