import type { Marp } from '@marp-team/marp-core'

// A deck is rendered two or three times (laid out, maybe without formulas, then by marp-cli for
// index.html), and highlighting code costs more than the rest of a render: each block is
// highlighted once per Marp thread. Bounded, so a book of code-heavy chapters stays small.
const highlighted = new Map<string, string>()
const maxChars = 8_000_000
let chars = 0

/** Makes the engine reuse highlighted code (marp-core's highlighter depends on code and language only). */
export function reuseHighlighting<T extends Marp>(marp: T): T {
  const highlight = marp.highlighter.bind(marp)
  marp.highlighter = (code, lang, attrs) => {
    if (!lang) return highlight(code, lang, attrs)
    const key = `${lang}\0${code}`
    let html = highlighted.get(key)
    if (html === undefined) {
      html = highlight(code, lang, attrs)
      if (chars > maxChars) {
        highlighted.clear()
        chars = 0
      }
      highlighted.set(key, html)
      chars += key.length + html.length
    }
    return html
  }
  return marp
}
