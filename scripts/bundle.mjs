#!/usr/bin/env node
// Bundles the command line, the library API and the Marp thread from the TypeScript sources
// into lib/bin/ (tsc writes only the type declarations): node then loads a handful of chunks
// instead of some 400 ES modules. The three share their chunks. The bundle sits two folders
// below the package root, as src/render/theme.ts does, so the package root it computes is the
// same. usage: node scripts/bundle.mjs [outdir]
import fs from 'node:fs'
import { build } from 'esbuild'

const outdir = process.argv[2] ?? 'lib/bin'
// Chunk names change with their content: the last build's must not pile up (nor, by
// default, anything else in lib/, where tsc writes the declarations next).
fs.rmSync(process.argv[2] ?? 'lib', { recursive: true, force: true })
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', 'marp-worker': 'src/render/marp-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded from their own folders (fonts), in the Marp thread, or by their own processes. The
  // English model is 3 MB of JSON: node's require parses it as JSON, a bundle would as code.
  external: ['@sparticuz/chromium', '@marp-team/*', '@fontsource/*', 'wink-eng-lite-web-model'],
  // pdf-lib's ES build (its package's `module` entry), in a chunk of its own loaded when a PDF
  // is made: a third of the time of loading its 200-odd CommonJS files.
  alias: { 'pdf-lib': 'pdf-lib/es/index.js' },
  // CommonJS dependencies call require(); ES module output has none of its own.
  banner: { js: "import { createRequire as __chapterdeckRequire } from 'node:module'; const require = __chapterdeckRequire(import.meta.url);" },
  logLevel: 'warning',
})
