import type { List, ListItem, RootContent } from 'mdast'
import type { Deck, LinkRef, Slide } from '../types.js'
import { wordsFor, type Words } from './words.js'

/** Lines (links and section names) one references slide shows, in two columns. */
export const referenceLines = 18
const maxSlides = 2
const minLinks = 3

/**
 * One short references section: the chapter's own references first, then the links cited in
 * its text, each once, grouped by the section that cites them, with the site's name. At most
 * two slides; links beyond them are counted on the last line. Every link is in the notes.
 */
export function referenceSlides(links: LinkRef[], words: Words, group: () => number): Slide[] {
  // A link or two is no section of its own: they stay on their slides, and in the notes.
  if (links.length < minLinks) return []
  const ordered = [...links.filter((link) => link.own), ...links.filter((link) => !link.own)]
  const sections = new Map<string, LinkRef[]>()
  for (const link of ordered) sections.set(link.section ?? '', [...(sections.get(link.section ?? '') ?? []), link])
  const lines = [...sections].flatMap(([section, list]): Line[] => [...(section ? [section] : []), ...list])
  const capacity = referenceLines * maxSlides
  const visible = lines.length > capacity ? lines.slice(0, capacity - 1) : lines
  // A section name never ends a page.
  const pages = [visible.slice(0, referenceLines), visible.slice(referenceLines)]
  while (typeof pages[0][pages[0].length - 1] === 'string') pages[1].unshift(pages[0].pop()!)
  while (typeof pages[1][pages[1].length - 1] === 'string') pages[1].pop()
  const rest = ordered.length - visible.filter((line) => typeof line !== 'string').length
  const blocks = pages.filter((page) => page.length).map(pageBlocks)
  if (rest > 0) blocks[blocks.length - 1].push(moreLine(words.moreLinks(rest)))
  const id = group()
  return blocks.map((children, index) => ({
    type: 'slide',
    kind: 'references',
    title: [{ type: 'text', value: words.references }],
    group: id,
    children,
    notes: index ? [] : [`${words.linksCited}:`, ...ordered.map((link) => `${link.text ? link.text + ': ' : ''}${link.url}`)],
  }))
}

/**
 * A references slide that does not fit shows a quarter fewer links (its last ones); the last
 * references slide counts, on its last line, the links left for the notes. False when the
 * slide shows no link to take away.
 */
export function fewerReferences(deck: Deck, index: number): boolean {
  const slide = deck.children[index]
  const lists = slide.children.filter((block): block is List => block.type === 'list')
  const items = lists.reduce((sum, list) => sum + list.children.length, 0)
  if (items < 2) return false
  let drop = Math.ceil(items / 4)
  for (const list of [...lists].reverse()) {
    const taken = Math.min(drop, list.children.length)
    list.children = list.children.slice(0, list.children.length - taken)
    drop -= taken
  }
  // No empty list, no section name left without its links.
  slide.children = slide.children.filter((block) => block.type !== 'list' || block.children.length)
  while (slide.children.length && slide.children[slide.children.length - 1].type === 'paragraph' && !isMoreLine(slide.children[slide.children.length - 1])) slide.children.pop()
  const all = deck.children.filter((other) => other.kind === 'references')
  const shown = all.flatMap((other) => other.children).reduce((sum, block) => sum + (block.type === 'list' ? block.children.length : 0), 0)
  for (const other of all) other.children = other.children.filter((block) => !isMoreLine(block))
  const rest = (deck.links?.length ?? shown) - shown
  if (rest > 0) all[all.length - 1].children.push(moreLine(wordsFor(deck.meta.lang).moreLinks(rest)))
  return true
}

function moreLine(text: string): RootContent {
  return { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: text }] }], data: { more: true } }
}

function isMoreLine(block: RootContent): boolean {
  return block.type === 'paragraph' && block.data?.more === true
}

/** A line of a references slide: a section's name, or a link. */
type Line = string | LinkRef

function pageBlocks(lines: Line[]): RootContent[] {
  const out: RootContent[] = []
  for (const line of lines) {
    const last = out[out.length - 1]
    if (typeof line === 'string') out.push(sectionLine(line))
    else if (last?.type === 'list') last.children.push(linkItem(line))
    else out.push(linkList([line]))
  }
  return out
}

function sectionLine(section: string): RootContent {
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: section }] }] }
}

function linkList(links: LinkRef[]): List {
  return { type: 'list', ordered: false, spread: false, children: links.map(linkItem) }
}

function linkItem(link: LinkRef): ListItem {
  const site = siteName(link.url)
  const words = link.text.split(/\s+/).filter(Boolean)
  // A long link text is not shortened: the site's name alone says where it goes.
  const label = link.text && words.length <= 8 && link.text !== site ? link.text : site
  return {
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children: [{ type: 'link', url: link.url, children: [{ type: 'text', value: label }] }, ...(label === site ? [] : [{ type: 'text' as const, value: ` — ${site}` }])] }],
  }
}

/** The site a link goes to: its host name without "www.". */
export function siteName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url
  } catch {
    return url.replace(/^[a-z]+:\/\//i, '').split('/')[0]
  }
}
