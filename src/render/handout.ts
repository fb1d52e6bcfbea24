import fs from 'node:fs'
import { escapeHtml } from '../util/html.js'
import { loadDocument } from '../browser/pages.js'
import { renderDeck } from './render.js'
import type { PrintJob } from './pdf.js'

export const handoutLayouts = ['notes', '2up', '3up', '6up'] as const
export type HandoutLayout = (typeof handoutLayouts)[number]
export const papers = ['a4', 'letter'] as const
export type Paper = (typeof papers)[number]

export interface HandoutJob extends PrintJob {
  layout: HandoutLayout
  paper: Paper
  /** Per slide: its title, notes and time estimate. */
  slides: { title: string; notes: string[]; time: string }[]
  totalTime: string
}

// Slides stay vector (Marp's inline SVG), so they print sharp, with selectable text and live links.
const layoutCss: Record<HandoutLayout, string> = {
  notes: `.row{margin:0 0 7mm}
.lead{display:flex;gap:6mm;break-inside:avoid}.lead .slide{width:92mm;flex:none}.lead .text{flex:1}
.label{font-size:10.5pt;margin:0 0 1.5mm;color:#1f4fa8}
p.note{margin:0 0 2mm;font-size:10pt;line-height:1.45;orphans:3;widows:3}`,
  '2up': `.page{break-after:page}.page:last-child{break-after:auto}
.row{break-inside:avoid;margin:0 0 8mm}.row .slide{width:100%}.label{font-size:9pt;margin:0 0 1.5mm;color:#555}`,
  '3up': `.page{break-after:page}.page:last-child{break-after:auto}
.row{display:flex;gap:6mm;break-inside:avoid;margin:0 0 8mm;height:72mm}
.row .slide{width:100mm;flex:none}.row .lines{flex:1;background:repeating-linear-gradient(to bottom,transparent 0,transparent 7.6mm,#b8bfcc 7.6mm,#b8bfcc 7.9mm)}
.label{display:none}`,
  '6up': `.page{break-after:page;display:grid;grid-template-columns:1fr 1fr;gap:8mm 6mm;align-content:start}.page:last-child{break-after:auto}
.row{break-inside:avoid}.label{font-size:8pt;margin:0 0 1mm;color:#555}`,
}
const perPage: Record<HandoutLayout, number> = { notes: Infinity, '2up': 2, '3up': 3, '6up': 6 }

/**
 * handout.pdf: the slides with what is said about them, printed in the build's Chromium.
 * `notes` puts each slide beside its speaker notes (long notes flow on, never cut);
 * `2up`, `3up` (with ruled lines for the audience) and `6up` put several slides on a page.
 */
