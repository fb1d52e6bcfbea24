import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { VFileMessage } from 'vfile-message'
import { BrowserSession } from './browser/launch.js'
import { ChapterdeckError, ExitCode, isChapterdeckError } from './errors.js'
import { browserFormats, defaultFormats, type Format } from './formats.js'
import { createProcessor } from './processor.js'
import type { RepairOptions } from './repair/index.js'
import { readChapter } from './read.js'
import { addHeadStyle, runMarpCli } from './render/html.js'
import { startMarp, stopMarp } from './render/marp-thread.js'
import type { Rendered } from './render/render.js'
import { notesMarkdown } from './render/notes-md.js'
import { deckOutline, slideTitle } from './render/outline.js'
import { renderSlidesPdf } from './render/pdf.js'
import { renderHandout, type HandoutLayout, type Paper } from './render/handout.js'
import { formatMinutes, slideMinutes, talkMinutes } from './render/timing.js'
import { loadTheme } from './render/theme.js'
import { linkFonts } from './render/linked-fonts.js'
import { facesCss, scriptFaces } from './render/script-fonts.js'
import { notesOf } from './serialize/notes.js'
import type { Deck } from './types.js'
import { coverage, type Coverage } from './verify/coverage.js'
import { measurePortable } from './verify/measure.js'
import { fitDeck } from './paginate/fit.js'
import { fileDigest } from './util/digest.js'
import { deckToMarkdown } from './serialize/serialize.js'
import { wordCount } from './util/text.js'
import { collectGarbage, largeDeckChars, runJobs } from './util/memory.js'
import { slugOf } from './util/slug.js'
import { writeReport } from './verify/report.js'

export { allFormats, defaultFormats, type Format } from './formats.js'

export interface BuildOptions extends RepairOptions {
  /** Output root; each chapter gets `<out>/<slug>/`. Default `dist`. */
  out?: string
  formats?: Format[]
  /** A theme name (themes/<name>.css or a Marp built-in) or a .css path. Default `chapterdeck`. */
  theme?: string
  slideLevel?: number
  /** Share one browser across chapters; without it the build starts and closes its own. */
  browser?: BrowserSession
  /** Measure every slide in the browser and fix overflow (default true). */
  verify?: boolean
  /** A further folder images may come from, besides each chapter's own. */
  assets?: string
  /** Cache key of the inputs, recorded in report.json by book builds. */
  cache?: string
  /** handout.pdf layout (default `notes`) and paper (default `a4`). */
  handoutLayout?: HandoutLayout
  paper?: Paper
  cwd?: string
  /** Called as the build enters each stage: pipeline, verify, html, pdf, handout … */
  onStage?: (stage: string) => void
}

export interface ChapterResult {
  input: string
  slug: string
  outDir: string
  /** Files written, relative to outDir. */
  files: string[]
  deck: Deck
  messages: VFileMessage[]
  coverage: Coverage
  timings: Record<string, number>
  /** Browser verification: rounds run, slides fixed, slides still overflowing (1-based). */
  fit?: { rounds: number; fixes: number; overflowing: number[] }
  /** Set when some output failed but the others were written (e.g. no browser for the PDF). */
  error?: ChapterdeckError
}

export { slugOf } from './util/slug.js'

/**
 * Checks one chapter without writing anything: the full pipeline, measured in the browser,
 * into a scratch folder that is removed afterwards. Its findings are the result's messages.
 */
export async function checkChapter(input: string, options: Omit<BuildOptions, 'out' | 'formats' | 'verify'> = {}): Promise<ChapterResult> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-check-'))
  try {
    return await buildChapter(input, { ...options, out, formats: ['md'], verify: true })
  } finally {
    fs.rmSync(out, { recursive: true, force: true })
  }
}

/** Builds one chapter into `<out>/<slug>/`, replacing the previous output only on success. */
export async function buildChapter(input: string, options: BuildOptions = {}): Promise<ChapterResult> {
  const session = options.browser ?? new BrowserSession()
  try {
    return await build(input, options, session)
  } finally {
    if (!options.browser) await session.close()
  }
}

