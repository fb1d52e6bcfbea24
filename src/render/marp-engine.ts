import { Marp, type MarpOptions } from '@marp-team/marp-core'
import { LRUCache } from 'lru-cache'
import { engineOptions } from './engine-options.js'

/** A deck as Marp rendered it: its slides and their CSS. */
export interface Rendered {
  html: string
  css: string
}

/** What the engines of one Marp thread share: one highlight.js, and code already highlighted. */
export interface MarpShared {
  highlightjs?: Marp['highlightjs']
  highlighted: LRUCache<string, string>
}

export function marpShared(): MarpShared {
  return { highlighted: new LRUCache<string, string>({ maxSize: 4_000_000, sizeCalculation: (value, key) => value.length + key.length }) }
}

/**
 * Marp with chapterdeck's options, customised through its public extension points: the
 * `highlighter` and `highlightjs` members that Marp documents for custom highlighting, and
 * `render`. A book renders many decks, and marp-cli makes an engine per deck: marp-core gives
 * each engine a highlight.js of its own, registering about 190 languages and compiling each
 * on first use. These engines share one, and highlight each code block once.
 */
export class ChapterdeckMarp extends Marp {
  constructor(
    options: MarpOptions,
    private readonly shared: MarpShared,
    /** Told of every deck this engine renders (marp-cli's render of index.html). */
    private readonly onRender?: (rendered: Rendered) => void,
  ) {
    // A render asked without math (the layout of deck.md in a Marp without it) stays without.
    super({ ...options, ...engineOptions, ...(options.math === false ? { math: false } : {}) })
  }

  override get highlightjs(): Marp['highlightjs'] {
    return (this.shared.highlightjs ??= super.highlightjs)
  }

  override highlighter(code: string, lang: string, attrs: string): string {
    if (!lang) return super.highlighter(code, lang, attrs)
    const key = `${lang}\0${code}`
    let html = this.shared.highlighted.get(key)
    if (html === undefined) this.shared.highlighted.set(key, (html = super.highlighter(code, lang, attrs)))
    return html
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Marpit's overloads return either shape
  override render(markdown: string, env?: any): any {
    const result = super.render(markdown, env)
    this.onRender?.({ html: String(result.html), css: result.css })
    return result
  }
}
