import fs from 'node:fs'
import type { PDFDocument, PDFRef } from 'pdf-lib'
import type { PagePool } from '../browser/pages.js'
import { onSlidesPage } from '../browser/slides-page.js'
import type { Context } from '../context.js'
import { renderDeck, type Rendered } from './render.js'

export interface OutlineEntry {
  title: string
  /** Zero-based page index. */
  page: number
  children: OutlineEntry[]
}

/** What every printed output needs: the deck, its theme, where it lives and where it goes. */
export interface PrintJob {
  /** The build's browser, and its Marp thread and renders. */
  pool: PagePool
  context: Pick<Context, 'marp' | 'renders'>
  markdown: string
  /** Theme CSS to register with Marp. */
  themeCss: string[]
  /** A further style sheet for the page: fonts for this deck's scripts. */
  headCss?: string
  /** Folder the deck's relative image paths resolve against. */
  baseDir: string
  outputFile: string
  title: string
  lang: string
  /** The deck as rendered for index.html and laid out, if it was: printed as it is. */
  rendered?: Rendered
}

export interface PdfJob extends PrintJob {
  author?: string
  outline: OutlineEntry[]
  /** Speaker notes per page, attached as PDF text annotations. */
  notes: string[]
}

type PdfLib = typeof import('pdf-lib')

/**
 * Prints the deck in the build's shared Chromium, one 1280×720 page per slide, then adds
 * outline bookmarks, notes annotations and metadata with pdf-lib. Links stay clickable.
 */
export async function renderSlidesPdf(job: PdfJob): Promise<number> {
  // Loaded when first needed, while the browser prints: the build thread starts sooner.
  const loading = import('pdf-lib')
  const { html, css } = job.rendered ?? (await renderDeck(job.context, job.markdown, job.themeCss))
  // Printed from the page that was measured, when the deck did not change since.
  const pdf = await onSlidesPage(job.pool, job.baseDir, { html, css: css + (job.headCss ?? ''), lang: job.lang }, (page) =>
    page.pdf({ width: '1280px', height: '720px', printBackground: true, preferCSSPageSize: true, timeout: 0, tagged: false }),
  )
  const lib = await loading
  // Without pauses for the event loop: a book build keeps it busy, and each pause waits behind that work.
  const doc = await lib.PDFDocument.load(pdf, { parseSpeed: lib.ParseSpeeds.Fastest })
  addOutline(lib, doc, job.outline)
  addNotes(lib, doc, job.notes)
  doc.setTitle(job.title, { showInWindowTitleBar: true })
  if (job.author) doc.setAuthor(job.author)
  doc.setLanguage(job.lang)
  doc.setCreator('chapterdeck')
  fs.writeFileSync(job.outputFile, await doc.save({ objectsPerTick: Infinity }))
  return doc.getPageCount()
}

function addOutline({ PDFHexString, PDFName }: PdfLib, doc: PDFDocument, entries: OutlineEntry[]): void {
  if (!entries.length) return
  const { context } = doc
  const pages = doc.getPages()
  const rootRef = context.nextRef()
  const build = (items: OutlineEntry[], parent: PDFRef): PDFRef[] => {
    const refs = items.map(() => context.nextRef())
    items.forEach((item, index) => {
      const children = item.children.length ? build(item.children, refs[index]) : []
      const target = pages[Math.min(item.page, pages.length - 1)]
      const dict = context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [target.ref, 'XYZ', null, null, null],
        ...(index > 0 ? { Prev: refs[index - 1] } : {}),
        ...(index < items.length - 1 ? { Next: refs[index + 1] } : {}),
        ...(children.length ? { First: children[0], Last: children[children.length - 1], Count: children.length } : {}),
      })
      context.assign(refs[index], dict)
    })
    return refs
  }
  const top = build(entries, rootRef)
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: top[0], Last: top[top.length - 1], Count: top.length }))
  doc.catalog.set(PDFName.of('Outlines'), rootRef)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

function addNotes({ PDFHexString }: PdfLib, doc: PDFDocument, notes: string[]): void {
  doc.getPages().forEach((page, index) => {
    const text = notes[index]
    if (!text) return
    const { height } = page.getSize()
    const annotation = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Text',
      Name: 'Comment',
      Rect: [0, height - 20, 20, height],
      Contents: PDFHexString.fromText(text),
      T: PDFHexString.fromText('Speaker notes'),
      Open: false,
    })
    page.node.addAnnot(doc.context.register(annotation))
  })
}
