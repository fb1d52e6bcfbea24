import type { Root } from 'mdast'
import type { Preset } from 'unified'
import type { VFile } from 'vfile'
import { sentencesOf, sourceTexts, type Sentence } from '../util/sentences.js'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { displayMathLines, protectDisplayMathLines } from './display-math.js'
import { frontMatter } from './front-matter.js'
import { titleBlock } from './title-block.js'

declare module 'vfile' {
  interface DataMap {
    /** The chapter's own sentences, from the tree as parsed: coverage looks for each in the deck. */
    sentences: Sentence[]
    /** Its prose blocks as plain text, which the sentences come from. */
    prose: Sentence[]
  }
}

function keepSentences() {
  return (tree: Root, file: VFile) => {
    file.data.prose = sourceTexts(tree)
    file.data.sentences = sentencesOf(file.data.prose)
  }
}

/** Markdown → mdast: CommonMark, GFM (tables, autolinks, footnotes), `$` math, YAML front matter or a title block. */
export const chapterParse: Preset = {
  plugins: [remarkParse, protectDisplayMathLines, remarkGfm, remarkMath, [remarkFrontmatter, ['yaml']], titleBlock, keepSentences, frontMatter, displayMathLines],
}
