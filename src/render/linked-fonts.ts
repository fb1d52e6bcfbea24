import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

// Fonts embedded as data URIs keep index.html and deck.md self-contained, but a page that
// parses megabytes of base64 CSS loads about three times slower. The pages chapterdeck lays
// out and prints itself link the same font files instead, so the layout is identical.
const dir = path.join(os.tmpdir(), 'chapterdeck-fonts')
const linked = new Map<string, { css: string; files: string[] }>()

/** The CSS with every `url(data:font/…;base64,…)` replaced by a file:// URL of the same bytes. */
export function linkFonts(css: string): string {
  if (!css.includes('url(data:font/')) return css
  let result = linked.get(css)
  // A long-lived process (the build daemon) checks the files are still there: temporary
  // folders get cleaned.
  if (result === undefined || !result.files.every((file) => fs.existsSync(file))) {
    const files: string[] = []
    const linkedCss = css.replace(/url\(data:font\/([\w-]+);base64,([A-Za-z0-9+/=]+)\)/g, (_, type: string, data: string) => {
      const file = fontFile(type, data)
      files.push(file)
      return `url(${pathToFileURL(file).href})`
    })
    result = { css: linkedCss, files }
    if (linked.size > 16) linked.clear()
    linked.set(css, result)
  }
  return result.css
}

function fontFile(type: string, base64: string): string {
  const bytes = Buffer.from(base64, 'base64')
  // Content-addressed, so processes running at once agree on every file they share.
  const file = path.join(dir, `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${type.replace(/^x-/, '')}`)
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(temp, bytes)
    fs.renameSync(temp, file)
  }
  return file
}
