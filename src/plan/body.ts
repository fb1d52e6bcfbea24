import type { Heading, Image, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Slide, SlideKind } from '../types.js'
import { spoken } from '../util/spoken.js'
import { titleFromText, titleText } from '../util/title.js'
import type { Words } from './words.js'

export interface BodyOptions {
  slideLevel: number
  /** Depth of the headings the agenda lists: each opens a top-level section. */
  sectionDepth: number
  words: Words
  /** Numbers the logical slides; parts of one share a number. */
  group: () => number
}

// Without any heading, the chapter is cut into slides of a few blocks, titled from their text.
const blocksPerUntitledSlide = 4

/**
 * The chapter's body as slides: headings above the slide level open sections (a divider),
 * headings at it open content slides, deeper ones stay on the slide as subheadings. A figure
 * gets an image slide of its own for now; shaping may set it beside the text it belongs to.
 */
export function bodySlides(body: RootContent[], options: BodyOptions): Slide[] {
  const slides: Slide[] = []
  let current: Slide | undefined
  let title: PhrasingContent[] = [{ type: 'text', value: options.words.introduction }]
  let at: RootContent | undefined
  let subheading: PhrasingContent[] | undefined
  let section: number | undefined
  const add = (kind: SlideKind, titleNodes: PhrasingContent[], node?: RootContent, extra: Partial<Slide> = {}) => {
    const slide: Slide = { type: 'slide', kind, title: titleNodes, children: [], notes: [], position: node?.position, section, ...extra }
    slides.push(slide)
    return slide
  }
  const content = () => (current ??= add('content', title, at, { group: options.group() }))
  const untitled = !body.some((node) => node.type === 'heading')
  let caption: RootContent | undefined
  for (const node of body) {
    // A figure's caption line went with its figure.
    if (node === caption) continue
    if (untitled && current && current.children.length >= blocksPerUntitledSlide && node.type === 'paragraph') {
      current = undefined
      title = [{ type: 'text', value: titleFromText(toString(node)) }]
      at = node
    }
    if (node.type === 'heading' && node.depth <= options.slideLevel) {
      ;[current, subheading, title, at] = [undefined, undefined, node.children, node]
      if (node.depth <= options.sectionDepth) section = (section ?? 0) + 1
      // A heading whose markup was cleaned keeps its words as written in the notes.
      const written = node.data?.notes ?? []
      if (node.depth < options.slideLevel) add('section', node.children, node).notes.push(sectionNote(node, body, options), ...written)
      else if (written.length) content().notes.push(...written)
      continue
    }
    if (node.type === 'thematicBreak') {
      if (current?.children.length) current.children.push(node)
      continue
    }
    if (node.type === 'paragraph' && node.children.some((child) => child.type === 'image')) {
      const rest: Paragraph = { type: 'paragraph', children: node.children.filter((child) => child.type !== 'image') }
      const images = node.children.filter((child): child is Image => child.type === 'image')
      const next = body[body.indexOf(node) + 1]
      // A caption is the words beside the image ("Fig. 2: …") or the line after it.
      const inline = images.length === 1 && isCaption(rest)
      caption = images.length === 1 && !inline && isCaption(next) ? next : undefined
      // The words around a figure stay together in the notes, alt text included.
      if (!inline && toString(rest).trim()) content().children.push({ ...rest, position: node.position, data: { ...node.data, notes: [spoken(node)] } })
      else if (!current) content()
      if (inline) caption = rest
      for (const image of images) {
        const shown = caption ? toString(caption).replace(/\s+/g, ' ').trim() : undefined
        const notes = [figureNote(image, options.words), ...(caption ? [spoken(caption)] : [])]
        add('image', subheading ?? title, node, { image: { url: image.url, alt: image.alt ?? '', status: 'ok', caption: shown }, notes, group: current?.group })
        // Content after a figure continues the slide it interrupted.
        if (current) current = add('content', current.title, node, { group: current.group })
      }
      continue
    }
    if (node.type === 'heading') subheading = node.children
    content().children.push(node)
  }
  // A figure that ended its slide leaves an empty continuation behind.
  return slides.filter((slide) => slide.kind !== 'content' || slide.children.length)
}

// "Figure 4-1: …", "Listing 2", "图 3": a line that names the figure just above it.
const captionLine = /^(?:figure|fig\.|listing|table|abbildung|abb\.|figura|tableau|рисунок|рис\.|図|图|그림)\s*[\d.-]+\b/i

function isCaption(node: RootContent | undefined): node is Paragraph {
  return node?.type === 'paragraph' && captionLine.test(toString(node).trim()) && toString(node).split(/\s+/).length <= 40
}

function sectionNote(heading: Heading, body: RootContent[], options: BodyOptions): string {
  const inside: string[] = []
  for (const node of body.slice(body.indexOf(heading) + 1)) {
    if (node.type !== 'heading') continue
    if (node.depth <= heading.depth) break
    if (node.depth <= options.slideLevel) inside.push(toString(node))
  }
  const name = titleText({ title: heading.children })
  return inside.length ? `${name}. ${options.words.inThisPart}: ${inside.join('; ')}.` : `${name}.`
}

function figureNote(image: Image, words: Words): string {
  const lines = [`${words.figure}: ${image.alt || image.url} (${image.url})`]
  if (image.data?.droppedCaption) lines.push(image.data.droppedCaption)
  return lines.join('\n')
}
