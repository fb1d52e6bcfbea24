import type { List, ListItem, RootContent } from 'mdast'
import type { LinkRef, Slide } from '../types.js'
import type { Words } from './words.js'

/** Lines (links and section names) one references slide shows, in two columns. */
export const referenceLines = 20
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
  if (rest > 0) blocks[blocks.length - 1].push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: words.moreLinks(rest) }] }] })
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
