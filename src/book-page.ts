import type { BookEntry } from './cache.js'
import { formatMinutes } from './render/timing.js'
import { escapeHtml } from './util/html.js'

/** The page that lists a book's chapters: slides, talk time and links to every output. */
export function bookPage(entries: BookEntry[]): string {
  const total = entries.reduce((sum, entry) => sum + entry.minutes, 0)
  const slides = entries.reduce((sum, entry) => sum + entry.slides, 0)
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Decks</title>
<style>body{font:17px/1.5 system-ui,sans-serif;max-width:60rem;margin:3rem auto;padding:0 1rem;color:#1c2333}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #d5dae4}a{color:#1f4fa8}</style></head>
<body><h1>Decks</h1><p>${entries.length} chapter${entries.length === 1 ? '' : 's'}, ${slides} slides, ${formatMinutes(total)} of talk.</p>
<table><thead><tr><th>Chapter</th><th>Slides</th><th>Time</th><th>Outputs</th></tr></thead><tbody>
${entries.map(row).join('\n')}
</tbody></table></body></html>`
}

function row(entry: BookEntry): string {
  const link = (name: string, label: string) => (entry.files.includes(name) ? `<a href="${escapeHtml(entry.slug)}/${name}">${label}</a>` : '')
  const links = [link('index.html', 'deck'), link('handout.pdf', 'handout'), link('slides.pdf', 'slides PDF'), link('notes.md', 'notes')].filter(Boolean).join(' · ')
  return `<tr><td><strong>${escapeHtml(entry.title)}</strong></td><td>${entry.slides}</td><td>${formatMinutes(entry.minutes)}</td><td>${links}</td></tr>`
}
