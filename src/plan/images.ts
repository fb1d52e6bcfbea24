import fs from 'node:fs'
import path from 'node:path'
import type { Image, PhrasingContent, RootContent } from 'mdast'
import type { Position } from 'unist'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { Deck } from '../types.js'

type Resolved = { status: 'ok'; file: string; asset: string } | { status: 'missing'; relative: string } | { status: 'remote' }

/**
 * Resolves every image against the chapter's folder. Found files get a name under assets/ to
 * be copied; a missing file or a remote URL becomes a placeholder with a positioned warning.
 * Nothing is fetched at build time.
 */
export interface ImageOptions {
  /** A further folder images may come from (`--assets`), besides the chapter's own. */
  assets?: string
}

export function checkImages(options: ImageOptions = {}) {
  return (deck: Deck, file: VFile) => {
    const base = path.resolve(file.cwd, file.dirname ?? '.')
    const extra = options.assets && fs.existsSync(options.assets) ? [path.resolve(file.cwd, options.assets)] : []
    const roots = [base, ...extra].map((root) => fs.realpathSync(root))
    const where: Where = { file, base, roots, assets: new Map() }
    for (const slide of deck.children) {
      if (slide.image) {
        const result = resolveImage(slide.image.url, slide.position, where)
        slide.image.status = result.status
        if (result.status === 'ok') Object.assign(slide.image, { file: result.file, asset: result.asset })
      }
      for (const child of slide.children) {
        visit(child as RootContent, 'image', (node: Image, index, parent) => {
          const result = resolveImage(node.url, node.position, where)
          if (result.status === 'ok') {
            slide.assets = [...(slide.assets ?? []), { file: result.file, asset: result.asset }]
            node.url = result.asset
            return
          }
          if (!parent || index === undefined) return
          parent.children.splice(index, 1, standIn(node, result.status))
          return [SKIP, index + 1]
        })
      }
    }
  }
}

/** Where a chapter's images may come from, and the asset names given so far. */
interface Where {
  file: VFile
  base: string
  roots: string[]
  assets: Map<string, string>
}

function resolveImage(url: string, place: Position | undefined, where: Where): Resolved {
  const { file, base, roots, assets } = where
  if (/^[a-z][a-z\d+.-]*:/i.test(url) && !url.startsWith('file:')) {
    file.message(`Remote image is not fetched at build time; shown as a link: ${url}`, { place, ruleId: 'image-remote', source: 'chapterdeck' })
    return { status: 'remote' }
  }
  const relative = safeDecode(url.replace(/^file:\/\//, '').split(/[?#]/)[0])
  // Relative to the chapter first, then to the assets root.
  const candidates = [path.resolve(base, relative), ...roots.slice(1).map((root) => path.resolve(root, relative.replace(/^\/+/, '')))]
  const resolved = candidates.find((candidate) => fs.existsSync(candidate)) ?? candidates[0]
  // Only files inside the chapter's folder (or --assets) are copied: never /etc/passwd, ../ or a symlink out.
  const real = fs.existsSync(resolved) ? fs.realpathSync(resolved) : resolved
  if (!roots.some((root) => inside(real, root))) {
    file.message(`Image "${relative}" is outside the chapter's folder${roots.length > 1 ? ' and --assets' : ''}; not copied, shown as a placeholder. Move it next to the chapter or pass --assets`, {
      place,
      ruleId: 'image-outside',
      source: 'chapterdeck',
    })
    return { status: 'missing', relative }
  }
  if (fs.existsSync(resolved) && fs.statSync(resolved).isFile()) {
    const asset = assets.get(resolved) ?? assetName(resolved, new Set(assets.values()))
    assets.set(resolved, asset)
    return { status: 'ok', file: resolved, asset }
  }
  file.message(`Image not found: "${relative}"; the slide shows a placeholder. Add the file next to the chapter or fix the path`, {
    place,
    ruleId: 'image-missing',
    source: 'chapterdeck',
  })
  return { status: 'missing', relative }
}

/** What an inline image that cannot be shown becomes: a link, or a marked placeholder. */
function standIn(node: Image, status: 'remote' | 'missing'): PhrasingContent {
  const label = node.alt || node.url
  return status === 'remote'
    ? { type: 'link', url: node.url, children: [{ type: 'text', value: `[image: ${label}]` }] }
    : { type: 'emphasis', children: [{ type: 'text', value: `[image not found: ${label}]` }] }
}

function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** A URL-safe, unique name under `assets/` for a copied image. */
function assetName(file: string, taken: Set<string>): string {
  const ext = path.extname(file).toLowerCase()
  const stem = path.basename(file, path.extname(file)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'image'
  let name = `assets/${stem}${ext}`
  for (let n = 2; taken.has(name); n++) name = `assets/${stem}-${n}${ext}`
  return name
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
