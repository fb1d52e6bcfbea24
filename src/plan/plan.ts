import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Deck, Slide } from '../types.js'
import { spoken } from '../util/spoken.js'
import { bodySlides } from './body.js'
import { attachFootnotes } from './footnotes.js'
import { detectLanguage } from './language.js'
import { collectLinks } from './links.js'
import { referenceSlides } from './references.js'
import { inferSlideLevel } from './slide-level.js'
import { frontMatterNote, takeTitle, type TitleParts } from './title.js'
import { referenceHeadings, wordsFor, type Words } from './words.js'

export interface PlanOptions {
  slideLevel?: number
  theme?: string
}

/**
 * mdast → slide tree: a title slide, an agenda, the chapter's sections and slides (body.ts),
 * one references section (references.ts) and a closing slide, with the words chapterdeck
 * adds in the chapter's language.
 */
export function planSlides(options: PlanOptions = {}) {
  return (tree: Root, file: VFile): Deck => {
    const matter = file.data.matter ?? {}
    const parts = takeTitle(tree.children.filter(isSlideContent), matter.title, humanize(file.stem ?? 'Untitled'))
    const lang = matter.lang ?? detectLanguage(tree)
    const words = wordsFor(lang)
    const { body, own } = withoutReferences(parts.body)
    const slideLevel = options.slideLevel ?? inferSlideLevel(body)
    const agendaHeadings = agendaOf(body, slideLevel)
    const links = collectLinks(tree, agendaHeadings[0]?.depth ?? slideLevel, own)
    file.data.links = links
    let groups = 0
    const group = () => ++groups
    const slides: Slide[] = [
      titleSlide(parts, matter, tree, file),
      ...agendaSlides(agendaHeadings, words, group),
      ...bodySlides(body, { slideLevel, sectionDepth: agendaHeadings[0]?.depth ?? slideLevel, words, group }),
      ...referenceSlides(links, words, group),
    ]
    // What the references section said besides its links is spoken on its first slide.
    const referencesSlide = slides.find((slide) => slide.kind === 'references')
    referencesSlide?.notes.push(...[...own].filter((node) => node.type !== 'heading').map((node) => spoken(node)).filter((text) => !/^https?:/.test(text)))
    if (slides.length > 3) slides.push(closingSlide(agendaHeadings, words))
    // Without a references section, the links are still listed for the speaker at the end.
    const last = slides[slides.length - 1]
    if (!referencesSlide && links.length && last.kind === 'closing') last.notes.push(`${words.linksCited}:`, ...links.map((link) => `${link.text ? link.text + ': ' : ''}${link.url}`))
    const deck: Deck = { type: 'deck', meta: metaOf(parts, matter, lang, tree, options, slideLevel), children: slides, links }
    attachFootnotes(tree, deck)
    file.data.deck = deck
    return deck
  }
}

function metaOf(parts: TitleParts, matter: Record<string, string>, lang: string, tree: Root, options: PlanOptions, slideLevel: number): Deck['meta'] {
  return {
    title: toString({ type: 'paragraph', children: parts.title } as Paragraph),
    author: matter.author,
    subtitle: matter.subtitle ?? parts.book,
    date: matter.date,
    lang,
    dir: isRtl(lang, toString(tree)) ? 'rtl' : 'ltr',
    theme: options.theme ?? 'chapterdeck',
    slideLevel,
  }
}

function titleSlide(parts: TitleParts, matter: Record<string, string>, tree: Root, file: VFile): Slide {
  // Front matter as written goes to the notes too: nothing of the chapter is lost.
  const frontMatter = tree.children.find((node) => node.type === 'yaml')
  const notes = [
    ...(parts.heading?.data?.notes ?? []),
    ...(parts.leadParagraph ? (parts.leadParagraph.data?.notes ?? [spoken(parts.leadParagraph)]) : []),
    ...(file.data.setAside ?? []),
    ...(frontMatter?.type === 'yaml' && frontMatter.value.trim() ? [frontMatterNote(frontMatter.value)] : []),
  ]
  // A book's title above the chapter's is the subtitle.
  const subtitle = subtitleOf(parts.book ? { subtitle: parts.book, ...matter } : matter, parts.lead)
  return { type: 'slide', kind: 'title', title: parts.title, subtitle, children: [], notes, position: parts.heading?.position }
}