async function build(input: string, options: BuildOptions, session: BrowserSession): Promise<ChapterResult> {
  const started = performance.now()
  const timings: Record<string, number> = {}
  const time = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const at = performance.now()
    options.onStage?.(name)
    try {
      return await work()
    } finally {
      timings[name] = Math.round(performance.now() - at)
    }
  }
  const formats = new Set<Format>(['md', ...(options.formats ?? defaultFormats)])
  const browserOutputs = browserFormats.filter((format) => formats.has(format))
  const needsBrowser = options.verify !== false || browserOutputs.length > 0
  // The browser starts, and Marp loads in its thread, while the chapter goes through the pipeline.
  if (needsBrowser || formats.has('html')) startMarp()
  const browserReady = needsBrowser ? session.get().then((browser) => ({ browser }), (error: unknown) => ({ error })) : undefined
  const theme = loadTheme(options.theme ?? 'chapterdeck')
  const file = readChapter(input, options.cwd)

  let markdown = await time('pipeline', async () =>
    String(await createProcessor({ slideLevel: options.slideLevel, theme: theme.name, assets: options.assets, dialect: options.dialect, tab: options.tab }).process(file)),
  )
  const deck = file.data.deck!
  const large = markdown.length > largeDeckChars
  if (large) collectGarbage()

  const slug = slugOf(input)
  const outRoot = path.resolve(options.cwd ?? process.cwd(), options.out ?? 'dist')
  const outDir = path.join(outRoot, slug)
  const tmp = makeTemp(outRoot, slug)
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-'))
  unfinished.add(tmp).add(work)
  const files: string[] = []
  let failure: ChapterdeckError | undefined
  let fit: ChapterResult['fit']
  let covered: Coverage = { ratio: 0, sentences: 0, missing: [], map: [] }
  try {
    const write = (name: string, data: string | Uint8Array) => {
      stopIfInterrupted()
      fs.mkdirSync(path.dirname(path.join(tmp, name)), { recursive: true })
      fs.writeFileSync(path.join(tmp, name), data)
      files.push(name)
    }
    copyAssets(deck, tmp, files)
    // Non-Latin text gets the font chunks it needs, as a style sheet of its own: Marp renders
    // with the theme alone. The deck's own files embed the fonts; pages laid out and printed
    // here link the same files (see linked-fonts.ts).
    const faces = theme.name === 'chapterdeck' ? scriptFaces(deck) : []
    const scripts = faces.length > 0
    const printCss = theme.css.map(linkFonts)
    const linkedFaces = scripts ? facesCss(faces, 'link') : ''
    let embedded: string | undefined
    const embeddedFaces = () => (embedded ??= facesCss(faces, 'embed'))
    // marp-cli's images and pptx come from its own browser: their theme carries the fonts.
    const imageThemeFiles = () => {
      if (!scripts) return theme.files
      const files = [...theme.files.slice(0, -1), path.join(work, path.basename(theme.files[theme.files.length - 1]))]
      if (!fs.existsSync(files[files.length - 1])) fs.writeFileSync(files[files.length - 1], `${theme.css[theme.css.length - 1]}\n${embeddedFaces()}`)
      return files
    }

    const deckFile = path.join(tmp, 'deck.md')
    // The deck as marp-cli renders it for index.html is the deck laid out and printed, so it
    // is rendered once. A huge deck keeps Marp's separate render: the PDFs then need no Marp
    // thread, and its memory goes early.
    let shown: { markdown: string; rendered: Rendered } | undefined
    const renderShown =
      formats.has('html') && !large
        ? async (md: string): Promise<Rendered> => {
            if (shown?.markdown === md) return shown.rendered
            stopIfInterrupted()
            fs.writeFileSync(deckFile, md)
            const captured = await runMarpCli({ markdownFile: deckFile, outputFile: path.join(tmp, 'index.html'), themeFiles: theme.files, workDir: work })
            if (!captured) throw new Error(`marp-cli gave back no render of ${deckFile}`)
            // Laid out with its fonts linked, as Marp's own renders for the layout are (printCss).
            shown = { markdown: md, rendered: { html: captured.html, css: linkFonts(captured.css) } }
            return shown.rendered
          }
        : undefined

    const ready = await browserReady
    if (ready && 'error' in ready) failure = asError(ready.error)
    const browser = ready && 'browser' in ready ? ready.browser : undefined
    if (browser && options.verify !== false) {
      const fitted = await time('verify', () =>
        // deck.md must also fit where the theme comes without the embedded script fonts.
        fitDeck(deck, file, {
          measure: (md) => measurePortable(browser, md, printCss, tmp, { fontsCss: linkedFaces, lang: deck.meta.lang, render: renderShown }),
          serialize: deckToMarkdown,
          markdown,
        }),
      )
      if (large) collectGarbage()
      fit = { rounds: fitted.rounds, fixes: fitted.fixes, overflowing: fitted.overflowing }
      markdown = fitted.markdown
    } else if (options.verify !== false) {
      const reason = failure ? ` (${failure.message})` : ''
      file.message(`Slides were not measured in a browser${reason}, so overflow is not ruled out`, { ruleId: 'not-verified', source: 'chapterdeck' })
    }
    write('deck.md', markdown)
    // index.html, as marp-cli wrote it for the deck as it stands, if it was laid out.
    const rendered = shown?.markdown === markdown ? shown.rendered : undefined

    if (formats.has('notes')) write('notes.md', notesMarkdown(deck))
    const print = browser && { browser, markdown, themeCss: printCss, headCss: linkedFaces, baseDir: tmp, title: deck.meta.title, lang: deck.meta.lang }
    const jobs: (() => Promise<unknown>)[] = []
    // One output: made under its stage name, listed once written.
    const output = (stage: string, name: string, make: (outputFile: string) => Promise<unknown>) =>
      jobs.push(() =>
        time(stage, async () => {
          await make(path.join(tmp, name))
          files.push(name)
        }),
      )
    if (formats.has('html')) {
      output('html', 'index.html', async (outputFile) => {
        if (!rendered) await runMarpCli({ markdownFile: deckFile, outputFile, themeFiles: theme.files, workDir: work })
        // Megabytes of script fonts would go through Marp's CSS processing for nothing.
        if (scripts) addHeadStyle(outputFile, embeddedFaces())
        // A huge deck's renders are done (the PDFs reuse them): the Marp thread's memory goes.
        if (large) await stopMarp()
      })
    }
    if (print && formats.has('pdf')) {
      output('pdf', 'slides.pdf', (outputFile) =>
        renderSlidesPdf({
          ...print,
          outputFile,
          author: deck.meta.author,
          rendered,
          outline: deckOutline(deck),
          notes: deck.children.map((slide) => notesOf(slide).join('\n\n')),
        }),
      )
    }
    if (print && formats.has('handout')) {
      const slides = deck.children.map((slide) => ({ title: slideTitle(slide), notes: notesOf(slide), time: formatMinutes(slideMinutes(slide)) }))
      // The handout's own text, its notes and running header, needs fonts for its scripts too.
      const handoutFaces = scriptFaces(deck, [deck.meta.title, ...slides.flatMap((slide) => slide.notes)])
      output('handout', 'handout.pdf', (outputFile) =>
        renderHandout({
          ...print,
          headCss: facesCss(handoutFaces, 'link'),
          outputFile,
          layout: options.handoutLayout ?? 'notes',
          paper: options.paper ?? 'a4',
          slides,
          totalTime: formatMinutes(talkMinutes(deck)),
        }),
      )
    }
    // The HTML is node's work and the PDFs the browser's, so they run at once.
    await runJobs(jobs, large)
    if (browser && session.found) {
      const browserArgs = ['--browser-path', session.found.executablePath, '--allow-local-files']
      if (formats.has('pptx')) {
        await time('pptx', () => runMarpCli({ markdownFile: deckFile, outputFile: path.join(tmp, 'deck.pptx'), themeFiles: imageThemeFiles(), workDir: work, args: ['--pptx', ...browserArgs] }))
        files.push('deck.pptx')
      }
      if (formats.has('png')) {
        stopIfInterrupted()
        fs.mkdirSync(path.join(tmp, 'slides'), { recursive: true })
        await time('png', () => runMarpCli({ markdownFile: deckFile, outputFile: path.join(tmp, 'slides', 'slide.png'), themeFiles: imageThemeFiles(), workDir: work, numbered: true, args: ['--images', 'png', ...browserArgs] }))
        files.push(...fs.readdirSync(path.join(tmp, 'slides')).map((name) => `slides/${name}`))
        // The title slide as a social-preview image.
        await time('social', () => runMarpCli({ markdownFile: deckFile, outputFile: path.join(tmp, 'social.png'), themeFiles: imageThemeFiles(), workDir: work, args: ['--image', 'png', ...browserArgs] }))
        files.push('social.png')
      }
    }
    // Without a browser the build fails only if it was asked for outputs that need one.
    if (failure && browserOutputs.length) {
      failure = new ChapterdeckError(`${input}: ${browserOutputs.join(', ')} not written: ${failure.message}`, { code: failure.code, file: input, cause: failure })
    } else failure = undefined

    timings.total = Math.round(performance.now() - started)
    if (large) collectGarbage()
    covered = coverage(file.data.sentences ?? [], deck)
    for (const entry of covered.map) {
      if (entry.where) continue
      file.message(`Sentence not found on any slide or in any note: "${entry.text.slice(0, 80)}${entry.text.length > 80 ? '…' : ''}"`, {
        place: entry.line ? { line: entry.line, column: 1 } : undefined,
        ruleId: 'sentence-lost',
        source: 'chapterdeck',
      })
    }
    const cache = options.cache ? { key: options.cache, assets: Object.fromEntries(assetFiles(deck).map((asset) => [asset, fileDigest(asset)])) } : undefined
    writeReport(path.join(tmp, 'report.json'), { input, slug, deck, messages: file.messages, coverage: covered, timings, files, slideSummary: summarize(deck), fit, cache })
    files.push('report.json')
    commit(tmp, outDir, Boolean(failure))
  } catch (error) {
    fs.rmSync(tmp, { recursive: true, force: true })
    throw asError(error, input)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
    unfinished.delete(tmp)
    unfinished.delete(work)
  }
  return { input, slug, outDir, files, deck, messages: file.messages, coverage: covered, timings, fit, error: failure }
}

