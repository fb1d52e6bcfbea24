import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ChapterdeckError, ExitCode } from '../errors.js'

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const themesDir = path.join(packageRoot, 'themes')
/** chapterdeck's own version, for --version and for cache keys. */
export const version = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')).version as string
export const builtinThemes = ['default', 'gaia', 'uncover'] as const

export interface Theme {
  /** The `@theme` name decks refer to. */
  name: string
  /** Theme files to register with Marp, imported ones first; none for Marp's built-ins. */
  files: string[]
  /** Their CSS, in the same order. */
  css: string[]
}

/**
 * Loads a theme by name (themes/<name>.css, or a Marp built-in) or from a CSS file path,
 * with the sibling themes it `@import`s (chapterdeck imports its embedded fonts).
 */
export function loadTheme(spec: string): Theme {
  if ((builtinThemes as readonly string[]).includes(spec)) return { name: spec, files: [], css: [] }
  const file = spec.endsWith('.css') ? path.resolve(spec) : path.join(themesDir, `${spec}.css`)
  if (!fs.existsSync(file)) {
    const known = [...listThemes(), ...builtinThemes]
    throw new ChapterdeckError(`Theme "${spec}" not found (looked for ${file}); use one of: ${known.join(', ')}, or a path to a .css file`, {
      code: ExitCode.usage,
    })
  }
  const files = withImports(file, new Set())
  const css = files.map((item) => fs.readFileSync(item, 'utf8'))
  return { name: themeName(css[css.length - 1], file), files, css }
}

/** Themes shipped in themes/, by name (companion files such as fonts left out). */
export function listThemes(): string[] {
  return fs
    .readdirSync(themesDir)
    .filter((name) => name.endsWith('.css') && !name.endsWith('-fonts.css'))
    .map((name) => name.slice(0, -4))
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
