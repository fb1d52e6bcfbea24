import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ChapterResult } from '../build.js'
import type { RepairOptions } from '../repair/index.js'
import { ExitCode } from '../errors.js'
import { messageJson } from '../verify/report.js'
import { talkFigures, talkSummary } from '../verify/talk.js'
import { describe, report, type Output } from './output.js'
import { inContext } from './session.js'

export interface CheckFlags extends RepairOptions {
  theme: string
  slideLevel?: number
  json?: boolean
  debug?: boolean
}

/**
 * `chapterdeck check`: the book built in a scratch folder, removed afterwards (nothing is
 * written), every slide measured; its findings printed in the book's order.
 */
export async function checkCommand(chapters: string[], flags: CheckFlags, io: Output): Promise<number> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-check-'))
  const results: ChapterResult[] = []
  let code: number = ExitCode.ok
  try {
    await inContext(async (context) => {
      // Marp and the browser start while the pipeline loads.
      context.marp.start()
      context.browser.pool().catch(() => undefined)
      const { buildBook } = await import('../book.js')
      const { failures } = await buildBook(chapters, {
        out, formats: ['md'], verify: true, noCache: true, page: false, theme: flags.theme, slideLevel: flags.slideLevel, dialect: flags.dialect, tab: flags.tab, context,
        onEvent: (event) => {
          if (event.type === 'done' && event.result) results[chapters.indexOf(event.entry.chapter)] = event.result
          if (event.type === 'failed') io.err(`chapterdeck: ${describe(event.error)}`)
        },
      })
      for (const failure of failures) code = Math.max(code, failure.code)
    }, () => io.err('chapterdeck: interrupted'))
  } finally {
    fs.rmSync(out, { recursive: true, force: true })
  }
  const found = results.filter(Boolean)
  for (const result of found) if (result.messages.some((message) => message.fatal) || result.error) code = Math.max(code, ExitCode.buildFailed)
  if (flags.json) io.out(JSON.stringify(found.map(summary), null, 2))
  else for (const result of found) printResult(result, io)
  return code
}

function summary(result: ChapterResult) {
  const count = (fatal: boolean) => result.messages.filter((message) => message.fatal === fatal).length
  const { input: chapter, deck, fit, coverage } = result
  return { chapter, slides: deck.children.length, overflowing: fit?.overflowing.length ?? 0, errors: count(true), warnings: count(false), coverage: coverage.ratio, verified: Boolean(fit), talk: talkFigures(deck), findings: result.messages.map(messageJson) }
}

function printResult(result: ChapterResult, io: Output): void {
  const { chapter, slides, overflowing, errors, warnings, coverage, verified, talk } = summary(result)
  const messages = report(result.file, { quiet: true })
  if (messages) io.out(messages.trimEnd())
  const measured = verified ? `${overflowing} overflowing` : 'not measured (no browser)'
  io.out(`${chapter}: ${slides} slides, ${measured}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, coverage ${(coverage * 100).toFixed(1)}%; ${talkSummary(talk)}`)
  if (result.error) io.err(`chapterdeck: ${result.error.message}`)
}
