import fs from 'node:fs'
import path from 'node:path'
import type { Context } from '../context.js'
import { linkFonts } from '../render/linked-fonts.js'
import { facesCss, scriptFaces, type Face } from '../render/script-fonts.js'
import type { Processed } from './job.js'

/**
 * The fonts a deck is shown with beside its theme's CSS: the theme's own (its fonts theme) and
 * the script font chunks its characters need. The deck's own files embed them; the pages laid
 * out and printed during the build link the same files (see render/linked-fonts.ts).
 */
export interface DeckFonts {
  /** For pages: the theme's fonts, and the script fonts, linked. */
  themeLinked: string
  scriptsLinked: string
  /** The theme's CSS for pages, with any fonts it embeds itself linked. */
  printCss: string[]
  faces: Face[]
  /** For index.html: every font embedded. */
  embedded: () => string
}

export function deckFonts({ deck, theme }: Processed, context: Context): DeckFonts {
  // Only our themes name the script fonts in their font stacks.
  const faces = theme.bundled ? scriptFaces(deck, context.fonts) : []
  let embedded: string | undefined
  return {
    themeLinked: linkFonts(theme.fonts, context.linkedFonts),
    scriptsLinked: facesCss(faces, 'link'),
    printCss: theme.css.map((css) => linkFonts(css, context.linkedFonts)),
    faces,
    embedded: () => (embedded ??= `${theme.fonts}\n${facesCss(faces, 'embed')}`),
  }
}

/**
 * Theme files for marp-cli's own browser (pptx, png): the theme as written, its last file
 * carrying the deck's script fonts too.
 */
export function imageThemeFiles({ theme }: Processed, fonts: DeckFonts, work: string): string[] {
  if (!fonts.faces.length) return theme.files
  const last = path.join(work, 'images', path.basename(theme.files[theme.files.length - 1]))
  if (!fs.existsSync(last)) {
    fs.mkdirSync(path.dirname(last), { recursive: true })
    fs.writeFileSync(last, `${fs.readFileSync(theme.files[theme.files.length - 1], 'utf8')}\n${facesCss(fonts.faces, 'embed')}`)
  }
  return [...theme.files.slice(0, -1), last]
}
