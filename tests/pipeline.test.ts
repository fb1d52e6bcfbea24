import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { processFile } from './helpers/process.js'

// Golden fixtures: tests/fixtures/<case>/input.md → deck.md and messages.txt.
// Regenerate with UPDATE=1 after a deliberate change, then read the diff.
const root = path.join('tests', 'fixtures')
const cases = fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, 'input.md')))

describe('pipeline golden fixtures', () => {
  it('has fixtures to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6)
  })

  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(root, name)
      const { markdown, messages } = await processFile(path.join(dir, 'input.md'))
      const expectedDeck = path.join(dir, 'deck.md')
      const expectedMessages = path.join(dir, 'messages.txt')
      const actualMessages = messages.join('\n') + '\n'
      if (process.env.UPDATE || !fs.existsSync(expectedDeck)) {
        fs.writeFileSync(expectedDeck, markdown)
        fs.writeFileSync(expectedMessages, actualMessages)
      }
      expect(markdown).toBe(fs.readFileSync(expectedDeck, 'utf8'))
      expect(actualMessages).toBe(fs.readFileSync(expectedMessages, 'utf8'))
    })
  }
})
