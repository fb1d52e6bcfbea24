import fs from 'node:fs'

/** Reads a PDF back with pdf.js: pages, outline titles, annotations and text per page. */
export async function readPdf(file: string) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  const outline = (await doc.getOutline()) ?? []
  const titles = (items: typeof outline): string[] => items.flatMap((item) => [item.title, ...titles(item.items ?? [])])
  const pages = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const annotations = await page.getAnnotations()
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ')
    const { width, height } = page.getViewport({ scale: 1 })
    pages.push({ annotations, text, width, height })
  }
  const metadata = await doc.getMetadata()
  await doc.destroy()
  return { pageCount: pages.length, pages, outline, outlineTitles: titles(outline), metadata }
}
