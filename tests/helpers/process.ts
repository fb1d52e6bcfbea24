import fs from 'node:fs'
import { VFile } from 'vfile'
import { createProcessor, type ProcessorOptions } from '../../src/processor.js'

/** Runs the whole deck.md pipeline on Markdown text, as build does, without writing anything. */
export async function processMarkdown(value: string, options: ProcessorOptions = {}, path = 'chapter.md') {
  const file = new VFile({ path, value })
  const markdown = String(await createProcessor(options).process(file))
  return { file, markdown, deck: file.data.deck!, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`) }
}

export async function processFile(path: string, options: ProcessorOptions = {}) {
  return processMarkdown(fs.readFileSync(path, 'utf8'), options, path)
}
