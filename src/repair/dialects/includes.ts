import fs from 'node:fs'
import path from 'node:path'
import type { VFile } from 'vfile'

// The files that mark a book's own folder: a chapter's includes may come from anywhere inside it
// (the Rust book keeps its listings in `../listings`, beside `src/`).
const bookMarkers = ['book.toml', 'mkdocs.yml', 'mkdocs.yaml']

/** The book's folder around the chapter (the nearest one with a book.toml or mkdocs.yml), else the chapter's folder. */
export function includeRoot(folder: string): string {
  for (let dir = folder, depth = 0; depth < 4; dir = path.dirname(dir), depth++) {
    if (bookMarkers.some((name) => fs.existsSync(path.join(dir, name)))) return dir
    if (path.dirname(dir) === dir) break
  }
  return folder
}

/**
 * A file a chapter includes (mdBook's `{{#include}}`, MkDocs' `--8<--`), read only from inside
 * the book's folder (or the chapter's, outside a book): a chapter never pulls in files from
 * elsewhere on the machine.
 */
export function readInside(file: VFile, name: string): { text: string; scope: string } | { missing: 'outside' | 'not found'; scope: string } {
  const folder = path.resolve(file.dirname ?? '.')
  const root = includeRoot(folder)
  const scope = root === folder ? "the chapter's folder" : "the book's folder"
  const resolved = path.resolve(folder, name)
  const relative = path.relative(root, resolved)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { missing: 'outside', scope }
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) return { missing: 'not found', scope }
  return { text: fs.readFileSync(resolved, 'utf8'), scope }
}
