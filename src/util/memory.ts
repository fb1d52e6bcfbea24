import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'

// V8 collects garbage when it allocates, not when it waits: a huge deck's render leaves
// hundreds of megabytes of garbage in place while the browser prints for half a minute.
// The flag is set at run time, as jest-leak-detector does, to reach V8's collector.
/** Beyond this much Markdown a deck is huge: its stages run one at a time, and garbage goes between them. */
export const largeDeckChars = 300_000

let collector: (() => void) | undefined

/** Frees the garbage a large deck left behind; call between stages, only for large decks. */
export function collectGarbage(): void {
  if (!collector) {
    v8.setFlagsFromString('--expose-gc')
    collector = runInNewContext('gc') as () => void
  }
  collector()
}
