import fs from 'node:fs'
import { ChapterdeckError } from '../errors.js'
import { browserFormats } from '../formats.js'
import { renderHandout } from '../render/handout.js'
import { addHeadStyle } from '../render/html.js'
import { notesMarkdown } from '../render/notes-md.js'
import { deckOutline, slideTitle } from '../render/outline.js'
import { renderSlidesPdf, type PrintJob } from '../render/pdf.js'
import { facesCss, scriptFaces } from '../render/script-fonts.js'
import { formatMinutes, slideMinutes, talkMinutes } from '../render/timing.js'
import { notesOf } from '../serialize/notes.js'
import { runJobs } from '../util/memory.js'
import type { Fitted } from './fit.js'
import { imageThemeFiles, type DeckFonts } from './fonts.js'
import { timed, type Job, type Processed } from './job.js'
import type { ChapterOutput } from './output.js'

type Make = (() => Promise<void>) | undefined

/**
 * The render stage: every output asked for, into the scratch folder. The HTML is node's work
 * and the PDFs the browser's, so they run at once (one at a time for a huge deck). Gives the
 * error that stopped browser outputs, if there was no browser for them.
 */
export async function renderStage(processed: Processed, fitted: Fitted, output: ChapterOutput, fonts: DeckFonts, job: Job): Promise<ChapterdeckError | undefined> {
  output.write('deck.md', fitted.markdown)
  if (job.formats.has('notes')) output.write('notes.md', notesMarkdown(processed.deck))
  const print = fitted.pool && printJob(processed, fitted, output, fonts, job)
  const made = [html(processed, fitted, output, fonts, job), print && slidesPdf(processed, print, output, job), print && handout(processed, print, output, fonts, job)]
  await runJobs(made.filter((make): make is () => Promise<void> => Boolean(make)), processed.large)
  if (fitted.pool) await images(processed, output, fonts, job)
  const wanted = browserFormats.filter((format) => job.formats.has(format))
  if (!fitted.failure || !wanted.length) return undefined
  const { message, code } = fitted.failure
  return new ChapterdeckError(`${job.input}: ${wanted.join(', ')} not written: ${message}`, { code, file: job.input, cause: fitted.failure })
}

/** One output file: made under its stage name, listed once written. */
function made(job: Job, output: ChapterOutput, stage: string, name: string, make: (file: string) => Promise<unknown>): () => Promise<void> {
  return () =>
    timed(job, stage, async () => {
      await make(output.path(name))
      output.files.push(name)
    })
}

function printJob({ deck }: Processed, fitted: Fitted, output: ChapterOutput, fonts: DeckFonts, job: Job): Omit<PrintJob, 'outputFile'> {
  const { title, lang } = deck.meta
  const headCss = fonts.themeLinked + fonts.scriptsLinked
  return { pool: fitted.pool!, context: job.context, markdown: fitted.markdown, themeCss: fonts.printCss, headCss, baseDir: output.dir, title, lang, rendered: fitted.shown }
}

function html({ theme, large }: Processed, fitted: Fitted, output: ChapterOutput, fonts: DeckFonts, job: Job): Make {
  if (!job.formats.has('html')) return undefined
  return made(job, output, 'html', 'index.html', async (file) => {
    // index.html, as marp-cli wrote it for the deck as it stands, if it was laid out.
    if (!fitted.shown) await job.context.marp.runCli({ markdownFile: output.path('deck.md'), outputFile: file, themeFiles: output.marpThemeFiles(theme) })
    addHeadStyle(file, fonts.embedded())
    // A huge deck's renders are done (the PDFs reuse them): the Marp thread's memory goes.
    if (large) await job.context.marp.stop()
  })
}

function slidesPdf({ deck }: Processed, print: Omit<PrintJob, 'outputFile'>, output: ChapterOutput, job: Job): Make {
  if (!job.formats.has('pdf')) return undefined
  const notes = deck.children.map((slide) => notesOf(slide).join('\n\n'))
  return made(job, output, 'pdf', 'slides.pdf', (outputFile) =>
    renderSlidesPdf({ ...print, outputFile, author: deck.meta.author, outline: deckOutline(deck), notes }),
  )
}

function handout({ deck, theme }: Processed, print: Omit<PrintJob, 'outputFile'>, output: ChapterOutput, fonts: DeckFonts, job: Job): Make {
  if (!job.formats.has('handout')) return undefined
  const slides = deck.children.map((slide) => ({ title: slideTitle(slide), notes: notesOf(slide), time: formatMinutes(slideMinutes(slide)) }))
  // The handout's own text, its notes and running header, needs fonts for its scripts too.
  const faces = theme.bundled ? scriptFaces(deck, job.context.fonts, [deck.meta.title, ...slides.flatMap((slide) => slide.notes)]) : []
  const headCss = fonts.themeLinked + facesCss(faces, 'link')
  const { handoutLayout: layout = 'notes', paper = 'a4' } = job.options
  return made(job, output, 'handout', 'handout.pdf', (outputFile) => renderHandout({ ...print, headCss, outputFile, layout, paper, slides, totalTime: formatMinutes(talkMinutes(deck)) }))
}

/** marp-cli's PowerPoint and images, from its own browser (the one found for this build). */
async function images(processed: Processed, output: ChapterOutput, fonts: DeckFonts, job: Job): Promise<void> {
  const browserArgs = ['--browser-path', job.context.browser.found!.executablePath, '--allow-local-files']
  const run = (outputFile: string, args: string[], numbered = false) =>
    job.context.marp.runCli({ markdownFile: output.path('deck.md'), outputFile, themeFiles: imageThemeFiles(processed, fonts, output.work), args: [...args, ...browserArgs], numbered })
  if (job.formats.has('pptx')) {
    await timed(job, 'pptx', () => run(output.path('deck.pptx'), ['--pptx']))
    output.files.push('deck.pptx')
  }
  if (!job.formats.has('png')) return
  fs.mkdirSync(output.path('slides'), { recursive: true })
  await timed(job, 'png', () => run(output.path('slides/slide.png'), ['--images', 'png'], true))
  output.files.push(...fs.readdirSync(output.path('slides')).map((name) => `slides/${name}`))
  // The title slide as a social-preview image.
  await timed(job, 'social', () => run(output.path('social.png'), ['--image', 'png']))
  output.files.push('social.png')
}
