import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { defaultFormats } from './formats.js'
import type { BuildOptions } from './stages/job.js'
import { loadTheme, version } from './render/theme.js'
import { fileDigest } from './util/digest.js'
import { slugOf } from './util/slug.js'

/** One chapter in the book summary, whether built now or unchanged since the last build. */
export interface BookEntry {
  chapter: string
  slug: string
  title: string
  slides: number
  minutes: number
  warnings: number
  errors: number
  ms: number
  cached: boolean
  files: string[]
}

/**
 * Cache keys: a chapter's text, plus what every chapter depends on (version, theme, options).
 * Each chapter's key and last build are looked up once per book build.
 */
export class CacheKeys {
  private readonly book: string
  private readonly keys = new Map<string, string>()
  private readonly entries = new Map<string, BookEntry | undefined>()

  constructor(options: Pick<BuildOptions, 'theme' | 'formats' | 'slideLevel' | 'verify' | 'handoutLayout' | 'paper' | 'assets' | 'dialect' | 'tab'>) {
    const hash = createHash('sha256')
    hash.update(version)
    for (const css of loadTheme(options.theme ?? 'chapterdeck').css) hash.update(css)
    hash.update(JSON.stringify([options.formats ?? defaultFormats, options.slideLevel, options.verify, options.handoutLayout, options.paper, options.assets, options.dialect, options.tab]))
    this.book = hash.digest('hex')
  }

  /** What a chapter's output depends on, except the images it uses (checked from its report). */
  of(chapter: string): string {
    let key = this.keys.get(chapter)
    if (key === undefined) {
      key = createHash('sha256').update(this.book).update(fs.readFileSync(chapter)).digest('hex')
      this.keys.set(chapter, key)
    }
    return key
  }

  /** The chapter's last build in `out`, if nothing it depends on changed since (see cachedEntry). */
  cached(chapter: string, out: string): BookEntry | undefined {
    const id = `${out}\0${chapter}`
    if (!this.entries.has(id)) this.entries.set(id, cachedEntry(chapter, this.of(chapter), out))
    return this.entries.get(id)
  }
}

/** The last build's summary, if its key matches and the images it copied are unchanged. */
function cachedEntry(chapter: string, key: string, out: string): BookEntry | undefined {
  const slug = slugOf(chapter)
  const reportFile = path.join(out, slug, 'report.json')
  if (!fs.existsSync(reportFile)) return undefined
  try {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'))
    if (report.cache?.key !== key) return undefined
    for (const [file, digest] of Object.entries(report.cache.assets as Record<string, string>)) {
      if (!fs.existsSync(file) || fileDigest(file) !== digest) return undefined
    }
    if (!(report.outputs as string[]).every((name) => fs.existsSync(path.join(out, slug, name)))) return undefined
    const warnings = (report.warnings as { severity: string }[]).filter((warning) => warning.severity === 'warning').length
    const errors = (report.warnings as { severity: string }[]).filter((warning) => warning.severity === 'error').length
    return { chapter, slug, title: report.title, slides: report.slides, minutes: report.talkMinutes, warnings, errors, ms: 0, cached: true, files: report.outputs }
  } catch {
    return undefined
  }
}
