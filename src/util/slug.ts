import path from 'node:path'

/** A chapter's output folder name: its file name without the extension. */
export function slugOf(chapter: string): string {
  return path.basename(chapter).replace(/\.[^.]+$/, '')
}
