import { describe, expect, it } from 'vitest'
import { coverage } from '../../src/verify/coverage.js'
import { processMarkdown } from '../helpers/process.js'

describe('coverage sentences', () => {
  it('reads prose without its raw HTML, so an inline comment loses no sentence', async () => {
    const { file, deck } = await processMarkdown(
      '# Ownership\n\n## Copy\n\nRust has a special annotation called the `Copy` trait (more in [Chapter 10][traits]<!-- ignore -->). Types that implement it are copied.\n\n[traits]: https://example.com/ch10\n',
    )
    const sentences = file.data.sentences ?? []
    expect(sentences.map((sentence) => sentence.text)).toContain('Rust has a special annotation called the Copy trait (more in Chapter 10).')
    expect(coverage(sentences, deck).missing).toEqual([])
  })
})
