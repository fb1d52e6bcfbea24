import type { Blockquote, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { spoken } from '../util/spoken.js'
import { calloutLabels as labels } from '../util/callout-labels.js'
import { bulletOfPhrasing, type Condenser } from './bullet.js'


/**
 * The label of a callout (a quote that opens with a bold title, as repair makes of alerts and
 * admonitions, or with a known label like "Note:"), or undefined for a plain quote.
 */
export function calloutLabel(quote: Blockquote): string | undefined {
  const first = quote.children[0]
  if (first?.type !== 'paragraph') return undefined
  const head = first.children[0]
  if (head?.type === 'strong') {
    const text = toString(head).trim().replace(/:$/, '')
    const alone = first.children.length === 1 || first.children[1]?.type === 'break' || labels.test(text)
    return alone && text ? text : undefined
  }
  const match = labels.exec(toString(first).trim())
  return match && /[:.]$/.test(match[0].trim()) ? match[1][0].toUpperCase() + match[1].slice(1) : undefined
}

/**
 * A callout becomes one labelled line, "**Tip:** the idea of its text", in a quote so it still
 * looks like a callout; its code, lists and tables stay below it. Its words go to the notes.
 */
export function calloutLine(quote: Blockquote, condenser: Condenser): Blockquote {
  const label = calloutLabel(quote)!
  const prose: Paragraph = { type: 'paragraph', children: proseOf(quote) }
  const rest = quote.children.filter((child) => child.type !== 'paragraph') as Blockquote['children']
  const bullet = toString(prose).trim() ? bulletOfPhrasing(prose.children, condenser) : []
  const heading: PhrasingContent = { type: 'strong', children: [{ type: 'text', value: label.includes(':') ? label : `${label}:` }] }
  const line: Paragraph = { type: 'paragraph', children: bullet.length ? [heading, { type: 'text', value: label.includes(':') ? ' — ' : ' ' }, ...bullet] : [heading] }
  const notes = quote.data?.notes ?? [spoken(quote)]
  return { ...quote, children: [line, ...rest], data: { ...quote.data, notes, callout: label, cue: toString(line) } }
}

/** The quote's prose, its label taken off, sentences joined. */
function proseOf(quote: Blockquote): PhrasingContent[] {
  const out: PhrasingContent[] = []
  quote.children.forEach((child, index) => {
    if (child.type !== 'paragraph') return
    let children = child.children
    if (index === 0) children = withoutLabel(children)
    if (out.length && children.length) out.push({ type: 'text', value: ' ' })
    out.push(...children)
  })
  return out
}

function withoutLabel(children: PhrasingContent[]): PhrasingContent[] {
  const [head, ...rest] = children
  if (head?.type === 'strong') return rest[0]?.type === 'break' ? rest.slice(1) : trimStart(rest)
  if (head?.type === 'text') return [{ ...head, value: head.value.replace(labels, '').trimStart() }, ...rest]
  return children
}

function trimStart(children: PhrasingContent[]): PhrasingContent[] {
  const [head, ...rest] = children
  if (head?.type !== 'text') return children
  const value = head.value.replace(/^\s*[:.]?\s*/, '')
  return value ? [{ ...head, value }, ...rest] : rest
}

export type { RootContent }
