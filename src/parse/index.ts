import type { Preset } from 'unified'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import { displayMathLines, protectDisplayMathLines } from './display-math.js'
import { frontMatter } from './front-matter.js'

/** Markdown → mdast: CommonMark, GFM (tables, autolinks, footnotes), `$` math and YAML front matter. */
export const chapterParse: Preset = {
  plugins: [remarkParse, protectDisplayMathLines, remarkGfm, remarkMath, [remarkFrontmatter, ['yaml']], frontMatter, displayMathLines],
}
