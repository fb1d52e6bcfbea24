#!/usr/bin/env node
// Bundles the command line (after tsc has written lib/): node then loads a handful of chunks
// instead of some 400 ES modules, which takes about a tenth of a second off every run.
// The library API (lib/index.js) and the Marp thread (lib/render/marp-worker.js) stay as tsc
// wrote them. The bundle sits two folders below the package root, as lib/render/theme.js does,
// so the package root it computes is the same.
import fs from 'node:fs'
import { build } from 'esbuild'

// Chunk names change with their content: the last build's must not pile up.
fs.rmSync('lib/bin', { recursive: true, force: true })
await build({
  entryPoints: { cli: 'lib/cli.js' },
  outdir: 'lib/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded from their own folders (the browser binary, fonts), or in the Marp thread, or lazily.
  external: ['@sparticuz/chromium', '@marp-team/*', '@fontsource/*', 'pdf-lib'],
  // CommonJS dependencies call require(); ES module output has none of its own.
  banner: { js: "import { createRequire as __chapterdeckRequire } from 'node:module'; const require = __chapterdeckRequire(import.meta.url);" },
  logLevel: 'warning',
})