function summarize(deck: Deck) {
  return deck.children.map((slide, index) => ({
    n: index + 1,
    kind: slide.kind,
    title: slideTitle(slide),
    line: slide.position?.start.line,
    notesWords: wordCount(notesOf(slide).join(' ')),
    minutes: Number(slideMinutes(slide).toFixed(2)),
  }))
}

// Scratch folders of the builds in progress: an interrupted build removes them.
const unfinished = new Set<string>()
let stopping = false

/**
 * Removes the scratch folders of unfinished builds (on Ctrl-C); finished outputs stay as they
 * were. Builds still running write nothing more; call it again just before exiting, for what
 * a write already under way (Marp's, in its thread) put back meanwhile.
 */
export function removeUnfinished(): void {
  stopping = true
  for (const dir of unfinished) fs.rmSync(dir, { recursive: true, force: true })
}

/** Whether Ctrl-C stopped the builds: no chapter starts after it. */
export function interrupted(): boolean {
  return stopping
}

// After Ctrl-C a build still running writes nothing more: its scratch folder is gone, and a
// write would make it again, half full, and leave it behind.
function stopIfInterrupted(): void {
  if (stopping) throw new ChapterdeckError('interrupted', { code: ExitCode.interrupted })
}

function makeTemp(outRoot: string, slug: string): string {
  stopIfInterrupted()
  try {
    fs.mkdirSync(outRoot, { recursive: true })
    return fs.mkdtempSync(path.join(outRoot, `.${slug}.tmp-`))
  } catch (error) {
    throw new ChapterdeckError(`Cannot write to ${outRoot} (${(error as NodeJS.ErrnoException).code}); choose another folder with --out or fix its permissions`, {
      code: ExitCode.environment,
      cause: error,
    })
  }
}