/** The top-level sections, or the slides when there are none: at least two make an agenda. */
function agendaOf(body: RootContent[], slideLevel: number): Heading[] {
  const sections = body.filter((node): node is Heading => node.type === 'heading' && node.depth < slideLevel)
  if (!sections.length) return body.filter((node): node is Heading => node.type === 'heading' && node.depth === slideLevel)
  const top = Math.min(...sections.map((heading) => heading.depth))
  return sections.filter((heading) => heading.depth === top)
}

function agendaSlides(headings: Heading[], words: Words, group: () => number): Slide[] {
  if (headings.length < 2) return []
  const items = headings.map((node) => ({ type: 'listItem' as const, spread: false, children: [{ type: 'paragraph' as const, children: withoutEllipsis(node.children) }] }))
  const notes = [`${words.parts(headings.length)}: ${headings.map((node) => toString(node)).join('; ')}.`]
  return [{ type: 'slide', kind: 'agenda', title: [{ type: 'text', value: words.agenda }], group: group(), children: [{ type: 'list', ordered: true, spread: false, children: items }], notes }]
}

/** "Old McDonald Had Effects...": a heading's teasing ellipsis reads as a cut-off item in a list. */
function withoutEllipsis(children: PhrasingContent[]): PhrasingContent[] {
  const last = children[children.length - 1]
  if (last?.type !== 'text' || !/\S\s*(?:\.{3}|…)$/.test(last.value)) return children
  return [...children.slice(0, -1), { ...last, value: last.value.replace(/\s*(?:\.{3}|…)$/, '') }]
}

function closingSlide(agenda: Heading[], words: Words): Slide {
  const recap = agenda.length ? `${words.recap}: ${agenda.map((node) => toString(node)).join('; ')}. ` : ''
  return { type: 'slide', kind: 'closing', title: [{ type: 'text', value: words.thankYou }], subtitle: [{ type: 'text', value: words.questions }], children: [], notes: [`${recap}${words.inviteQuestions}`] }
}

/**
 * The chapter's own references section, taken out of the body: its links lead the deck's.
 * It is a section named so ("References", "Further reading" …) that is mostly links.
 */
function withoutReferences(blocks: RootContent[]): { body: RootContent[]; own: Set<RootContent> } {
  for (const [start, node] of blocks.entries()) {
    if (node.type !== 'heading' || !referenceHeadings.test(toString(node).trim())) continue
    let end = start + 1
    while (end < blocks.length && !(blocks[end].type === 'heading' && (blocks[end] as Heading).depth <= node.depth)) end++
    const section = blocks.slice(start + 1, end)
    if (mostlyLinks(section)) return { body: [...blocks.slice(0, start), ...blocks.slice(end)], own: new Set(blocks.slice(start, end)) }
  }
  return { body: blocks, own: new Set() }
}

/** Blocks whose words are mostly links or addresses, with no code or subsections. */
function mostlyLinks(blocks: RootContent[]): boolean {
  if (!blocks.length || blocks.some((node) => node.type === 'code' || node.type === 'heading')) return false
  let linked = 0
  for (const node of blocks) visit(node, 'link', (link) => void (linked += toString(link).length))
  const total = blocks.reduce((sum, node) => sum + toString(node).length, 0)
  const bare = blocks.reduce((sum, node) => sum + (toString(node).match(/https?:\/\/\S+/g)?.join('').length ?? 0), 0)
  return total > 0 && (linked + bare) / total >= 0.5
}

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
  return parts.flatMap((value, index) => [...(index ? [{ type: 'break' } as PhrasingContent] : []), { type: 'text', value } as PhrasingContent])
}

function humanize(stem: string): string {
  const words = stem.replace(/[-_]+/g, ' ').trim()
  return words ? words[0].toUpperCase() + words.slice(1) : 'Untitled'
}
