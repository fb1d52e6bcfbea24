import type { Paragraph, PhrasingContent, RootContent } from 'mdast'
import type { Deck, Slide, SlideImage } from '../types.js'
import { wordsFor, type Words } from '../plan/words.js'
import { placeholderSvg } from './placeholder.js'

/**
 * A figure that belongs to a slide with text goes beside that text instead of on a slide of
 * its own: it becomes a figure block in the text's flow, where the chapter has it, and the
 * text after it joins again. The part of the slide that shows it gets the `split` layout
 * (the theme floats the figure right). A figure with no text around it keeps its own slide.
 */
export function figuresBesideText(deck: Deck): void {
  const words = wordsFor(deck.meta.lang)
  const out: Slide[] = []
  for (let index = 0; index < deck.children.length; index++) {
    const slide = deck.children[index]
    const [before, after] = [out[out.length - 1], deck.children[index + 1]]
    const sameGroup = (other: Slide | undefined): other is Slide => other?.kind === 'content' && other.group === slide.group
    if (slide.kind !== 'image' || !slide.image || slide.group === undefined || !(sameGroup(before) || sameGroup(after))) {
      out.push(slide.kind === 'image' ? { ...slide, group: undefined } : slide)
      continue
    }
    const block = figureBlock(slide, `assets/placeholder-${index + 1}.svg`, words)
    if (!sameGroup(before)) {
      after!.children.unshift(block)
      continue
    }
    before.children.push(block)
    before.assets = [...(before.assets ?? []), ...(slide.image.file && slide.image.asset ? [{ file: slide.image.file, asset: slide.image.asset }] : [])]
    if (sameGroup(after)) {
      before.children.push(...after.children)
      before.notes.push(...after.notes)
      before.assets = [...(before.assets ?? []), ...(after.assets ?? [])]
      index += 1
    }
  }
  deck.children = out
}

/** The figure as a block: its image (or a drawn placeholder) and the caption under it. */
function figureBlock(slide: Slide, placeholder: string, words: Words): Paragraph {
  const image = slide.image!
  const ok = image.status === 'ok' && image.asset
  const label = image.status === 'remote' ? words.remoteImage : words.imageNotFound
  const caption = captionOf(image)
  const children: PhrasingContent[] = [{ type: 'image', url: ok ? image.asset! : placeholder, alt: image.alt }]
  if (caption) children.push({ type: 'break' }, { type: 'emphasis', children: [{ type: 'text', value: caption }] })
  return { type: 'paragraph', children, position: slide.position, data: { notes: slide.notes, figure: ok ? {} : { asset: placeholder, svg: placeholderSvg(label, image.url) } } }
}

/** The line under a figure: its caption, else its alt text when that is short (a long one describes). */
export function captionOf(image: SlideImage): string | undefined {
  if (image.caption) return image.caption
  return image.alt && image.alt.split(/\s+/).length <= 12 ? image.alt.replace(/\s+/g, ' ') : undefined
}

/** Whether a block is a figure set beside the text. */
export function isFigure(block: RootContent): boolean {
  return block.type === 'paragraph' && block.data?.figure !== undefined
}

/**
 * The text slides that show a figure get the split layout, no other slide does; the figure
 * goes first, so it floats from the top of the slide's body beside all of its text.
 */
export function splitLayouts(deck: Deck): void {
  for (const slide of deck.children) {
    const others = (slide.classes ?? []).filter((name) => name !== 'split')
    const figure = slide.children.findIndex(isFigure)
    const beside = figure >= 0 && slide.children.length > 1 && !others.includes('image')
    if (beside) slide.children = joinBullets([slide.children[figure], ...slide.children.filter((_, index) => index !== figure)])
    // A figure left alone on a part is a figure slide.
    const alone = figure >= 0 && slide.children.length === 1 && !others.includes('image')
    const classes = beside ? [...others, 'split'] : alone ? [...others, 'image'] : others
    slide.classes = classes.length ? classes : undefined
  }
}

/** Bullets the figure stood between are one list again. */
function joinBullets(blocks: RootContent[]): RootContent[] {
  const out: RootContent[] = []
  for (const block of blocks) {
    const last = out[out.length - 1]
    if (block.type === 'list' && block.data?.condensed && last?.type === 'list' && last.data?.condensed) out[out.length - 1] = { ...last, children: [...last.children, ...block.children] }
    else out.push(block)
  }
  return out
}

/** Files the build writes beside the deck: the placeholders of figures that cannot be shown. */
export function generatedFiles(deck: Deck): { asset: string; content: string }[] {
  return deck.children.flatMap((slide) =>
    slide.children.flatMap((block) => (block.type === 'paragraph' && block.data?.figure?.svg ? [{ asset: block.data.figure.asset!, content: block.data.figure.svg }] : [])),
  )
}
