import type { List, ListItem, RootContent } from 'mdast'
import type { VFile } from 'vfile'

const maxListDepth = 4

/** Lists nested deeper than a slide can indent are lifted to the deepest level kept. */
export function flattenDeepLists(blocks: RootContent[], file: VFile): void {
  const lift = (list: List, depth: number): void => {
    for (const item of list.children) {
      const nested = item.children.filter((child): child is List => child.type === 'list')
      for (const child of nested) {
        if (depth + 1 < maxListDepth) {
          lift(child, depth + 1)
          continue
        }
        // Bring every deeper item up to this level, in document order.
        const flat: ListItem[] = []
        const collect = (inner: List) => {
          for (const deep of inner.children) {
            flat.push({ ...deep, children: deep.children.filter((c) => c.type !== 'list') })
            for (const deeper of deep.children) if (deeper.type === 'list') collect(deeper)
          }
        }
        const before = child.children.length
        collect(child)
        if (flat.length !== before) {
          file.message(`List nested deeper than ${maxListDepth} levels; deeper items are shown at level ${maxListDepth}`, {
            place: child.position,
            ruleId: 'list-depth',
            source: 'chapterdeck',
          })
        }
        child.children = flat
      }
    }
  }
  for (const block of blocks) if (block.type === 'list') lift(block, 1)
}