/** Moves a finished output into place. A partial one only adds its files, keeping the rest. */
function commit(tmp: string, outDir: string, partial: boolean): void {
  // An interrupted build's scratch folder is gone or half made: the previous output stays.
  stopIfInterrupted()
  if (partial && fs.existsSync(outDir)) {
    for (const name of fs.readdirSync(tmp)) {
      fs.rmSync(path.join(outDir, name), { recursive: true, force: true })
      fs.renameSync(path.join(tmp, name), path.join(outDir, name))
    }
    fs.rmSync(tmp, { recursive: true, force: true })
    return
  }
  const old = `${outDir}.old-${process.pid}`
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old)
  fs.renameSync(tmp, outDir)
  fs.chmodSync(outDir, 0o755)
  fs.rmSync(old, { recursive: true, force: true })
}

/** The image files a deck copies, by absolute path. */
function assetFiles(deck: Deck): string[] {
  return [...new Set(deck.children.flatMap((slide) => [...(slide.image?.file ? [slide.image.file] : []), ...(slide.assets ?? []).map((asset) => asset.file)]))]
}

function copyAssets(deck: Deck, tmp: string, files: string[]): void {
  for (const slide of deck.children) {
    const figure = slide.image?.file && slide.image.asset ? [{ file: slide.image.file, asset: slide.image.asset }] : []
    for (const { file, asset } of [...figure, ...(slide.assets ?? [])]) {
      if (files.includes(asset)) continue
      fs.mkdirSync(path.dirname(path.join(tmp, asset)), { recursive: true })
      fs.copyFileSync(file, path.join(tmp, asset))
      files.push(asset)
    }
  }
}

function asError(error: unknown, input?: string): ChapterdeckError {
  if (isChapterdeckError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return new ChapterdeckError(`${input ? input + ': ' : ''}${message.split('\n')[0]}`, { cause: error, file: input })
}
