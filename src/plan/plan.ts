import type { Heading, Image, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import type { Deck, Slide, SlideKind } from '../types.js'
import { spoken } from '../util/spoken.js'
import { attachFootnotes } from './footnotes.js'
import { collectLinks } from './links.js'
import { inferSlideLevel } from './slide-level.js'
import { frontMatterNote, takeTitle } from './title.js'
import { titleText } from '../util/title.js'

export interface PlanOptions {
  slideLevel?: number
  theme?: string
}

/**
 * mdast → slide tree. Headings above the slide level open sections (a divider slide), headings
 * at it open content slides, deeper ones stay on the slide as subheadings. Figures get their own
 * slides; the chapter's links gather on a references slide.
 */
export function planSlides(options: PlanOptions = {}) {
  return (tree: Root, file: VFile): Deck => {
    const matter = file.data.matter ?? {}
    const blocks = tree.children.filter(isSlideContent)
    const fallback = humanize(file.stem ?? 'Untitled')
    const { title, body, lead, leadParagraph, heading, book } = takeTitle(blocks, matter.title, fallback)
    const slideLevel = options.slideLevel ?? inferSlideLevel(body)
    const links = collectLinks(tree)
    file.data.links = links

    const slides: Slide[] = []
    let group = 0
    const add = (kind: SlideKind, titleNodes: PhrasingContent[], at?: RootContent, extra: Partial<Slide> = {}) => {
      const slide: Slide = { type: 'slide', kind, title: titleNodes, children: [], notes: [], position: at?.position, ...extra }
      slides.push(slide)
      return slide
    }

    // Front matter as written goes to the notes too: nothing of the chapter is lost.
    const frontMatter = tree.children.find((node) => node.type === 'yaml')
    add('title', title, heading, {
      subtitle: subtitleOf(book ? { subtitle: book, ...matter } : matter, lead),
      notes: [...(heading?.data?.notes ?? []), ...(leadParagraph ? [spoken(leadParagraph)] : []), ...(file.data.setAside ?? []), ...(frontMatter?.type === 'yaml' && frontMatter.value.trim() ? [frontMatterNote(frontMatter.value)] : [])],
    })

    const sectionHeadings = body.filter((node): node is Heading => node.type === 'heading' && node.depth < slideLevel)
    const agendaHeadings = sectionHeadings.length
      ? sectionHeadings.filter((node) => node.depth === Math.min(...sectionHeadings.map((h) => h.depth)))
      : body.filter((node): node is Heading => node.type === 'heading' && node.depth === slideLevel)
    if (agendaHeadings.length >= 2) {
      const agenda = add('agenda', [{ type: 'text', value: 'Agenda' }], undefined, { group: ++group })
      agenda.children.push({
        type: 'list',
        ordered: true,
        spread: false,
        children: agendaHeadings.map((node) => ({
          type: 'listItem',
          spread: false,
          children: [{ type: 'paragraph', children: node.children }],
        })),
      })
      agenda.notes.push(`This talk has ${agendaHeadings.length} parts: ${agendaHeadings.map((node) => toString(node)).join('; ')}.`)
    }

    let current: Slide | undefined
    let currentTitle: PhrasingContent[] = [{ type: 'text', value: 'Introduction' }]
    let currentAt: RootContent | undefined
    const content = () => {
      current ??= add('content', currentTitle, currentAt, { group: ++group })
      return current
    }
    let subheading: PhrasingContent[] | undefined
    const figure = (image: Image, at: RootContent) => {
      const slide = add('image', subheading ?? currentTitle, at, {
        image: { url: image.url, alt: image.alt ?? '', status: 'ok' },
        notes: [figureNote(image)],
      })
      // Content after a figure continues the slide it interrupted.
      if (current) current = add('content', current.title, at, { group: current.group })
      return slide
    }

    // Without any heading, the chapter is cut into slides of a few blocks, titled from their text.
    const untitled = !body.some((node) => node.type === 'heading')
    for (const node of body) {
      if (untitled && current && current.children.length >= blocksPerUntitledSlide && node.type === 'paragraph') {
        current = undefined
        currentTitle = [{ type: 'text', value: titleFromText(toString(node)) }]
        currentAt = node
      }
      if (node.type === 'heading' && node.depth <= slideLevel) {
        current = undefined
        subheading = undefined
        currentTitle = node.children
        currentAt = node
        // A heading whose markup was cleaned keeps its words as written in the notes.
        const written = node.data?.notes ?? []
        if (node.depth < slideLevel) {
          const section = add('section', node.children, node)
          section.notes.push(sectionNote(section, body, node, slideLevel), ...written)
        } else if (written.length) {
          content().notes.push(...written)
        }
        continue
      }
      if (node.type === 'thematicBreak') {
        if (current?.children.length) current.children.push(node)
        continue
      }
      if (node.type === 'paragraph' && node.children.some((child) => child.type === 'image')) {
        const images = node.children.filter((child): child is Image => child.type === 'image')
        const rest = node.children.filter((child) => child.type !== 'image')
        // The words around a figure stay together in the notes, alt text included.
        if (toString({ type: 'paragraph', children: rest }).trim()) content().children.push({ ...node, children: rest, data: { ...node.data, notes: [spoken(node)] } })
        else if (!current) content()
        for (const image of images) figure(image, node)
        continue
      }
      if (node.type === 'heading') subheading = node.children
      content().children.push(node)
    }

    // A figure that ended its slide leaves an empty continuation behind.
    const kept = slides.filter((slide) => slide.kind !== 'content' || slide.children.length)

    if (links.length) {
      kept.push({
        type: 'slide',
        kind: 'references',
        title: [{ type: 'text', value: 'References' }],
        group: ++group,
        notes: ['Links cited in this chapter:', ...links.map((link) => `${link.text ? link.text + ': ' : ''}${link.url}`)],
        children: [
          {
            type: 'list',
            ordered: false,
            spread: false,
            children: links.map((link) => ({
              type: 'listItem',
              spread: false,
              children: [
                {
                  type: 'paragraph',
                  children: [{ type: 'link', url: link.url, children: [{ type: 'text', value: linkLabel(link.text, link.url) }] }],
                },
              ],
            })),
          },
        ],
      })
    }

    if (kept.length > 3) {
      kept.push({
        type: 'slide',
        kind: 'closing',
        title: [{ type: 'text', value: 'Thank you' }],
        subtitle: [{ type: 'text', value: 'Questions?' }],
        children: [],
        notes: agendaHeadings.length
          ? [`Recap: ${agendaHeadings.map((node) => toString(node)).join('; ')}. Invite questions.`]
          : ['Invite questions.'],
      })
    }

    const lang = matter.lang ?? 'en'
    const deck: Deck = {
      type: 'deck',
      meta: {
        title: toString({ type: 'paragraph', children: title } as Paragraph),
        author: matter.author,
        subtitle: matter.subtitle ?? book,
        date: matter.date,
        lang,
        dir: isRtl(lang, toString(tree)) ? 'rtl' : 'ltr',
        theme: options.theme ?? 'chapterdeck',
        slideLevel,
      },
      children: kept,
    }
    attachFootnotes(tree, deck)
    file.data.deck = deck
    return deck
  }
}

const blocksPerUntitledSlide = 4
const rtlLanguages = /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ku-arab)\b/i
const rtlLetters = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/g

