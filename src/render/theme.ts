import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ChapterdeckError, ExitCode } from '../errors.js'

const require = createRequire(import.meta.url)
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const themesDir = path.join(packageRoot, 'themes')
export const builtinThemes = ['default', 'gaia', 'uncover'] as const

export interface Theme {
  /** The `@theme` name decks refer to. */
  name: string
  /** The CSS as written, font URLs relative (`fonts/x.woff2`); undefined for Marp built-ins. */
  css?: string
  /** Font files the CSS refers to: URL in the CSS → file on disk. */
  fonts: Map<string, string>
}

/** Loads a theme by name (themes/<name>.css, or a Marp built-in) or from a CSS file path. */
export function loadTheme(spec: string): Theme {
  if ((builtinThemes as readonly string[]).includes(spec)) return { name: spec, fonts: new Map() }
  const file = spec.endsWith('.css') ? path.resolve(spec) : path.join(themesDir, `${spec}.css`)
  if (!fs.existsSync(file)) {
    const known = [...fs.readdirSync(themesDir).filter((f) => f.endsWith('.css')).map((f) => f.slice(0, -4)), ...builtinThemes]
    throw new ChapterdeckError(`Theme "${spec}" not found (looked for ${file}); use one of: ${known.join(', ')}, or a path to a .css file`, {
      code: ExitCode.usage,
    })
  }
  const css = fs.readFileSync(file, 'utf8')
  const name = /@theme\s+([\w-]+)/.exec(css)?.[1]
  if (!name) {
    throw new ChapterdeckError(`${file}: not a Marp theme, it has no "/* @theme name */" comment; add one`, { code: ExitCode.usage })
  }
  const fonts = new Map<string, string>()
  for (const match of css.matchAll(/url\(\s*['"]?(fonts\/([^'")]+))['"]?\s*\)/g)) {
    fonts.set(match[1], resolveFont(match[2], path.dirname(file)))
  }
  return { name, css, fonts }
}

/** The theme's CSS with every font inlined as a data URI, for files that must open offline. */
export function inlineFonts(theme: Theme): string | undefined {
  if (!theme.css) return undefined
  let css = theme.css
  for (const [url, file] of theme.fonts) {
    const data = fs.readFileSync(file).toString('base64')
    css = css.split(url).join(`data:font/woff2;base64,${data}`)
  }
  return css
}

// Font files come from @fontsource packages, or sit in a fonts/ folder beside the theme.
function resolveFont(name: string, themeDir: string): string {
  const local = path.join(themeDir, 'fonts', name)
  if (fs.existsSync(local)) return local
  const family = /^(.+?)-(?:latin|latin-ext|cyrillic|cyrillic-ext|greek|greek-ext|vietnamese|japanese|korean|chinese-simplified|symbols|math|emoji)-/.exec(name)?.[1]
  if (family) {
    try {
      const pkg = path.dirname(require.resolve(`@fontsource/${family}/package.json`))
      const file = path.join(pkg, 'files', name)
      if (fs.existsSync(file)) return file
    } catch {
      // fall through to the error below
    }
  }
  throw new ChapterdeckError(`Theme font "${name}" not found in @fontsource/${family ?? '?'} or ${path.join(themeDir, 'fonts')}; run npm ci`, {
    code: ExitCode.environment,
  })
}
