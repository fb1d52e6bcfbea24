import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ChapterdeckError, ExitCode } from '../errors.js'

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const themesDir = path.join(packageRoot, 'themes')
/** chapterdeck's own version, for --version and for cache keys. */
export const version = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version as string

export interface Theme {
  /** The `@theme` name decks refer to. */
  name: string
  /** The theme's files as written, imported ones first (what marp-cli's own browser gets). */
  files: string[]
  /**
   * Their CSS as Marp gets it: a fonts theme (`<name>-fonts`, embedded @font-face rules) is
   * left empty, as a theme of megabytes parses and packs slowly in every engine.
   */
  css: string[]
  /** The fonts themes' @font-face rules, embedded: set beside the slides on every page. */
  fonts: string
  /** One of ours (themes/): its font stacks name the script fonts a build adds. */
  bundled: boolean
}

/**
 * Loads a theme by name (themes/<name>.css: chapterdeck, and Marp's default, gaia and uncover
 * with bundled fonts) or from a CSS file path, with the sibling themes it `@import`s.
 */
export function loadTheme(spec: string): Theme {
  const file = spec.endsWith('.css') ? path.resolve(spec) : path.join(themesDir, `${spec}.css`)
  if (!fs.existsSync(file)) {
    throw new ChapterdeckError(`Theme "${spec}" not found (looked for ${file}); use one of: ${listThemes().join(', ')}, or a path to a .css file`, { code: ExitCode.usage })
  }
  const files = withImports(file, new Set())
  const sources = files.map((item) => fs.readFileSync(item, 'utf8'))
  const fontsTheme = (css: string) => /@theme\s+[\w-]+-fonts\b/.test(css)
  return {
    name: themeName(sources[sources.length - 1], file),
    files,
    css: sources.map((css) => (fontsTheme(css) ? `/* @theme ${themeName(css, file)} */` : css)),
    fonts: sources.filter(fontsTheme).join('\n'),
    bundled: path.dirname(file) === themesDir,
  }
}

/** Themes shipped in themes/, by name (the fonts and Marp's originals they import left out). */
export function listThemes(): string[] {
  return fs
    .readdirSync(themesDir)
    .filter((name) => name.endsWith('.css') && !name.endsWith('-fonts.css') && !name.startsWith('marp-'))
    .map((name) => name.slice(0, -4))
    .sort((a, b) => Number(b === 'chapterdeck') - Number(a === 'chapterdeck') || a.localeCompare(b))
}

function withImports(file: string, seen: Set<string>): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  const css = fs.readFileSync(file, 'utf8')
  themeName(css, file)
  const imported = [...css.matchAll(/@import\s+(?:url\()?['"]([\w-]+)['"]\)?\s*;/g)]
    .map((match) => path.join(path.dirname(file), `${match[1]}.css`))
    .filter((sibling) => fs.existsSync(sibling))
  return [...imported.flatMap((sibling) => withImports(sibling, seen)), file]
}

function themeName(css: string, file: string): string {
  const name = /@theme\s+([\w-]+)/.exec(css)?.[1]
  if (!name) throw new ChapterdeckError(`${file}: not a Marp theme, it has no "/* @theme name */" comment; add one`, { code: ExitCode.usage })
  return name
}