export async function renderHandout(job: HandoutJob): Promise<number> {
  const { html, css } = job.rendered ?? (await renderDeck(job.context, job.markdown, job.themeCss))
  const pdf = await job.pool.use(async (page) => {
    await loadDocument(page, job.baseDir, handoutDocument(job, html, css + (job.headCss ?? '')))
    // Each Marp slide moves into its slot, inside a copy of its container (Marp's div.marpit,
    // or marp-cli's div#:$p) so the theme's scoped rules still apply.
    await page.evaluate(() => {
      const container = document.querySelector('#source > div')
      const svgs = [...(container?.querySelectorAll(':scope > svg') ?? [])]
      document.querySelectorAll('.slide').forEach((slot, index) => {
        const wrapper = container!.cloneNode(false) as HTMLElement
        if (svgs[index]) wrapper.appendChild(svgs[index])
        slot.appendChild(wrapper)
      })
      document.getElementById('source')?.remove()
    })
    await page.evaluate(() => document.fonts.ready.then(() => undefined))
    // The running header is a page margin box, set in the document's fonts (Chromium 131 on).
    // Older ones get Chromium's header template, which has only the system's fonts.
    const template = !marginBoxes(await job.pool.browser.version())
    return page.pdf({
      format: job.paper === 'letter' ? 'letter' : 'a4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: template,
      headerTemplate: `<div style="font:8pt sans-serif;color:#555;width:100%;margin:0 14mm;display:flex;justify-content:space-between"><span>${escapeHtml(headerTitle(job.title))}</span><span>${escapeHtml(job.totalTime)} · <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      footerTemplate: '<div></div>',
      margin: { top: '16mm', bottom: '12mm', left: '14mm', right: '14mm' },
      timeout: 0,
    })
  })
  fs.writeFileSync(job.outputFile, pdf)
  return job.slides.length
}

function handoutDocument(job: HandoutJob, html: string, css: string): string {
  const rows = job.slides.map((slide, index) => {
    const heading = `<h2 class="label">${index + 1}. ${escapeHtml(slide.title)} <small>(${escapeHtml(slide.time)})</small></h2>`
    const lines = job.layout === '3up' ? '<div class="lines"></div>' : ''
    if (job.layout !== 'notes') return `<section class="row">${heading}<div class="slide"></div>${lines}</section>`
    // What fits beside the slide stays with it on one page; longer notes flow on below.
    const [beside, below] = splitNotes(slide.notes, besideChars)
    const paragraphs = (list: string[]) => list.map((note) => `<p class="note">${escapeHtml(note).replace(/\n/g, '<br>')}</p>`).join('')
    return `<section class="row"><div class="lead"><div class="slide"></div><div class="text">${heading}${paragraphs(beside)}</div></div>${paragraphs(below)}</section>`
  })
  const size = perPage[job.layout]
  const body =
    size === Infinity
      ? rows.join('\n')
      : Array.from({ length: Math.ceil(rows.length / size) }, (_, page) => `<div class="page">${rows.slice(page * size, (page + 1) * size).join('')}</div>`).join('\n')
  return `<!doctype html><html lang="${job.lang.replace(/[^\w-]/g, '')}"><head><meta charset="utf-8"><title>${escapeHtml(job.title)}</title>
<style>${css}</style>
<style>@page{size:${job.paper === 'letter' ? 'letter' : 'A4'} portrait;margin:16mm 14mm 12mm;
@top-left{content:${cssString(headerTitle(job.title))};${headerCss}}@top-right{content:${cssString(`${job.totalTime} · `)} counter(page) " / " counter(pages);${headerCss}}}
html,body{margin:0;padding:0;font-family:${fontStack};color:#1c2333}
html:lang(zh) body{font-family:${fontStack.replace("'Noto Sans JP', 'Noto Sans SC'", "'Noto Sans SC', 'Noto Sans JP'")}}
html:lang(ko) body{font-family:${fontStack.replace("'Noto Sans JP', 'Noto Sans SC', 'Noto Sans KR'", "'Noto Sans KR', 'Noto Sans JP', 'Noto Sans SC'")}}
.slide>div>svg[data-marpit-svg]{display:block!important;width:100%!important;height:auto!important;box-shadow:0 0 0 0.3mm #b8bfcc}
${layoutCss[job.layout]}</style></head>
<body><div id="source" style="display:none">${html}</div>
${body}
</body></html>`
}

// The theme's stack: the script fonts a build adds (script-fonts.ts) serve notes and header too.
const fontStack = "'Source Sans 3', 'Noto Sans JP', 'Noto Sans SC', 'Noto Sans KR', 'Noto Sans Arabic', 'Noto Sans Hebrew', 'Noto Sans Devanagari', 'Noto Emoji', 'DejaVu Sans', sans-serif"
const headerCss = `font-family:${fontStack};font-size:8pt;color:#555;vertical-align:bottom;padding-bottom:4mm;white-space:nowrap`

// The title has its own margin box, apart from the time and page numbers, so a right-to-left
// title reorders nothing. One longer than a header line is cut short: a margin box neither
// wraps nor clips well.
const headerTitle = (title: string) => ([...title].length > 90 ? `${[...title].slice(0, 89).join('').trimEnd()}…` : title)

/** Whether this Chromium (`HeadlessChrome/147.0…`) lays out @page margin boxes. */
export function marginBoxes(version: string): boolean {
  const major = Number(/\/(\d+)\./.exec(version)?.[1])
  return major >= 131
}

/** Text as a CSS string that cannot end its rule or its style element. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]+/g, ' ').replace(/</g, '\\3c ')}"`
}

/** About the text that fits beside a 92 mm slide at 10 pt. */
const besideChars = 520

/** Notes split where the text beside the slide is full: at a paragraph, else a sentence. */
export function splitNotes(notes: string[], limit: number): [string[], string[]] {
  const beside: string[] = []
  let used = 0
  for (const [index, note] of notes.entries()) {
    if (used + note.length <= limit) {
      beside.push(note)
      used += note.length
      continue
    }
    const sentences = note.split(/(?<=[.!?])\s+/)
    let head = ''
    for (const sentence of sentences) {
      if (used + head.length + sentence.length > limit) break
      head += (head ? ' ' : '') + sentence
    }
    if (head) beside.push(head)
    const tail = head ? note.slice(head.length).trimStart() : note
    return [beside, [...(tail ? [tail] : []), ...notes.slice(index + 1)]]
  }
  return [beside, []]
}
