import type { Preset } from 'unified'
import { repairCallouts } from './callouts.js'
import { repairImageCaptionLine } from './image-caption-line.js'
import { repairImagePathSpaces } from './image-path-spaces.js'
import { repairLinkDoubleParen } from './link-double-paren.js'
import { repairLinkLinesList } from './link-lines-list.js'
import { repairListItemSpace } from './list-item-space.js'
import { repairRawHtml } from './raw-html.js'
import { repairTableCallout } from './table-callout.js'
import { repairTemplateSyntax } from './template-syntax.js'
import { repairUnsafeUrls } from './unsafe-urls.js'

/** Known malformed constructs → what the author meant, each with a positioned warning. */
export const chapterRepair: Preset = {
  plugins: [
    repairRawHtml,
    repairUnsafeUrls,
    repairImagePathSpaces,
    // After images exist, so the caption check can compare against their paths.
    repairImageCaptionLine,
    repairListItemSpace,
    repairLinkDoubleParen,
    repairLinkLinesList,
    repairCallouts,
    repairTableCallout,
    repairTemplateSyntax,
  ],
}
