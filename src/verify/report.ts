import fs from 'node:fs'
import type { VFileMessage } from 'vfile-message'
import type { Deck } from '../types.js'
import type { Coverage } from './coverage.js'
import { talkMinutes } from '../render/timing.js'
import { talkFigures } from './talk.js'
import { siteName } from '../plan/references.js'

export interface ReportInput {
  input: string
  slug: string
  deck: Deck
  messages: VFileMessage[]
  coverage: Coverage
  timings: Record<string, number>
  files: string[]
  slideSummary: unknown[]
  fit?: { rounds: number; fixes: number; overflowing: number[] }
  cache?: { key: string; assets: Record<string, string> }
}

/** report.json: what was built, how much of the chapter it carries, and every warning. */
export function writeReport(target: string, report: ReportInput): void {
  const data = {
    chapter: report.input,
    slug: report.slug,
    title: report.deck.meta.title,
    theme: report.deck.meta.theme,
    slideLevel: report.deck.meta.slideLevel,
    slides: report.deck.children.length,
    talkMinutes: Number(talkMinutes(report.deck).toFixed(1)),
    slideList: report.slideSummary,
    coverage: {
      ratio: Number(report.coverage.ratio.toFixed(4)),
      sentences: report.coverage.sentences,
      missing: report.coverage.missing,
      map: report.coverage.map,
    },
    talk: talkFigures(report.deck),
    references: (report.deck.links ?? []).map(({ text, url, section, own }) => ({ text, url, site: siteName(url), section, own })),
    verification: report.fit
      ? { measuredInBrowser: true, rounds: report.fit.rounds, slidesFixed: report.fit.fixes, overflowing: report.fit.overflowing }
      : { measuredInBrowser: false },
    warnings: report.messages.map(messageJson),
    outputs: [...report.files, 'report.json'],
    timings: report.timings,
    ...(report.cache ? { cache: report.cache } : {}),
  }
  fs.writeFileSync(target, JSON.stringify(data, null, 2) + '\n')
}

export function messageJson(message: VFileMessage) {
  return {
    file: message.file,
    line: message.line ?? undefined,
    column: message.column ?? undefined,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    ruleId: message.ruleId ?? undefined,
    message: message.reason,
  }
}
