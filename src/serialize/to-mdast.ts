import type { Heading, Html, Link, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { siteName } from '../plan/references.js'
import { stringify } from 'yaml'
import type { Deck, Slide } from '../types.js'
import { captionOf } from '../layout/figures.js'
import { wordsFor, type Words } from '../plan/words.js'
import { builtinThemes, layoutStyle } from './layout-style.js'
import { formatMinutes, slideMinutes } from '../render/timing.js'
import { notesComment, notesOf } from './notes.js'
import { joinCjkLines } from '../util/inline.js'

/**
 * Lowers the slide tree to plain mdast that Marp understands: front matter, a thematic break
 * between slides, a class directive per slide kind and exactly one notes comment per slide.
 */
export function deckToMdast(deck: Deck): Root {
  const { meta } = deck
  const matter: Record<string, unknown> = {
    marp: true,
    theme: meta.theme,
    paginate: true,
    lang: meta.lang,
    title: meta.title,
  }
  if (meta.author) matter.author = meta.author
  // Marp's own themes know nothing of chapterdeck's layouts: the deck carries them.
  if (builtinThemes.includes(meta.theme)) matter.style = layoutStyle
  const children: RootContent[] = [{ type: 'yaml', value: stringify(matter).trim() }]
  deck.children.forEach((slide, index) => {
    if (index > 0) children.push({ type: 'thematicBreak' })
    children.push(...slideToMdast(meta.dir === 'rtl' ? { ...slide, classes: [...(slide.classes ?? []), 'rtl'] } : slide, wordsFor(meta.lang)))
  })
  return { type: 'root', children }
}

function slideToMdast(slide: Slide, words: Words): RootContent[] {
  const out: RootContent[] = []
  const classes = [...(slide.kind === 'content' ? [] : [slide.kind]), ...(slide.classes ?? [])]
  if (classes.length) out.push(directive(`_class: ${classes.join(' ')}`))
  const depth = slide.kind === 'title' || slide.kind === 'section' || slide.kind === 'closing' ? 1 : 2
  const title: PhrasingContent[] = [...slide.title]
  if (slide.part) title.push({ type: 'text', value: ` (${slide.part.index}/${slide.part.total})` })
  out.push(clean({ type: 'heading', depth, children: title } satisfies Heading, depth))
  if (slide.subtitle) out.push(clean({ type: 'paragraph', children: slide.subtitle }))
  if (slide.image) out.push(...figure(slide, words).map((node) => clean(node)))
  out.push(...slide.children.map((node) => clean(node)))
  const notes = notesOf(slide)
  // The presenter view shows the notes: they open with the slide's share of the talk.
  if (notes.length) out.push({ type: 'html', value: notesComment([`[${formatMinutes(slideMinutes(slide))}]`, ...notes]) } satisfies Html)
  return out
}

function figure(slide: Slide, words: Words): RootContent[] {
  const image = slide.image!
  const text = captionOf(image)
  const caption: Paragraph[] = text ? [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: text }] }] }] : []
  if (image.status === 'ok' && image.asset) {
    return [{ type: 'paragraph', children: [{ type: 'image', url: image.asset, alt: image.alt }] }, ...caption]
  }
  const label = `${image.status === 'remote' ? words.remoteImage : words.imageNotFound}:`
  const target: PhrasingContent = image.status === 'remote'
    ? { type: 'link', url: image.url, children: [{ type: 'text', value: image.url }] }
    : { type: 'inlineCode', value: image.url }
  return [
    { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: label }] }, { type: 'text', value: ' ' }, target] }] },
    ...caption,
  ]
}

/** A block as it goes on a slide: soft breaks joined, deeper headings as subheadings, no data. */
function clean(node: RootContent, headingDepth = 3): RootContent {
  // A copy without data or positions, made in one pass (cheaper than a deep clone and a visit).
  const { data: _data, position: _position, ...copy } = node as RootContent & { children?: RootContent[] }
  const out = copy as RootContent & { children?: RootContent[] }
  if (out.type === 'text') out.value = textPresentation(joinCjkLines(out.value).replace(/[ \t]*\n[ \t]*/g, ' '))
  if (out.type === 'heading') out.depth = headingDepth as Heading['depth']
  // A long address written as its own link text shows as its site; the link still goes there.
  if (out.type === 'link' && rawUrl(out)) out.children = [{ type: 'text', value: siteName(out.url) }]
  if (out.children) {
    out.children = out.children.flatMap((child): RootContent[] => {
      // Marp has no footnotes; the marker stays, the text is in the notes.
      if (child.type === 'footnoteReference') return [{ type: 'text', value: `[${child.label ?? child.identifier}]` }]
      if (child.type === 'html' && /<!--/.test(child.value)) return []
      return [clean(child, headingDepth)]
    })
  }
  return out
}

const longUrl = 40

function rawUrl(link: Link): boolean {
  const text = toString(link)
  return text.length > longUrl && (text === link.url || text === link.url.replace(/^mailto:/, ''))
}

function directive(value: string): Html {
  return { type: 'html', value: `<!-- ${value} -->` }
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/**
 * Keeps emoji as characters in any Marp: Marp's default engine swaps emoji and `:name:`
 * shortcodes for twemoji images from a CDN. Single-codepoint emoji get text presentation
 * (U+FE0E) and shortcodes an invisible break, so deck.md never needs the network (and d2l
 * roles like `:label:` stay words).
 */
function textPresentation(input: string): string {
  const text = input.replace(/:(?=[\w+-]+:)/g, ':\u200b')
  if (!/\p{Extended_Pictographic}/u.test(text)) return text
  let out = ''
  for (const { segment } of segmenter.segment(text)) {
    const base = segment.replace(/\uFE0F$/, '')
    out += /^\p{Extended_Pictographic}$/u.test(base) ? base + '\uFE0E' : segment
  }
  return out
}
