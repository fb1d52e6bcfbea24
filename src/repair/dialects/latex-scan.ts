// LaTeX commands as pandoc chapters write them inside Markdown: `\name[option]{arg}{arg}`.
// AOSA writes `\aosafigure[240pt]/images/x.png{caption}{label}` too: a path between the option
// and the braces.

export interface Command {
  name: string
  option?: string
  /** A bare path written right after the option (AOSA's web-edition figures). */
  path?: string
  args: string[]
  start: number
  end: number
}

/** Each command in a string, with its arguments read by matching braces. */
export function commands(text: string): Command[] {
  const out: Command[] = []
  const head = /\\([A-Za-z]+)\*?/g
  for (let match = head.exec(text); match; match = head.exec(text)) {
    const command = readArguments(text, match.index, match[1], match.index + match[0].length)
    out.push(command)
    head.lastIndex = command.end
  }
  return out
}

function readArguments(text: string, start: number, name: string, from: number): Command {
  let at = from
  let option: string | undefined
  let path: string | undefined
  if (text[at] === '[') {
    const close = text.indexOf(']', at)
    if (close > 0) {
      option = text.slice(at + 1, close)
      at = close + 1
    }
  }
  const bare = /^\/[^\s{}]+/.exec(text.slice(at))
  if (bare && name === 'aosafigure') {
    path = bare[0]
    at += bare[0].length
  }
  const args: string[] = []
  while (text[at] === '{') {
    const close = matching(text, at)
    if (close < 0) break
    args.push(text.slice(at + 1, close))
    at = close + 1
  }
  return { name, option, path, args, start, end: at }
}

/** The index of the brace closing the one at `open`, or -1. */
export function matching(text: string, open: number): number {
  let depth = 0
  for (let at = open; at < text.length; at++) {
    if (text[at] === '\\') at += 1
    else if (text[at] === '{') depth += 1
    else if (text[at] === '}' && --depth === 0) return at
  }
  return -1
}

/** A command's first argument wherever it stands in `text`, e.g. the `\caption{…}` of a table. */
export function argumentOf(text: string, name: string): string | undefined {
  return commands(text).find((command) => command.name === name)?.args[0]
}

// Commands that only lay out a printed page.
export const layoutOnly = new Set([
  'newpage', 'clearpage', 'pagebreak', 'noindent', 'medskip', 'bigskip', 'smallskip', 'vspace', 'hspace', 'centering', 'hfill',
  'footnotesize', 'small', 'large', 'Large', 'normalsize', 'raggedright', 'label', 'index', 'rowcolors', 'hline', 'toprule', 'midrule',
  'bottomrule', 'cline', 'vfill', 'linebreak', 'nopagebreak', 'needspace', 'FloatBarrier', 'protect', 'phantomsection', 'sloppy',
])

// Commands that stand for a character or a word.
export const symbols: Record<string, string> = {
  LaTeX: 'LaTeX',
  TeX: 'TeX',
  ldots: '…',
  dots: '…',
  textbackslash: '\\',
  textendash: '–',
  textemdash: '—',
  copyright: '©',
  S: '§',
}
