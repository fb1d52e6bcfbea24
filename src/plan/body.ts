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
  const state: State = { slides: [], title: [{ type: 'text', value: options.words.introduction }], options }
  const untitled = !body.some((node) => node.type === 'heading')
  for (const [index, node] of body.entries()) {
    // A figure's caption line went with its figure.
    if (node === state.caption) continue
    if (untitled && state.current && state.current.children.length >= blocksPerUntitledSlide && node.type === 'paragraph') {
      Object.assign(state, { current: undefined, title: [{ type: 'text', value: titleFromText(toString(node)) }], at: node })
    }
    if (node.type === 'heading' && node.depth <= options.slideLevel) openSlide(node, body, state)
    else if (node.type === 'thematicBreak') {
      if (state.current?.children.length) state.current.children.push(node)
    } else if (node.type === 'paragraph' && node.children.some((child) => child.type === 'image')) addFigures(node, body[index + 1], state)
    else {
      if (node.type === 'heading') state.subheading = node.children
      content(state).children.push(node)
    }
  }
  // A figure that ended its slide leaves an empty continuation behind.
  return state.slides.filter((slide) => slide.kind !== 'content' || slide.children.length)
}

/** The walk's position: the slide being filled and the title, section and caption in force. */
interface State {
  slides: Slide[]
  current?: Slide
  title: PhrasingContent[]
  at?: RootContent
  subheading?: PhrasingContent[]
  section?: number
  caption?: RootContent
  options: BodyOptions
}

function add(state: State, kind: SlideKind, titleNodes: PhrasingContent[], node?: RootContent, extra: Partial<Slide> = {}): Slide {
  const slide: Slide = { type: 'slide', kind, title: titleNodes, children: [], notes: [], position: node?.position, section: state.section, ...extra }
  state.slides.push(slide)
  return slide
}

function content(state: State): Slide {
  return (state.current ??= add(state, 'content', state.title, state.at, { group: state.options.group() }))
}

function openSlide(node: Heading, body: RootContent[], state: State) {
  const { options } = state
  Object.assign(state, { current: undefined, subheading: undefined, title: node.children, at: node })
  if (node.depth <= options.sectionDepth) state.section = (state.section ?? 0) + 1
  // A heading whose markup was cleaned keeps its words as written in the notes.
  const written = node.data?.notes ?? []
  if (node.depth < options.slideLevel) add(state, 'section', node.children, node).notes.push(sectionNote(node, body, options), ...written)
  else if (written.length) content(state).notes.push(...written)
}

function addFigures(node: Paragraph, next: RootContent | undefined, state: State) {
  const rest: Paragraph = { type: 'paragraph', children: node.children.filter((child) => child.type !== 'image') }
  const images = node.children.filter((child): child is Image => child.type === 'image')
  // A caption is the words beside the image ("Fig. 2: …") or the line after it.
  const inline = images.length === 1 && isCaption(rest)
  state.caption = images.length === 1 && !inline && isCaption(next) ? next : undefined
  // The words around a figure stay together in the notes, alt text included.
  if (!inline && toString(rest).trim()) content(state).children.push({ ...rest, position: node.position, data: { ...node.data, notes: [spoken(node)] } })
  else if (!state.current) content(state)
  if (inline) state.caption = rest
  // "The mockup looks like this:" just above leads into the figure: it goes with it, as its caption.
  const lead = images.length === 1 && !state.caption && !toString(rest).trim() ? leadInto(state.current) : undefined
  const caption = state.caption ?? lead
  for (const image of images) {
    const shown = caption ? toString(caption).replace(/\s+/g, ' ').trim().replace(/\s*:$/, '') : undefined
    const notes = [figureNote(image, state.options.words), ...(caption ? [spoken(caption)] : [])]
    const figure = { url: image.url, alt: image.alt ?? '', status: 'ok' as const, caption: shown }
    add(state, 'image', state.subheading ?? state.title, node, { image: figure, notes, group: state.current?.group })
    // Content after a figure continues the slide it interrupted.
    if (state.current) state.current = add(state, 'content', state.current.title, node, { group: state.current.group })
  }
}

/**
 * The slide's last block, taken off it, when it is one short sentence that ends in a colon and
 * follows more of the slide's text (after a subheading, it opens a part the figure goes with).
 */
function leadInto(slide: Slide | undefined): Paragraph | undefined {
  const last = slide?.children.at(-1)
  const before = slide?.children.at(-2)
  if (last?.type !== 'paragraph' || !before || before.type === 'heading' || last.children.some((child) => child.type === 'image')) return undefined
  const text = toString(last).trim()
  if (!/:$/.test(text) || /[.!?]\s/.test(text) || text.split(/\s+/).length > 14 || text.split(/\s+/).length < 3) return undefined
  slide!.children.pop()
  return last
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
