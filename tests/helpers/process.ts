import fs from 'node:fs'
import { VFile } from 'vfile'
import { unified } from 'unified'
import { chapterParse } from '../../src/parse/index.js'
import { planSlides } from '../../src/plan/plan.js'
import { createProcessor, type ProcessorOptions } from '../../src/processor.js'
import { chapterRepair } from '../../src/repair/index.js'
import { serializeDeck } from '../../src/serialize/serialize.js'

/** The pipeline up to the slide plan: parse, repair, plan (no condensing or layout). */
export const planOnly = (options: ProcessorOptions = {}) => unified().use(chapterParse).use(chapterRepair(options)).use(planSlides, options).use(serializeDeck)

/** Runs the whole deck.md pipeline on Markdown text, as build does, without writing anything. */
export async function processMarkdown(value: string, options: ProcessorOptions = {}, path = 'chapter.md', processor = createProcessor) {
  const file = new VFile({ path, value })
  const markdown = String(await processor(options).process(file))
  return { file, markdown, deck: file.data.deck!, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`) }
}

export async function processFile(path: string, options: ProcessorOptions = {}) {
  return processMarkdown(fs.readFileSync(path, 'utf8'), options, path)
}
