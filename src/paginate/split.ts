import type { RootContent } from 'mdast'
import { balanceTails } from './balance.js'
import type { ThemeMetrics } from './metrics.js'
import { cost, fits, subtract, type Room } from './room.js'
import { leads, take, withoutNotes } from './take.js'

/**
 * Splits blocks into slide-sized parts. Subsections (a subheading and what follows it) stay
 * whole where they fit: they fill parts in turn, and one too big for a slide is split alone.
 */
export function splitBlocks(blocks: RootContent[], full: Room, m: ThemeMetrics): RootContent[][] {
  const sections = subsections(blocks)
  if (sections.length < 2 || fill(blocks, full, m).length < 2) return balanceTails(even(blocks, full, m))
  const parts: RootContent[][] = []
  let current: RootContent[] = []
  for (const section of sections) {
    if (fill([...current, ...section], full, m).length === 1) {
      current = [...current, ...section]
      continue
    }
    if (current.length) parts.push(current)
    current = section
    if (fill(section, full, m).length > 1) {
      parts.push(...even(section, full, m))
      current = []
    }
  }
  if (current.length) parts.push(current)
  return balanceTails(parts)
}

/** Runs of blocks that each open with a subheading (the first may have none). */
function subsections(blocks: RootContent[]): RootContent[][] {
  const out: RootContent[][] = []
  for (const block of blocks) {
    if (block.type === 'heading' || !out.length) out.push([block])
    else out[out.length - 1].push(block)
  }
  return out
}

/**
 * Splits blocks into parts of about equal size: first greedily, then again with the share
 * each part would have if they were even, so no part is left with one bullet. A block that
 * fits nowhere gets a part of its own.
 */
function even(blocks: RootContent[], full: Room, m: ThemeMetrics): RootContent[][] {
  const greedy = fill(blocks, full, m)
  if (greedy.length < 2) return greedy
  const sizes = greedy.flat().map((block) => cost(block, m))
  const share = (key: keyof Room) => sizes.reduce((total, size) => total + size[key], 0) / greedy.length
  const parts = greedy.length
  const even: Room = {
    height: Math.min(full.height, share('height') * 1.1),
    words: Math.min(full.words, Math.ceil(share('words') * 1.15)),
    items: Math.min(full.items, Math.ceil(share('items')) + 1),
    bullets: Math.min(full.bullets, Math.ceil(share('bullets'))),
  }
  const balanced = fill(blocks, even, m)
  return balanced.length === parts ? balanced : greedy
}

function fill(blocks: RootContent[], full: Room, m: ThemeMetrics): RootContent[][] {
  const parts: RootContent[][] = [[]]
  let room = { ...full }
  const open = () => {
    if (parts[parts.length - 1].length) {
      parts.push([])
      room = { ...full }
    }
  }
  const add = (node: RootContent) => {
    parts[parts.length - 1].push(node)
    room = subtract(room, cost(node, m))
  }
  const queue = [...blocks]
  while (queue.length) {
    const node = queue.shift()!
    // A slide shows one figure beside its text at most.
    if (node.type === 'thematicBreak' || (node.data?.figure && parts[parts.length - 1].some((block) => block.data?.figure))) {
      open()
      if (node.type !== 'thematicBreak') queue.unshift(node)
      continue
    }
    if (leads(node)) {
      // A subheading or lead-in stays with the start of what follows it.
      const next = queue[0]
      if (cost(node, m).height + (next ? minimumHeight(next, full, m) : 0) > room.height) {
        // A new part, with the subheading or label just before this one.
        const leading = trailingLeads(parts[parts.length - 1])
        if (parts[parts.length - 1].length) open()
        else room = { ...full }
        leading.forEach(add)
      }
      add(node)
      continue
    }
    if (fits(cost(node, m), room)) {
      add(node)
      continue
    }
    // A part that holds nothing yet, or only what introduces this block, takes some of it.
    const start = parts[parts.length - 1].every(leads)
    const pieces = start || !keptWhole(node, full, m) ? take(node, room, m, start) : undefined
    if (!pieces) {
      if (!start) {
        // What introduces the block moves on with it: a label, or the bullet just before it.
        const leading = [...precedingBullet(parts[parts.length - 1]), ...trailingLeads(parts[parts.length - 1], 1)]
        open()
        queue.unshift(...leading, node)
      } else add(node)
      continue
    }
    add(pieces[0])
    if (pieces[1]) {
      open()
      queue.unshift(pieces[1])
    }
  }
  return parts.filter((part) => part.length)
}

/** The subheadings and labels that end a part, taken off it (leaving at least `keep` blocks). */
function trailingLeads(part: RootContent[], keep = 0): RootContent[] {
  const leading: RootContent[] = []
  while (part.length > keep && leads(part[part.length - 1])) leading.unshift(part.pop()!)
  return leading
}

/**
 * The bullet said of the code that follows (see condense.ts), taken off the end of the part
 * when enough of the part stays (two bullets, or code, a table or a figure): a copy of its
 * list keeps the bullets before it.
 */
function precedingBullet(part: RootContent[]): RootContent[] {
  const list = part[part.length - 1]
  if (list?.type !== 'list' || !list.data?.condensed || !list.children.at(-1)?.data?.precedes) return []
  const rest = [...part.slice(0, -1), ...(list.children.length > 1 ? [{ ...list, children: list.children.slice(0, -1) }] : [])]
  const bullets = rest.reduce((sum, block) => sum + (block.type === 'list' ? block.children.length : 0), 0)
  if (bullets < 2 && !rest.some((block) => ['code', 'table'].includes(block.type) || block.data?.figure)) return []
  part.splice(0, part.length, ...rest)
  return list.children.length > 1 ? [{ ...list, children: list.children.slice(-1), data: withoutNotes(list.data) }] : [list]
}

/** Code or a table that a slide of its own holds: it moves on whole rather than splitting. */
function keptWhole(node: RootContent, full: Room, m: ThemeMetrics): boolean {
  return (node.type === 'code' || node.type === 'table') && fits(cost(node, m), full)
}

function minimumHeight(node: RootContent, full: Room, m: ThemeMetrics): number {
  if (keptWhole(node, full, m)) return cost(node, m).height
  const first = take(node, { height: 0, words: 0, items: 0, bullets: 0 }, m, true)
  return first ? cost(first[0], m).height : cost(node, m).height
}
