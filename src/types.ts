import type { BlockContent, PhrasingContent, RootContent } from 'mdast'
import type { Node, Parent, Position } from 'unist'
import type { Condenser } from './condense/bullet.js'

/** What a slide is for; the theme styles each kind through a class of the same name. */
export type SlideKind =
  | 'title'
  | 'agenda'
  | 'section'
  | 'content'
  | 'image'
  | 'references'
  | 'closing'

export interface SlideImage {
  url: string
  alt: string
  /** `missing`: a local file that does not exist; `remote`: never fetched at build time. */
  status: 'ok' | 'missing' | 'remote'
  /** The absolute file to copy, for `ok` images. */
  file?: string
  /** Where the copy lives inside the output folder, e.g. `assets/diagram.png`. */
  asset?: string
  /** The chapter's caption line for the figure ("Figure 4-1: …"), shown under it. */
  caption?: string
}

export interface Slide extends Parent {
  type: 'slide'
  kind: SlideKind
  title: PhrasingContent[]
  /** Body blocks, plain mdast. */
  children: RootContent[]
  /** Slide-level speaker notes (plain text paragraphs); blocks carry their own in `data.notes`. */
  notes: string[]
  subtitle?: PhrasingContent[]
  image?: SlideImage
  /** Local images inside the body, to copy beside the deck. */
  assets?: { file: string; asset: string }[]
  /** Slides sharing a group are parts of one logical slide, numbered "Title (2/3)". */
  group?: number
  /** Extra theme classes, e.g. `dense` (code at the 16 px floor). */
  classes?: string[]
  /** Continuation part, e.g. 2 of 3. */
  part?: { index: number; total: number }
  /** The title as the chapter gave it, before a long run was titled by its parts. */
  heading?: PhrasingContent[]
  /** The top-level section (an agenda entry, 1-based) the slide belongs to. */
  section?: number
  position?: Position
}

export interface DeckMeta {
  title: string
  author?: string
  subtitle?: string
  date?: string
  lang: string
  /** Writing direction, from the language or the text itself. */
  dir: 'ltr' | 'rtl'
  theme: string
  /** Inferred by the pandoc rule unless given. */
  slideLevel: number
}

export interface Deck extends Parent {
  type: 'deck'
  meta: DeckMeta
  children: Slide[]
  /** Every link the chapter cites, each once: the references slides show what fits. */
  links?: LinkRef[]
}

export interface LinkRef {
  url: string
  text: string
  position?: Position
  /** The top-level section that cites it. */
  section?: string
  /** Listed in the chapter's own references section. */
  own?: boolean
}

declare module 'mdast' {
  interface Data {
    /** Speaker notes a block carries to whichever slide it lands on. */
    notes?: string[]
    /** Marks a list made of condensed prose bullets. */
    condensed?: boolean
    /** Marks the rest of a list split over slides. */
    continued?: boolean
    /** Set once a block's text went to the notes, so a fix is not tried twice. */
    movedToNotes?: boolean
    /** Marks a paragraph made to hold phrasing that raw HTML left at block level. */
    wrapped?: boolean
    /** The key point a bullet, label or callout makes: a cue line in the notes. */
    cue?: string
    /** A sentence that leads into the block after it: a code sample's caption or a list's label. */
    leadIn?: 'caption' | 'label'
    /** A bullet whose paragraph came just before code or a table: it moves on with it. */
    precedes?: boolean
    /** A callout's label ("Tip", "Warning: Read this"). */
    callout?: string
    /** How much a bullet's sentence weighs in the chapter's terms: the key points take the heaviest. */
    weight?: number
    /** The last line of a references slide: how many links only the notes list. */
    more?: boolean
    /** A figure set beside the text; for one that cannot be shown, its drawn placeholder file. */
    figure?: { asset?: string; svg?: string }
  }
}

declare module 'vfile' {
  interface DataMap {
    deck: Deck
    /** The chapter's front matter, already whitelisted. */
    matter: Record<string, string>
    links: LinkRef[]
    /** The chapter's language and term weights, as condensing found them. */
    condenser: Condenser
  }
}

export type { BlockContent, Node, PhrasingContent }
