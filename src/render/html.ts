import fs from 'node:fs'

/** Adds a style sheet at the end of an HTML file's head. */
export function addHeadStyle(file: string, css: string): void {
  // As bytes, written in three pieces: a huge deck's HTML is never decoded or copied.
  const html = fs.readFileSync(file)
  const at = html.indexOf('</head>')
  if (at < 0) throw new Error(`${file}: no </head> to add a style sheet to`)
  const temp = `${file}.${process.pid}.tmp`
  const fd = fs.openSync(temp, 'w')
  try {
    fs.writeSync(fd, html, 0, at)
    fs.writeSync(fd, `<style>${css}</style>`)
    fs.writeSync(fd, html, at)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(temp, file)
}
