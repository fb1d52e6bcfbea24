import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ChapterdeckError, ExitCode } from '../errors.js'
import type { Theme } from '../render/theme.js'
import { generatedFiles } from '../layout/figures.js'
import type { Deck } from '../types.js'
import { slugOf } from '../util/slug.js'
import { stopIfAborted, type Job } from './job.js'

/**
 * A chapter's output while it is built: a scratch folder beside its final place, moved there
 * only when the build succeeds (`commit`), so a failed build never replaces good output; and
 * a work folder for files no output keeps (marp-cli's theme files).
 */
export class ChapterOutput {
  readonly slug: string
  readonly outDir: string
  readonly dir: string
  readonly work: string
  /** Files written, relative to the output folder. */
  readonly files: string[] = []

  constructor(private readonly job: Job) {
    this.slug = slugOf(job.input)
    const outRoot = path.resolve(job.context.cwd, job.options.out ?? 'dist')
    this.outDir = path.join(outRoot, this.slug)
    stopIfAborted(job)
    this.dir = makeScratch(outRoot, this.slug)
    this.work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-'))
    job.context.scratch.add(this.dir).add(this.work)
  }

  path(name: string): string {
    return path.join(this.dir, name)
  }

  /** Writes a file of the output (not after Ctrl-C: the scratch folder is on its way out). */
  write(name: string, data: string | Uint8Array): void {
    stopIfAborted(this.job)
    fs.mkdirSync(path.dirname(this.path(name)), { recursive: true })
    fs.writeFileSync(this.path(name), data)
    this.files.push(name)
  }

  /** Copies the images the deck shows beside it, under assets/, and writes the placeholders it drew. */
  copyAssets(deck: Deck): void {
    for (const { asset, content } of generatedFiles(deck)) this.write(asset, content)
    for (const { file, asset } of deckAssets(deck)) {
      if (this.files.includes(asset)) continue
      fs.mkdirSync(path.dirname(this.path(asset)), { recursive: true })
      fs.copyFileSync(file, this.path(asset))
      this.files.push(asset)
    }
  }

  /** The theme's CSS as Marp gets it (fonts themes empty, see render/theme.ts), as files for marp-cli. */
  marpThemeFiles(theme: Theme): string[] {
    return theme.files.map((file, index) => {
      const copy = path.join(this.work, 'themes', path.basename(file))
      if (!fs.existsSync(copy)) {
        fs.mkdirSync(path.dirname(copy), { recursive: true })
        fs.writeFileSync(copy, theme.css[index])
      }
      return copy
    })
  }

  /** Moves the finished output into place. A partial one only adds its files, keeping the rest. */
  commit(partial: boolean): void {
    stopIfAborted(this.job)
    if (partial && fs.existsSync(this.outDir)) {
      for (const name of fs.readdirSync(this.dir)) {
        fs.rmSync(path.join(this.outDir, name), { recursive: true, force: true })
        fs.renameSync(path.join(this.dir, name), path.join(this.outDir, name))
      }
      return
    }
    const old = `${this.outDir}.old-${process.pid}`
    if (fs.existsSync(this.outDir)) fs.renameSync(this.outDir, old)
    fs.renameSync(this.dir, this.outDir)
    fs.chmodSync(this.outDir, 0o755)
    fs.rmSync(old, { recursive: true, force: true })
  }

  /** Removes what is left of the scratch and work folders (all of it, unless committed). */
  dispose(): void {
    for (const dir of [this.dir, this.work]) {
      fs.rmSync(dir, { recursive: true, force: true })
      this.job.context.scratch.delete(dir)
    }
  }
}

function makeScratch(outRoot: string, slug: string): string {
  try {
    fs.mkdirSync(outRoot, { recursive: true })
    return fs.mkdtempSync(path.join(outRoot, `.${slug}.tmp-`))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ChapterdeckError(`Cannot write to ${outRoot} (${code}); choose another folder with --out or fix its permissions`, { code: ExitCode.environment, cause: error })
  }
}

/** The images a deck shows: each file, and where its copy goes in the output folder. */
export function deckAssets(deck: Deck): { file: string; asset: string }[] {
  return deck.children.flatMap((slide) => [...(slide.image?.file && slide.image.asset ? [{ file: slide.image.file, asset: slide.image.asset }] : []), ...(slide.assets ?? [])])
}
