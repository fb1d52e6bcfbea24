import type { Heading, Html, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { SKIP, visit } from 'unist-util-visit'
import { stringify } from 'yaml'
import type { Deck, Slide } from '../types.js'
import { notesComment, notesOf } from './notes.js'

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
  const children: RootContent[] = [{ type: 'yaml', value: stringify(matter).trim() }]
  deck.children.forEach((slide, index) => {
    if (index > 0) children.push({ type: 'thematicBreak' })
    children.push(...slideToMdast(slide))
  })
  return { type: 'root', children }
}

function slideToMdast(slide: Slide): RootContent[] {
  const out: RootContent[] = []
  const classes = [...(slide.kind === 'content' ? [] : [slide.kind]), ...(slide.classes ?? [])]
  if (classes.length) out.push(directive(`_class: ${classes.join(' ')}`))
  const depth = slide.kind === 'title' || slide.kind === 'section' || slide.kind === 'closing' ? 1 : 2
  const title: PhrasingContent[] = [...slide.title]
  if (slide.part) title.push({ type: 'text', value: ` (${slide.part.index}/${slide.part.total})` })
  out.push({ type: 'heading', depth, children: title } satisfies Heading)
  if (slide.subtitle) out.push({ type: 'paragraph', children: slide.subtitle })
  if (slide.image) out.push(...figure(slide))
  out.push(...slide.children.map(clean))
  const notes = notesOf(slide)
  if (notes.length) out.push({ type: 'html', value: notesComment(notes) } satisfies Html)
  return out
}

function figure(slide: Slide): RootContent[] {
  const image = slide.image!
  const caption: Paragraph[] = image.alt ? [{ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: image.alt }] }] }] : []
  if (image.status === 'ok' && image.asset) {
    return [{ type: 'paragraph', children: [{ type: 'image', url: image.asset, alt: image.alt }] }, ...caption]
  }
  const label = image.status === 'remote' ? 'Remote image, not embedded:' : 'Image not found:'
  const target: PhrasingContent = image.status === 'remote'
    ? { type: 'link', url: image.url, children: [{ type: 'text', value: image.url }] }
    : { type: 'inlineCode', value: image.url }
  return [
    { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: label }] }, { type: 'text', value: ' ' }, target] }] },
    ...caption,
  ]
}

/** A block as it goes on a slide: soft breaks joined, deeper headings as subheadings, no data. */
function clean(node: RootContent): RootContent {
  const copy = structuredClone(node)
  visit(copy, (child, index, parent) => {
    if (child.type === 'text') child.value = child.value.replace(/[ \t]*\n[ \t]*/g, ' ')
    if (child.type === 'heading') child.depth = 3
    if (child.type === 'html' && parent && index !== undefined && /<!--/.test(child.value)) {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    if ('data' in child) delete child.data
  })
  return copy
}

function directive(value: string): Html {
  return { type: 'html', value: `<!-- ${value} -->` }
}
