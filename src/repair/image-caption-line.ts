import type { Paragraph, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { splitLines, joinLines } from '../util/phrasing.js'

declare module 'mdast' {
  interface ImageData {
    /** Text of a caption line dropped because it only repeated the path; kept for the notes. */
    droppedCaption?: string
  }
}

/** Drops a line under an image that only repeats the image's path (`**images/x.png**`). */
export function repairImageCaptionLine() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'paragraph', (node: Paragraph) => {
      if (!node.children.some((child) => child.type === 'image')) return
      const lines = splitLines(node.children)
      const kept = lines.filter((line, index) => {
        const text = toString(line).trim().replace(/^[*_`]+|[*_`]+$/g, '')
        const image = lines[index - 1]?.find((child) => child.type === 'image')
        if (!image || image.type !== 'image' || !text) return true
        if (text !== image.url && text !== safeDecode(image.url)) return true
        image.data = { ...image.data, droppedCaption: text }
        file.message('Caption line only repeats the image path; dropped from the slide, kept in the notes', {
          place: line[0]?.position,
          ruleId: 'image-caption-path',
          source: 'chapterdeck',
        })
        return false
      })
      if (kept.length !== lines.length) node.children = joinLines(kept)
    })
  }
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}
