import { describe, expect, it } from 'vitest'
import * as api from '../src/index.js'

describe('public API', () => {
  it('should expose the public api', () => {
    expect(Object.keys(api).sort()).toEqual(['BrowserSession', 'ChapterdeckError', 'ExitCode', 'allFormats', 'buildChapter', 'checkChapter', 'createProcessor', 'defaultFormats'])
  })
})
