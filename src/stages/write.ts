import { fileDigest } from '../util/digest.js'
import type { ChapterdeckError } from '../errors.js'
import { slideTitle } from '../render/outline.js'
import { slideMinutes } from '../render/timing.js'
import { notesOf } from '../serialize/notes.js'
import type { Deck } from '../types.js'
import { collectGarbage } from '../util/memory.js'
import { wordCount } from '../util/text.js'
import { coverage, type Coverage } from '../verify/coverage.js'
import { writeReport } from '../verify/report.js'
import type { Fitted } from './fit.js'
import type { Job, Processed } from './job.js'
import { deckAssets, type ChapterOutput } from './output.js'
import type { ChapterResult } from '../build.js'

/**
 * The write stage: how much of the chapter the deck carries, report.json, then the output
 * moved into place (only adding files when some output failed, so good ones stay).
 */
export function writeStage(processed: Processed, fitted: Fitted, output: ChapterOutput, failure: ChapterdeckError | undefined, job: Job): ChapterResult {
  const { file, deck } = processed
  job.timings.total = Math.round(performance.now() - job.started)
  if (processed.large) collectGarbage()
  const covered = coverage(file.data.sentences ?? [], deck)
  reportLost(processed, covered)
  const assets = Object.fromEntries([...new Set(deckAssets(deck).map((asset) => asset.file))].map((asset) => [asset, fileDigest(asset)]))
  const cache = job.options.cache ? { key: job.options.cache, assets } : undefined
  const { input } = job
  const report = { input, slug: output.slug, deck, messages: file.messages, coverage: covered, timings: job.timings, files: output.files, slideSummary: summarize(deck), fit: fitted.fit, cache }
  writeReport(output.path('report.json'), report)
  output.files.push('report.json')
  output.commit(Boolean(failure))
  return { input, slug: output.slug, outDir: output.outDir, files: output.files, file, deck, messages: file.messages, coverage: covered, timings: job.timings, fit: fitted.fit, error: failure }
}

function reportLost({ file }: Processed, covered: Coverage): void {
  for (const entry of covered.map) {
    if (entry.where) continue
    file.message(`Sentence not found on any slide or in any note: "${entry.text.slice(0, 80)}${entry.text.length > 80 ? '…' : ''}"`, {
      place: entry.line ? { line: entry.line, column: 1 } : undefined,
      ruleId: 'sentence-lost',
      source: 'chapterdeck',
    })
  }
}

function summarize(deck: Deck) {
  return deck.children.map((slide, index) => ({
    n: index + 1,
    kind: slide.kind,
    title: slideTitle(slide),
    line: slide.position?.start.line,
    notesWords: wordCount(notesOf(slide).join(' ')),
    minutes: Number(slideMinutes(slide).toFixed(2)),
  }))
}
