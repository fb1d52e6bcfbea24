import type { Preset } from 'unified'
import { repairCallouts } from './callouts.js'
import { d2lDialect } from './dialects/d2l.js'
import { detectDialects } from './dialects/detect.js'
import type { DialectOptions } from './dialects/dialect.js'
import { eloquentDialect } from './dialects/eloquent.js'
import { mdbookDialect } from './dialects/mdbook.js'
import { mdxDialect } from './dialects/mdx.js'
import { mkdocsDialect } from './dialects/mkdocs.js'
import { pandocDialect } from './dialects/pandoc.js'
import { settleDialects } from './dialects/settle.js'
import { repairDefinitionLists } from './definition-lists.js'
import { repairImageCaptionLine } from './image-caption-line.js'
import { repairImagePathSpaces } from './image-path-spaces.js'
import { repairLinkDoubleParen } from './link-double-paren.js'
import { repairLinkLinesList } from './link-lines-list.js'
import { repairListItemSpace } from './list-item-space.js'
import { repairRawHtml } from './raw-html.js'
import { repairMyst } from './myst.js'
import { repairReferenceLinks } from './reference-links.js'
import { repairSidebars } from './sidebars.js'
import { repairTemplateSyntax } from './template-syntax.js'
import { repairTrailingBreaks } from './trailing-breaks.js'
import { repairUnsafeUrls } from './unsafe-urls.js'

export type RepairOptions = DialectOptions
export { dialectNames, type DialectName } from './dialects/dialect.js'

/** Known malformed constructs → what the author meant, each with a positioned warning. */
export function chapterRepair(options: RepairOptions = {}): Preset {
  return {
    plugins: [
      // Book toolchains first: their markup is HTML (MDX components, `<latex>`) or braces
      // (`{{index}}`) that the generic repairs below would take for raw HTML or templates.
      [detectDialects, options],
      eloquentDialect,
      mdxDialect,
      pandocDialect,
      [d2lDialect, options],
      mdbookDialect,
      mkdocsDialect,
      repairRawHtml,
      repairUnsafeUrls,
      repairImagePathSpaces,
      // After images exist, so the caption check can compare against their paths.
      repairImageCaptionLine,
      repairListItemSpace,
      repairDefinitionLists,
      repairTrailingBreaks,
      repairReferenceLinks,
      repairLinkDoubleParen,
      repairLinkLinesList,
      repairCallouts,
      repairMyst,
      repairSidebars,
      repairTemplateSyntax,
      // Last: asides into notes, and the sentences coverage looks for, as the dialects left them.
      settleDialects,
    ],
  }
}
