import fs from 'node:fs'
import type { Rendered } from './engine.js'
import { callMarp } from './marp-thread.js'

export interface MarpCliJob {
  markdownFile: string
  outputFile: string
  /** Theme CSS files to register; none for Marp's built-in themes. */
  themeFiles: string[]
  /** Scratch folder for the generated marp-cli config. */
  workDir: string
  /** Extra marp-cli arguments: `--pdf`, `--pptx`, `--browser-path` … */
  args?: string[]
  /** `--images` writes numbered files beside outputFile, not outputFile itself. */
  numbered?: boolean
}

/**
 * Runs marp-cli (in the Marp thread). Its bespoke template gives the HTML deck navigation, a
 * presenter view with notes, and a progress bar. No browser is started for HTML. Gives back
 * the deck as Marp rendered it for that output (its slides and their CSS).
 */
export function runMarpCli(job: MarpCliJob): Promise<Rendered | undefined> {
  return callMarp<Rendered | undefined>('cli', job)
}

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
