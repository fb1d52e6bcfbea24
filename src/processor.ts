import { unified } from 'unified'
import { condenseProse } from './condense/condense.js'
import { arrangeSlides, shapeSlides } from './layout/index.js'
import { paginateSlides, type PaginateOptions } from './paginate/paginate.js'
import { chapterParse } from './parse/index.js'
import { checkImages, type ImageOptions } from './plan/images.js'
import { planSlides, type PlanOptions } from './plan/plan.js'
import { chapterRepair, type RepairOptions } from './repair/index.js'
import { serializeDeck } from './serialize/serialize.js'

export interface ProcessorOptions extends PlanOptions, PaginateOptions, ImageOptions, RepairOptions {}

/**
 * The chapter → deck.md pipeline, in data-flow order. Rendering (HTML, PDF) and writing
 * happen in build.ts; this part is pure and needs no browser.
 */
export function createProcessor(options: ProcessorOptions = {}) {
  return unified()
    .use(chapterParse) //       markdown → mdast (+ front matter into file.data.matter)
    .use(chapterRepair(options)) // toolchain markup, malformed constructs → what the author meant
    .use(planSlides, options) // mdast → slide tree (file.data.deck)
    .use(checkImages, options) // figures resolved inside the chapter folder (or --assets)
    .use(condenseProse) //      prose → one bullet each, full text → notes
    .use(shapeSlides) //        figures beside text; quote, columns and code layouts
    .use(paginateSlides, options) // over-budget slides → even continuation slides
    .use(arrangeSlides) //      long runs titled, statements, dividers, key points
    .use(serializeDeck) //      slide tree → Marp Markdown
}
