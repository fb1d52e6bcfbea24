import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { processFile } from './helpers/process.js'

// Golden fixtures: tests/fixtures/<case>/input.md → deck.md and messages.txt.
// Regenerate with UPDATE=1 after a deliberate change, then read the diff. A case whose
// expected files are missing fails: only UPDATE=1 writes them.
const root = path.join('tests', 'fixtures')
const cases = fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, 'input.md')))

async function checkGolden(dir: string, update = Boolean(process.env.UPDATE)): Promise<void> {
  const { markdown, messages } = await processFile(path.join(dir, 'input.md'))
  const expected = { 'deck.md': markdown, 'messages.txt': messages.join('\n') + '\n' }
  for (const [name, actual] of Object.entries(expected)) {
    const file = path.join(dir, name)
    if (update) fs.writeFileSync(file, actual)
    expect(fs.existsSync(file), `${file} is missing: run UPDATE=1 npx vitest run tests/pipeline.test.ts, then read the diff`).toBe(true)
    expect(actual).toBe(fs.readFileSync(file, 'utf8'))
  }
}

describe('pipeline golden fixtures', () => {
  it('has fixtures to check', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6)
  })

  for (const name of cases) it(name, () => checkGolden(path.join(root, name)))

  it('fails a case whose expected deck is missing, and writes none', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-golden-'))
    try {
      fs.copyFileSync(path.join(root, 'front-matter', 'input.md'), path.join(dir, 'input.md'))
      await expect(checkGolden(dir, false)).rejects.toThrow(/deck\.md is missing/)
      expect(fs.readdirSync(dir)).toEqual(['input.md'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
