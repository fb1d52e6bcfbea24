import { escapeHtml } from '../util/html.js'

/**
 * A figure that could not be shown, drawn as an SVG the size of the figure's place: a dashed
 * frame with what is missing, so a split slide keeps its shape and says what to fix.
 */
export function placeholderSvg(label: string, target: string): string {
  const lines = wrap(target, 34)
  const text = [
    `<text x="400" y="${250 - lines.length * 22}" font-size="40" font-weight="700" fill="#1f4fa8">${escapeHtml(label)}</text>`,
    ...lines.map((line, index) => `<text x="400" y="${320 - lines.length * 22 + index * 46}" font-size="32" font-family="monospace" fill="#5b6478">${escapeHtml(line)}</text>`),
  ]
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600" width="800" height="600" font-family="sans-serif" text-anchor="middle">
<rect x="20" y="20" width="760" height="560" rx="24" fill="none" stroke="#b8bfcc" stroke-width="6" stroke-dasharray="24 16"/>
${text.join('\n')}
</svg>
`
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/(?<=[\s/_-])/)) {
    if (line && (line + word).length > width) {
      lines.push(line.trim())
      line = ''
    }
    line += word
  }
  if (line.trim()) lines.push(line.trim())
  return lines.flatMap((part) => part.match(new RegExp(`.{1,${width}}`, 'g')) ?? [])
}