/** Right to left when the language says so, or when most letters are Arabic or Hebrew. */
function isRtl(lang: string, text: string): boolean {
  if (rtlLanguages.test(lang)) return true
  const rtl = text.match(rtlLetters)?.length ?? 0
  if (!rtl) return false
  const letters = text.match(/\p{L}/gu)?.length ?? 0
  return letters > 0 && rtl / letters > 0.5
}

/** A slide title from prose: its first words, cut at a word. */
function titleFromText(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  const head = words.slice(0, 6).join(' ').replace(/[,;:.!?]+$/, '')
  return words.length > 6 ? `${head}…` : head
}

/** Source blocks that can reach a slide: not front matter, definitions or hidden comments. */
function isSlideContent(node: RootContent): boolean {
  if (node.type === 'yaml' || node.type === 'definition' || node.type === 'footnoteDefinition') return false
  if (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return false
  return true
}

function subtitleOf(matter: Record<string, string>, lead: string | undefined): PhrasingContent[] | undefined {
  const line = matter.subtitle ?? lead
  const byline = [matter.author, matter.date].filter(Boolean).join(' · ')
  const parts = [line, byline].filter(Boolean) as string[]
  if (!parts.length) return undefined
  return parts.flatMap((value, index) => [
    ...(index ? [{ type: 'break' } as PhrasingContent] : []),
    { type: 'text', value } as PhrasingContent,
  ])
}

function sectionNote(section: Slide, body: RootContent[], heading: Heading, slideLevel: number): string {
  const start = body.indexOf(heading)
  const inside: string[] = []
  for (const node of body.slice(start + 1)) {
    if (node.type !== 'heading') continue
    if (node.depth <= heading.depth) break
    if (node.depth <= slideLevel) inside.push(toString(node))
  }
  const name = titleText(section)
  return inside.length ? `${name}. In this part: ${inside.join('; ')}.` : `${name}.`
}

function figureNote(image: Image): string {
  const lines = [`Figure: ${image.alt || 'untitled'} (${image.url})`]
  if (image.data?.droppedCaption) lines.push(image.data.droppedCaption)
  return lines.join('\n')
}


function linkLabel(text: string, url: string): string {
  const short = url.replace(/^(?:https?:\/\/)?(?:www\.)?/, '').replace(/\/$/, '')
  const display = short.length > 60 ? short.slice(0, 57) + '…' : short
  return text ? `${text} — ${display}` : display
}

function humanize(stem: string): string {
  const words = stem.replace(/[-_]+/g, ' ').trim()
  return words ? words[0].toUpperCase() + words.slice(1) : 'Untitled'
}
