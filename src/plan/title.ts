import type { Heading, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { collapseWhitespace, splitSentences } from '../util/text.js'

export interface TitleParts {
  title: PhrasingContent[]
  /** The blocks that remain once the title heading (and its lead paragraph) are taken. */
  body: RootContent[]
  heading?: Heading
  lead?: string
  /** The paragraph the lead sentence came from, spoken in full on the title slide. */
  leadParagraph?: Paragraph
}

/**
 * The title comes from front matter, else from a first heading that is the document's
 * shallowest, else from the file name. Its lead is the first sentence of the first paragraph.
 */
export function takeTitle(blocks: RootContent[], matterTitle: string | undefined, fallback: string): TitleParts {
  const headings = blocks.filter((node): node is Heading => node.type === 'heading')
  const first = headings[0]
  const shallowest = Math.min(...headings.map((heading) => heading.depth))
  const startsWithTitle =
    first !== undefined &&
    first.depth === shallowest &&
    headings.filter((heading) => heading.depth === shallowest).length >= 1 &&
    blocks.slice(0, blocks.indexOf(first)).every((node) => node.type !== 'paragraph' && node.type !== 'list')
  const useHeading = startsWithTitle && (!matterTitle || toString(first).trim() === matterTitle)

  let body = useHeading ? blocks.filter((node) => node !== first) : blocks
  const title: PhrasingContent[] = useHeading
    ? first.children
    : [{ type: 'text', value: matterTitle ?? fallback }]

  const leadIndex = useHeading ? blocks.indexOf(first) + 1 : 0
  const candidate = (useHeading ? blocks[leadIndex] : body[0])
  let lead: string | undefined
  let leadParagraph: Paragraph | undefined
  if (candidate?.type === 'paragraph') {
    const sentences = splitSentences(collapseWhitespace(toString(candidate)))
    if (sentences[0] && sentences[0].split(/\s+/).length <= 30) {
      lead = sentences[0]
      leadParagraph = candidate
      body = body.filter((node) => node !== candidate)
    }
  }
  return { title, body, heading: useHeading ? first : undefined, lead, leadParagraph }
}
