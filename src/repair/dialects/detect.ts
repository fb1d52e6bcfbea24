import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { dialectNames, type DialectName, type DialectOptions } from './dialect.js'

interface Sign {
  pattern: RegExp
  /** Counted inside code fences too (the sign is fence info or a line of code). */
  inCode?: boolean
}

// What gives each toolchain away: constructs no other markup writes. A dialect applies when its
// signs occur `least` times or more, so a lone look-alike in prose changes nothing.
const signs: Record<DialectName, { least: number; signs: Sign[]; unless?: RegExp }> = {
  eloquent: {
    least: 3,
    signs: [{ pattern: /^\{\{(?:meta|index|indexsee|figure|quote|id|hint|if|table)\b/gm }, { pattern: /\(\((?!\()[^()\n]+\)\)/g }],
  },
  mdx: {
    least: 2,
    signs: [
      { pattern: /\{\/\*[\s\S]*?\*\/\}/g },
      { pattern: /^ {0,3}<\/?(?:Intro|YouWillLearn|Recap|Challenges|Solution|Hint|Note|Pitfall|DeepDive|Sandpack|Tabs|TabItem|Admonition|Wip|Canary)\b/gm },
      { pattern: /^import\s+[\w{}\s,*]+\s+from\s+['"][^'"]+['"];?$/gm },
    ],
  },
  pandoc: {
    least: 2,
    // MyST (Sphinx) writes amsmath too, but its directives and targets are its own toolchain.
    unless: /^(?:`{3,}|:{3,})\{[\w-]+\}|^\([\w/:.-]+\)=$/m,
    signs: [
      { pattern: /^%\s+\S/g },
      { pattern: /^title:\s.+\n(?:[ \t].*\n)*(?:author|date|subtitle):/gi },
      { pattern: /\\(?:aosafigure|aosafigref|aosatblref|aosasecref|newpage|clearpage|begin\{[a-z*]+\}|footnote\{|cite[pt]?\{|label\{|emph\{|textbf\{|code\{)/g },
      { pattern: /^<\/?(?:markdown|latex)>/gm },
      { pattern: /\[@[\w:.-]+(?:[,;][^\]]*)?\]/g },
      { pattern: /\^\[[^\]\n]+\]/g },
    ],
  },
  d2l: {
    least: 3,
    signs: [
      { pattern: /:(?:label|eqlabel|numref|eqref|cite|begin_tab|end_tab|width):/g },
      { pattern: /^(?:#@tab|%%tab)\b/gm, inCode: true },
      { pattern: /^```\{\.python \.input/gm, inCode: true },
    ],
  },
  mdbook: {
    least: 2,
    signs: [
      { pattern: /^r\[[\w.-]+\]$/gm },
      { pattern: /\{\{#(?:include|rustdoc_include|playground|title)\s/g, inCode: true },
      { pattern: /^<Listing\b/gm },
    ],
  },
  mkdocs: {
    least: 3,
    signs: [
      { pattern: /^ {0,3}(?:!!!|\?\?\?\+?)\s+[\w-]+/gm },
      { pattern: /^ {0,3}===[!+]?\s+"/gm },
      { pattern: /<div\b[^>]*\smarkdown\b[^>]*>/g },
      { pattern: /:(?:material|octicons|fontawesome|simple)-[\w-]+:/g },
      { pattern: /^-{2}8<-{2}\s/gm },
      { pattern: /\{\s*\.annotate\s*\}/g },
    ],
  },
}

/** Decides which toolchains' rules apply: the one `--dialect` names, else those recognised. */
export function detectDialects(options: DialectOptions = {}) {
  return (_tree: Root, file: VFile) => {
    if (options.dialect) {
      file.data.dialects = options.dialect === 'none' ? [] : [options.dialect]
      return
    }
    const source = String(file.value)
    file.data.dialects = []
    for (const { name, first } of recognise(source)) {
      file.data.dialects.push(name)
      file.info(`Read as ${name} markup, recognised by its constructs (--dialect sets it)`, { place: pointAt(source, first), ruleId: 'dialect', source: 'chapterdeck' })
    }
  }
}

/** The dialects whose signs occur often enough in a chapter, with the offset of the first. */
export function recognise(source: string): { name: DialectName; first: number }[] {
  // Prose is the source with fenced code and math blanked out, offsets kept: TeX's
  // `\begin{aligned}` is no sign of a LaTeX chapter.
  const blank = (text: string) => text.replace(/[^\n]/g, ' ')
  const prose = source.replace(/^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\2[`~]*[ \t]*$/gm, blank).replace(/\$\$[\s\S]*?\$\$|\$[^$\n]+\$/g, blank)
  return dialectNames.flatMap((name) => {
    const { least, signs: list, unless } = signs[name]
    if (unless?.test(source)) return []
    const found = list.flatMap((sign) => [...(sign.inCode ? source : prose).matchAll(sign.pattern)].map((match) => match.index))
    return found.length >= least ? [{ name, first: Math.min(...found) }] : []
  })
}

function pointAt(source: string, offset: number) {
  const before = source.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n'), offset }
}
