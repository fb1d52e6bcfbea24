import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and PDF tests share one Chromium per file; they are slow, not flaky.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
    // Commands build in their own process, except in the tests of the build daemon.
    env: { CHAPTERDECK_DAEMON: '0' },
  },
})
