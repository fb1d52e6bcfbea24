import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { LRUCache } from 'lru-cache'

// Fonts embedded as data URIs keep index.html and deck.md self-contained, but a page that
// parses megabytes of base64 CSS loads about three times slower. The pages chapterdeck lays
// out and prints itself link the same font files instead, so the layout is identical.
const dir = path.join(os.tmpdir(), 'chapterdeck-fonts')

/**
 * The CSS with every `url(data:font/…;base64,…)` replaced by a file:// URL of the same bytes.
 * `cache` keeps what was linked (a watching process checks the files are still there:
 * temporary folders get cleaned).
 */
export function linkFonts(css: string, cache: LRUCache<string, string>): string {
  if (!css.includes('url(data:font/')) return css
  const known = cache.get(css)
  if (known !== undefined && [...known.matchAll(/url\((file:[^)]+)\)/g)].every((match) => fs.existsSync(new URL(match[1])))) return known
  const linked = css.replace(/url\(data:font\/([\w-]+);base64,([A-Za-z0-9+/=]+)\)/g, (_, type: string, data: string) => `url(${pathToFileURL(fontFile(type, data)).href})`)
  cache.set(css, linked)
  return linked
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
