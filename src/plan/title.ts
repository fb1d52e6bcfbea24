import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parse } from 'yaml'
import { spoken } from '../util/spoken.js'
import { collapseWhitespace, splitSentences } from '../util/text.js'

export interface TitleParts {
  title: PhrasingContent[]
  /** The blocks that remain once the title heading (and its lead paragraph) are taken. */
  body: RootContent[]
  heading?: Heading
  /** A book's title written as a heading above the chapter's: the title slide's subtitle. */
  book?: string
  lead?: string
  /** The paragraph the lead sentence came from, spoken in full on the title slide. */
  leadParagraph?: Paragraph
}

/**
 * The title comes from front matter, else from the chapter's heading: its only H1 wherever it
 * stands, the second of two H1s that open it (the first names the book), or a first heading
 * that is the document's shallowest; else from the file name. Its lead is the first sentence
 * of the paragraph under it (not when the book's title takes the subtitle).
 */
export function takeTitle(blocks: RootContent[], matterTitle: string | undefined, fallback: string): TitleParts {
  const found = titleHeading(blocks)
  const first = found?.heading
  const useHeading = first !== undefined && (!matterTitle || toString(first).trim() === matterTitle)
  const book = useHeading ? found?.book : undefined

  let body = useHeading ? blocks.filter((node) => node !== first && node !== book) : blocks
  const title: PhrasingContent[] = useHeading ? first.children : [{ type: 'text', value: matterTitle ?? fallback }]

  const candidate = useHeading ? blocks[blocks.indexOf(first) + 1] : body[0]
  let lead: string | undefined
  let leadParagraph: Paragraph | undefined
  // A lead with math would show its TeX: such a paragraph stays where it is.
  if (candidate?.type === 'paragraph' && !book && !candidate.children.some((child) => child.type === 'inlineMath')) {
    const sentences = splitSentences(collapseWhitespace(toString(candidate)))
    if (sentences[0] && sentences[0].split(/\s+/).length <= 30) {
      lead = sentences[0]
      leadParagraph = candidate
      body = body.filter((node) => node !== candidate)
    }
  }
  return { title, body, heading: useHeading ? first : undefined, book: book && toString(book).trim(), lead, leadParagraph }
}

function titleHeading(blocks: RootContent[]): { heading: Heading; book?: Heading } | undefined {
  const headings = blocks.filter((node): node is Heading => node.type === 'heading')
  const ones = headings.filter((heading) => heading.depth === 1)
  const prose = (node: RootContent) => node.type !== 'heading' && node.type !== 'html' && node.type !== 'thematicBreak'
  if (ones.length === 2 && headings[0] === ones[0] && !blocks.slice(0, blocks.indexOf(ones[1])).some(prose)) return { heading: ones[1], book: ones[0] }
  if (ones.length === 1) return { heading: ones[0] }
  const first = headings[0]
  if (!first || first.depth !== Math.min(...headings.map((heading) => heading.depth))) return undefined
  const before = blocks.slice(0, blocks.indexOf(first))
  return before.every((node) => node.type !== 'paragraph' && node.type !== 'list') ? { heading: first } : undefined
}

/**
 * The chapter's front matter (or title block) for the title slide's notes. Flat metadata reads
 * as words, `Title: Ninja. Author: Evan Martin.`, not YAML; nested or unreadable YAML keeps
 * its words as written.
 */
export function frontMatterNote(yaml: string): string {
  let data: unknown
  try {
    data = parse(yaml)
  } catch {
    data = undefined
  }
  const scalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Date
  const text = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value ?? ''))
  const flat = data && typeof data === 'object' && !Array.isArray(data) && Object.values(data).every((value) => scalar(value) || (Array.isArray(value) && value.every(scalar)))
  if (!flat) return `Front matter: ${spoken(unified().use(remarkParse).parse(yaml) as Root)}`
  const fields = Object.entries(data as Record<string, unknown>).map(([key, value]) => {
    const words = Array.isArray(value) ? value.map(text).join(', ') : text(value)
    return `${key[0].toUpperCase()}${key.slice(1).replace(/[_-]+/g, ' ')}: ${words.replace(/[.\s]+$/, '')}.`
  })
  return `Front matter — ${fields.join(' ')}`
}
