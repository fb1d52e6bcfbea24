import type { Root } from 'mdast'
import type { Preset } from 'unified'
import type { VFile } from 'vfile'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { displayMathLines, protectDisplayMathLines } from './display-math.js'
import { frontMatter } from './front-matter.js'

declare module 'vfile' {
  interface DataMap {
    /** The tree as parsed, before any change: coverage counts the chapter's own sentences. */
    source: Root
  }
}

function keepSource() {
  return (tree: Root, file: VFile) => {
    file.data.source = structuredClone(tree)
  }
}

/** Markdown → mdast: CommonMark, GFM (tables, autolinks, footnotes), `$` math and YAML front matter. */
export const chapterParse: Preset = {
  plugins: [remarkParse, protectDisplayMathLines, remarkGfm, remarkMath, [remarkFrontmatter, ['yaml']], keepSource, frontMatter, displayMathLines],
}
