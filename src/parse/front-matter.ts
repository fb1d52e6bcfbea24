import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { parse } from 'yaml'

// Only these keys are read; nothing from a chapter is passed to Marp as a directive.
const allowedKeys = ['title', 'subtitle', 'author', 'date', 'lang', 'description'] as const

/** Reads the chapter's YAML front matter into `file.data.matter`, whitelisted and as strings. */
export function frontMatter() {
  return (tree: Root, file: VFile) => {
    const node = tree.children[0]
    file.data.matter = {}
    if (node?.type !== 'yaml') return
    let data: unknown
    try {
      data = parse(node.value)
    } catch (error) {
      file.message(`Front matter is not valid YAML (${String((error as Error).message).split('\n')[0]}); ignored`, {
        place: node.position,
        ruleId: 'front-matter-yaml',
        source: 'chapterdeck',
      })
      return
    }
    if (!data || typeof data !== 'object') return
    for (const key of allowedKeys) {
      const value = (data as Record<string, unknown>)[key]
      if (value === undefined || value === null) continue
      const text = Array.isArray(value) ? value.join(', ') : value instanceof Date ? value.toISOString().slice(0, 10) : String(value)
      if (text.trim()) file.data.matter[key] = text.trim()
    }
  }
}
