import fs from 'node:fs'
import type { PagePool } from '../browser/pages.js'
import type { ChapterdeckError } from '../errors.js'
import { fitDeck } from '../paginate/fit.js'
import { linkFonts } from '../render/linked-fonts.js'
import type { Rendered } from '../render/render.js'
import { deckToMarkdown } from '../serialize/serialize.js'
import { collectGarbage } from '../util/memory.js'
import { measurePortable } from '../verify/measure.js'
import type { DeckFonts } from './fonts.js'
import { stopIfAborted, timed, type Job, type Processed } from './job.js'
import type { ChapterOutput } from './output.js'

export interface Fitted {
  /** deck.md as it stands: measured and fixed in the browser, when there is one. */
  markdown: string
  /** Browser verification: rounds run, slides fixed, slides still overflowing (1-based). */
  fit?: { rounds: number; fixes: number; overflowing: number[] }
  /** marp-cli's render of index.html for `markdown`, if the fit made it (index.html is written). */
  shown?: Rendered
  pool?: PagePool
  /** Why there is no browser, when one was needed. */
  failure?: ChapterdeckError
}

/**
 * The fit stage: only a browser knows how tall a line of CJK text or a wrapped URL is, so the
 * deck is laid out at 1280×720, each overflowing slide fixed, and measured again (paginate/fit.ts).
 */
export async function fitStage(processed: Processed, output: ChapterOutput, fonts: DeckFonts, job: Job): Promise<Fitted> {
  const { deck, file, markdown, large } = processed
  const ready = await job.browser
  const pool = ready && 'pool' in ready ? ready.pool : undefined
  const failure = ready && 'error' in ready ? ready.error : undefined
  if (job.options.verify === false) return { markdown, pool, failure }
  if (!pool) {
    const reason = failure ? ` (${failure.message})` : ''
    file.message(`Slides were not measured in a browser${reason}, so overflow is not ruled out`, { ruleId: 'not-verified', source: 'chapterdeck' })
    return { markdown, failure }
  }
  const shown = marpCliRenders(processed, output, job)
  // deck.md must also fit where the theme comes without the script fonts added for this deck.
  const options = { fontsCss: fonts.scriptsLinked, themeFontsCss: fonts.themeLinked, lang: deck.meta.lang, render: shown?.render }
  const measure = (md: string) => measurePortable(job.context, md, fonts.printCss, output.dir, options)
  const fitted = await timed(job, 'verify', () => fitDeck(deck, file, { measure, serialize: deckToMarkdown, markdown }))
  if (large) collectGarbage()
  const { rounds, fixes, overflowing } = fitted
  return { markdown: fitted.markdown, fit: { rounds, fixes, overflowing }, shown: shown?.last(fitted.markdown), pool }
}

/**
 * The deck as marp-cli renders it for index.html is the deck laid out and printed, so it is
 * rendered once. A huge deck keeps Marp's separate render: the PDFs then need no Marp thread,
 * and its memory goes early.
 */
function marpCliRenders({ theme, large }: Processed, output: ChapterOutput, job: Job) {
  if (!job.formats.has('html') || large) return undefined
  let shown: { markdown: string; rendered: Rendered } | undefined
  const render = async (markdown: string): Promise<Rendered> => {
    if (shown?.markdown === markdown) return shown.rendered
    stopIfAborted(job)
    fs.writeFileSync(output.path('deck.md'), markdown)
    const captured = await job.context.marp.runCli({ markdownFile: output.path('deck.md'), outputFile: output.path('index.html'), themeFiles: output.marpThemeFiles(theme) })
    if (!captured) throw new Error(`marp-cli gave back no render of ${output.path('deck.md')}`)
    // Laid out with any fonts its theme embeds linked, as the other renders for the layout are.
    shown = { markdown, rendered: { html: captured.html, css: linkFonts(captured.css, job.context.linkedFonts) } }
    return shown.rendered
  }
  return { render, last: (markdown: string) => (shown?.markdown === markdown ? shown.rendered : undefined) }
}
