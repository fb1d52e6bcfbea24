import { toString } from 'mdast-util-to-string'
import type { Slide } from '../types.js'

/** A slide's title as plain text, without any part number. */
export function titleText(slide: Pick<Slide, 'title'>): string {
  return toString({ type: 'paragraph', children: slide.title })
}
