#!/usr/bin/env node
// Bundles the command line and the library API (after tsc has written lib/): node then loads
// a handful of chunks instead of some 400 ES modules, which takes about a tenth of a second off
// every run, and both get the dependency edits below (the API's pipeline runs about a fifth
// faster with the first). They share their chunks. The Marp thread (lib/render/marp-worker.js)
// stays as tsc wrote it. The bundle sits two folders below the package root, as
// lib/render/theme.js does, so the package root it computes is the same.
import fs from 'node:fs'
import { build } from 'esbuild'

// puppeteer's browser downloader needs proxy-agent (2 MB of JavaScript, with a JS engine for
// PAC files); chapterdeck never downloads a browser, so the CLI does not load it on every run.
const noProxyAgent = {
  name: 'no-proxy-agent',
  setup(build) {
    build.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'no-proxy-agent' }))
    build.onLoad({ filter: /.*/, namespace: 'no-proxy-agent' }, () => ({
      contents: "export class ProxyAgent { constructor() { throw new Error('chapterdeck does not download browsers') } }",
    }))
  },
}

// A dependency's module with edits made as it is bundled. Each edit must apply: a new version
// that no longer has the code it replaces stops the build instead of bundling it unchanged.
function patchModule(name, filter, edits) {
  return {
    name,
    setup(build) {
      build.onLoad({ filter }, (args) => {
        let contents = fs.readFileSync(args.path, 'utf8')
        for (const [from, to] of edits) {
          const edited = contents.replace(from, to)
          if (edited === contents) throw new Error(`${args.path}: ${name}: ${from} was not found; check scripts/bundle.mjs against this version`)
          contents = edited
        }
        return { contents, loader: 'js' }
      })
    },
  }
}

// unist-util-visit-parents renames its inner visit function after each node it visits, so a
// stack trace names the node: an Object.defineProperty per node, a fifth of the pipeline's
// time. The CLI does without those names.
const visitWithoutNames = patchModule('visit-without-names', /unist-util-visit-parents[\\/]lib[\\/]index\.js$/, [
  [/Object\.defineProperty\(visit, 'name', \{[^}]*\}\)/, ''],
])

// puppeteer's debug() makes a new logger of the debug package for each message it logs, even
// when logging is off: a tty check and a namespace match per protocol message, some 40 ms of
// a book build. One logger per channel logs the same.
const oneLoggerPerChannel = patchModule('one-logger-per-channel', /puppeteer-core[\\/]lib[\\/]esm[\\/]puppeteer[\\/]common[\\/]Debug\.js$/, [
  ['return async (...logArgs) => {', 'let logger;\n        return async (...logArgs) => {'],
  ['(await importDebug())(prefix)(logArgs);', '(logger ??= (await importDebug())(prefix))(logArgs);'],
])

// pdf-lib compresses a saved PDF's object streams with pako, deflate in JavaScript: a tenth
// of a second of a book build. Node's zlib writes the same format natively, several times faster.
const nativeDeflate = {
  name: 'native-deflate',
  setup(build) {
    build.onResolve({ filter: /^pako$/ }, (args) => (/[\\/]pdf-lib[\\/]es[\\/]/.test(args.importer) ? { path: 'pako', namespace: 'native-deflate' } : undefined))
    build.onLoad({ filter: /.*/, namespace: 'native-deflate' }, () => ({
      contents: "import zlib from 'node:zlib'\nexport default { deflate: (data) => new Uint8Array(zlib.deflateSync(data)) }",
    }))
  },
}

// Chunk names change with their content: the last build's must not pile up.
fs.rmSync('lib/bin', { recursive: true, force: true })
await build({
  entryPoints: { cli: 'lib/cli.js', index: 'lib/index.js' },
  outdir: 'lib/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded from their own folders (the browser binary, fonts), or in the Marp thread.
  external: ['@sparticuz/chromium', '@marp-team/*', '@fontsource/*'],
  // pdf-lib's ES build, in a chunk of its own loaded when a PDF is made: a third of the time of
  // loading its 200-odd CommonJS files.
  alias: { 'pdf-lib': 'pdf-lib/es/index.js' },
  // CommonJS dependencies call require(); ES module output has none of its own.
  banner: { js: "import { createRequire as __chapterdeckRequire } from 'node:module'; const require = __chapterdeckRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [noProxyAgent, visitWithoutNames, oneLoggerPerChannel, nativeDeflate],
})
