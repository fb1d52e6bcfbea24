import fs from 'node:fs'
import path from 'node:path'
import type { VFile } from 'vfile'

/**
 * A file a chapter includes (mdBook's `{{#include}}`, MkDocs' `--8<--`), read only from inside
 * the chapter's folder: a chapter never pulls in files from elsewhere on the machine.
 */
export function readInside(file: VFile, name: string): { text: string } | { missing: 'outside' | 'not found' } {
  const folder = path.resolve(file.dirname ?? '.')
  const resolved = path.resolve(folder, name)
  const relative = path.relative(folder, resolved)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { missing: 'outside' }
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) return { missing: 'not found' }
  return { text: fs.readFileSync(resolved, 'utf8') }
}
