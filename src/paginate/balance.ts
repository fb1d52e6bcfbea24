import type { List, RootContent } from 'mdast'

/**
 * A part that holds only the last item of a list split over parts takes one more item from the
 * part before, where two stay there: no continuation slide with a single bullet.
 */
export function balanceTails(parts: RootContent[][]): RootContent[][] {
  for (let at = 1; at < parts.length; at++) {
    const [tail, ...others] = parts[at]
    const previous = parts[at - 1]
    const head = previous[previous.length - 1]
    if (others.length || tail?.type !== 'list' || !tail.data?.continued || tail.children.length !== 1) continue
    if (head?.type !== 'list' || head.children.length < 3) continue
    const moved = head.children[head.children.length - 1]
    previous[previous.length - 1] = { ...head, children: head.children.slice(0, -1) }
    const balanced: List = { ...tail, children: [moved, ...tail.children], position: moved.position }
    if (tail.ordered) balanced.start = (tail.start ?? 1) - 1
    parts[at] = [balanced]
  }
  return parts
}
