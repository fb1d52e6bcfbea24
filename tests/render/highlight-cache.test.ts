import { Marp } from '@marp-team/marp-core'
import { describe, expect, it, vi } from 'vitest'
import { engineOptions } from '../../src/render/engine-options.js'
import { reuseHighlighting } from '../../src/render/highlight-cache.js'

describe('reused highlighting', () => {
  it('renders exactly as Marp does, highlighting each code block once across renders and engines', () => {
    const code = `const answer = ${Date.now()}\nconsole.log(answer)`
    const deck = `# Code\n\n\`\`\`js\n${code}\n\`\`\`\n\n---\n\n\`\`\`text\nplain ${code}\n\`\`\`\n`
    const first = reuseHighlighting(new Marp(engineOptions))
    const second = reuseHighlighting(new Marp(engineOptions))
    const calls = [vi.spyOn(first.highlightjs, 'highlight'), vi.spyOn(second.highlightjs, 'highlight')]
    const expected = new Marp(engineOptions).render(deck).html
    expect(first.render(deck).html).toBe(expected)
    expect(first.render(deck).html).toBe(expected)
    expect(second.render(deck).html).toBe(expected)
    // js and text each once, in the first render only.
    expect(calls[0].mock.calls.length + calls[1].mock.calls.length).toBe(2)
  })
})
