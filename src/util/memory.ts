import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Beyond this much Markdown a deck is huge: its stages run one at a time, and garbage goes between them. */
export const largeDeckChars = 300_000

/**
 * Frees the garbage a large deck left behind; call between stages, only for large decks.
 * V8 collects garbage when it allocates, not when it waits: a huge deck's render leaves
 * hundreds of megabytes of garbage in place while the browser prints for half a minute.
 * The flag is set at run time, as jest-leak-detector does, to reach V8's collector.
 */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/**
 * Runs the jobs at once, or for a huge deck one by one with the garbage freed before each, so
 * memory holds one of them at a time. Fails with the first failure, but only once every job
 * has ended: none still writes after a failed build is cleaned up.
 */
export async function runJobs<T>(jobs: (() => Promise<T>)[], large: boolean): Promise<T[]> {
  if (large) {
    const results: T[] = []
    for (const job of jobs) {
      collectGarbage()
      results.push(await job())
    }
    return results
  }
  const settled = await Promise.allSettled(jobs.map((job) => job()))
  const failed = settled.find((job) => job.status === 'rejected')
  if (failed) throw failed.reason
  return settled.map((job) => (job as PromiseFulfilledResult<T>).value)
}
