import type { Root, Yaml } from 'mdast'
import type { VFile } from 'vfile'

// A chapter's metadata written before its text, as pandoc and MultiMarkdown read it:
//   % Title            (pandoc's title block: title, authors split by `;`, date;
//   % Author; Other     a line starting with a space continues the one above)
//   % Date
// or `Key: value` lines (MultiMarkdown, and pandoc books such as the AOSA series):
//   title: Ninja
//   author: Evan Martin
// Either becomes front matter, so the title slide, the byline and the notes read it as YAML.
const metadataLine = /^([A-Za-z][\w -]*?):\s*(.*)$/
const firstKeys = new Set(['title', 'author', 'authors', 'date', 'subtitle'])

export function titleBlock() {
  return (tree: Root, file: VFile) => {
    const first = tree.children[0]
    if (first?.type !== 'paragraph' || first.position?.start.line !== 1) return
    const lines = String(file.value).slice(first.position.start.offset, first.position.end.offset).split('\n')
    const data = lines[0].startsWith('%') ? pandocBlock(lines) : metadataBlock(lines)
    if (!data) return
    const yaml: Yaml = { type: 'yaml', value: Object.entries(data).map(([key, value]) => `${key}: ${scalar(value)}`).join('\n'), position: first.position }
    tree.children[0] = yaml
    file.info(`Title block read as front matter (${Object.keys(data).join(', ')})`, { place: first.position, ruleId: 'title-block', source: 'chapterdeck' })
  }
}

/** A value as YAML reads it back: plain where that is safe, else quoted. */
function scalar(value: string): string {
  return /^[\s!&*\-?|>'"%@`{[#]|:\s|\s#|:$/.test(value) ? JSON.stringify(value) : value
}

function pandocBlock(lines: string[]): Record<string, string> | undefined {
  const fields: string[] = []
  for (const line of lines) {
    if (line.startsWith('%')) fields.push(line.slice(1).trim())
    else if (/^\s/.test(line) && fields.length) fields[fields.length - 1] += ` ${line.trim()}`
    else return undefined
  }
  if (fields.length > 3) return undefined
  const [title, author, date] = fields
  const authors = (author ?? '').split(';').map((name) => name.trim()).filter(Boolean)
  return Object.fromEntries(Object.entries({ title, author: authors.join('; '), date }).filter(([, value]) => value)) as Record<string, string>
}

function metadataBlock(lines: string[]): Record<string, string> | undefined {
  const data: Record<string, string> = {}
  let last: string | undefined
  for (const line of lines) {
    const match = metadataLine.exec(line)
    if (match && !/^\s/.test(line)) {
      last = match[1].trim().toLowerCase()
      if (!Object.keys(data).length && !firstKeys.has(last)) return undefined
      data[last] = match[2].trim()
    } else if (last && /^\s+\S/.test(line)) data[last] += ` ${line.trim()}`
    else return undefined
  }
  return Object.keys(data).length ? data : undefined
}
