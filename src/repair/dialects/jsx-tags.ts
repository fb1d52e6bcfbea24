// A scanner for the JSX that MDX chapters write between Markdown blocks: `<Note>`, `</Note>`,
// `<Sandpack>`, `<img src="x" style={{margin: 0}} />`. Attribute values may be quoted or braced
// expressions (which hold `>` and span lines); CommonMark reads neither as HTML.

export interface JsxTag {
  name: string
  close: boolean
  selfClosing: boolean
  attributes: Record<string, string | true>
  /** The tag as written. */
  raw: string
}
export type JsxPart = { text: string } | { tag: JsxTag }

/** Splits text into JSX tags and the text between them. */
export function scanJsx(source: string): JsxPart[] {
  const parts: JsxPart[] = []
  let text = ''
  let at = 0
  while (at < source.length) {
    const tag = source[at] === '<' ? readTag(source, at) : undefined
    if (!tag) {
      text += source[at]
      at += 1
      continue
    }
    if (text) parts.push({ text })
    text = ''
    parts.push({ tag: tag.tag })
    at = tag.end
  }
  if (text) parts.push({ text })
  return parts
}

function readTag(source: string, start: number): { tag: JsxTag; end: number } | undefined {
  const head = /^<(\/?)([A-Za-z][\w.:-]*)/.exec(source.slice(start, start + 100))
  if (!head) return undefined
  const attributes: Record<string, string | true> = {}
  let at = start + head[0].length
  for (;;) {
    while (/\s/.test(source[at] ?? '')) at += 1
    if (source.startsWith('/>', at)) return done(at + 2, true)
    if (source[at] === '>') return done(at + 1, false)
    const name = /^[\w:.-]+/.exec(source.slice(at, at + 100))?.[0]
    if (source[at] === '{') {
      // A spread (`{...props}`): kept as an unnamed expression.
      const end = braced(source, at)
      if (end < 0) return undefined
      at = end
      continue
    }
    if (!name) return undefined
    at += name.length
    if (source[at] !== '=') {
      attributes[name] = true
      continue
    }
    at += 1
    const quote = source[at]
    const end = quote === '"' || quote === "'" ? source.indexOf(quote, at + 1) + 1 : quote === '{' ? braced(source, at) : -1
    if (end <= 0) return undefined
    attributes[name] = quote === '{' ? source.slice(at + 1, end - 1).trim() : source.slice(at + 1, end - 1)
    at = end
  }

  function done(end: number, selfClosing: boolean) {
    return { end, tag: { name: head![2], close: head![1] === '/', selfClosing, attributes, raw: source.slice(start, end) } }
  }
}

/** The end (exclusive) of a `{…}` expression starting at `start`, strings and nesting allowed. */
function braced(source: string, start: number): number {
  let depth = 0
  for (let at = start; at < source.length; at++) {
    const char = source[at]
    if (char === '"' || char === "'" || char === '`') {
      const close = source.indexOf(char, at + 1)
      if (close < 0) return -1
      at = close
    } else if (char === '{') depth += 1
    else if (char === '}' && --depth === 0) return at + 1
  }
  return -1
}

/** A component (capitalised) rather than an HTML element. */
export function isComponent(tag: JsxTag): boolean {
  return /^[A-Z]/.test(tag.name)
}

/** An HTML element without its JSX-only attributes (`style={{…}}`), so HTML parsers read it. */
export function asHtml(tag: JsxTag): string {
  if (tag.close) return `</${tag.name}>`
  const attributes = Object.entries(tag.attributes)
    .filter(([name]) => !tag.raw.includes(`${name}={`))
    .map(([name, value]) => (value === true ? name : `${name === 'className' ? 'class' : name}="${value.replace(/"/g, '&quot;')}"`))
  return `<${[tag.name, ...attributes].join(' ')}${tag.selfClosing ? ' />' : '>'}`
}
