import fs from 'node:fs'
import path from 'node:path'
import type { VFile } from 'vfile'
import type { Deck } from '../types.js'

/**
 * Resolves each figure against the chapter's folder. A missing file or a remote URL becomes a
 * placeholder slide with a positioned warning; nothing is fetched at build time.
 */
export function checkImages() {
  return (deck: Deck, file: VFile) => {
    const base = file.dirname ? path.resolve(file.cwd, file.dirname) : undefined
    const assets = new Map<string, string>()
    for (const slide of deck.children) {
      const image = slide.image
      if (!image) continue
      if (/^[a-z][a-z\d+.-]*:/i.test(image.url) && !image.url.startsWith('file:')) {
        image.status = 'remote'
        file.message(`Remote image is not fetched at build time; shown as a link: ${image.url}`, {
          place: slide.position,
          ruleId: 'image-remote',
          source: 'chapterdeck',
        })
        continue
      }
      const relative = safeDecode(image.url.replace(/^file:\/\//, '').split(/[?#]/)[0])
      const resolved = base ? path.resolve(base, relative) : undefined
      if (resolved && fs.existsSync(resolved) && fs.statSync(resolved).isFile()) {
        image.file = resolved
        image.asset = assets.get(resolved) ?? assetName(resolved, new Set(assets.values()))
        assets.set(resolved, image.asset)
        continue
      }
      image.status = 'missing'
      file.message(`Image not found: "${relative}"; the slide shows a placeholder. Add the file next to the chapter or fix the path`, {
        place: slide.position,
        ruleId: 'image-missing',
        source: 'chapterdeck',
      })
    }
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** A URL-safe, unique name under `assets/` for a copied image. */
function assetName(file: string, taken: Set<string>): string {
  const ext = path.extname(file).toLowerCase()
  const stem = path.basename(file, path.extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'image'
  let name = `assets/${stem}${ext}`
  for (let n = 2; taken.has(name); n++) name = `assets/${stem}-${n}${ext}`
  return name
}
