import type { Blockquote, FootnoteDefinition, ListItem, Nodes, Root, RootContent } from 'mdast'
import { plainText } from '../../util/sentences.js'
import type { Position } from 'unist'
import type { VFile } from 'vfile'

/** The book toolchains whose markup chapterdeck understands. */
export const dialectNames = ['eloquent', 'mdx', 'pandoc', 'd2l', 'mdbook', 'mkdocs'] as const
export type DialectName = (typeof dialectNames)[number]

export interface DialectOptions {
  /** Read the chapter as this toolchain's markup (`none`: no toolchain), instead of recognising it. */
  dialect?: DialectName | 'none'
  /** d2lbook: the framework whose code and text to keep (default: the chapter's first). */
  tab?: string
}

declare module 'mdast' {
  interface Data {
    /** Notes a block gets after its own words (a hint, a solution); empty: its own words only. */
    asides?: string[]
  }
}

declare module 'vfile' {
  interface DataMap {
    /** The toolchains recognised in (or forced on) this chapter. */
    dialects: DialectName[]
    /** Text a dialect changed, as plain text before and after: coverage compares the after. */
    rewrites: [string, string][]
  }
}

/** Whether a dialect's rules apply to this file. */
export function active(file: VFile, name: DialectName): boolean {
  return file.data.dialects?.includes(name) ?? false
}

/** Records that `before` (plain text of the chapter) reads `after` in the deck. */
export function rewrite(file: VFile, before: Nodes | string, after: Nodes | string = ''): void {
  const from = typeof before === 'string' ? before : plainText(before)
  const to = typeof after === 'string' ? after : plainText(after)
  if (from && from !== to) (file.data.rewrites ??= []).push([from, to])
}

/** Gives a block notes of its own, beside its words (folded into its notes at the end of repair). */
export function addAside(node: RootContent, ...lines: string[]): void {
  const kept = lines.filter((line) => line.trim())
  if (kept.length) node.data = { ...node.data, asides: [...(node.data?.asides ?? []), ...kept] }
}

/** The chapter's text that a node came from, or its plain text when it has no position. */
export function sourceOf(file: VFile, node: { position?: Position }, fallback: () => string): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start !== undefined && end !== undefined ? String(file.value).slice(start, end) : fallback()
}

/**
 * One message per construct and rule, at its first place, with the count: a chapter with fifty
 * index lines gets one line about them, not fifty.
 */
export class Tally {
  private readonly seen = new Map<string, { place?: Position; count: number; reason: string }>()

  constructor(
    private readonly file: VFile,
    private readonly ruleId: string,
  ) {}

  add(reason: string, place?: Position): void {
    const entry = this.seen.get(reason)
    if (entry) {
      entry.count += 1
      entry.place ??= place
    } else this.seen.set(reason, { place, count: 1, reason })
  }

  flush(): void {
    for (const { place, count, reason } of this.seen.values()) {
      this.file.info(count > 1 ? `${reason} (${count} times)` : reason, { place, ruleId: this.ruleId, source: 'chapterdeck' })
    }
  }
}

/** A warning where a dialect had to guess. */
export function guess(file: VFile, ruleId: string, reason: string, place?: Position): void {
  file.message(reason, { place, ruleId, source: 'chapterdeck' })
}

/** A node whose children are blocks: the root, a quote, a list item, a footnote. */
export type FlowParent = Root | Blockquote | ListItem | FootnoteDefinition

/** Every flow parent, outermost first. */
export function flowParents(tree: Root): FlowParent[] {
  const out: FlowParent[] = []
  const walk = (node: Nodes) => {
    if (node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem' || node.type === 'footnoteDefinition') out.push(node)
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') for (const child of node.children as Nodes[]) walk(child)
  }
  walk(tree)
  return out
}

/** A flow parent's children as plain blocks, for splicing. */
export function blocksOf(parent: FlowParent): RootContent[] {
  return parent.children as RootContent[]
}
