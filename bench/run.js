#!/usr/bin/env node
// Benchmarks, as ratios against marp-cli on the same input, measured side by side in one run.
// Not part of `npm test`: these machines are noisy, so read ratios, not absolute times. Every
// build runs as a user runs it: `chapterdeck build` in a process of its own, cold.
//   P1  chapter → deck.md in-process (median of many runs) vs the pipeline before issue 16
//       (bench/baseline.js), alternating in one process
//   P2  full build of the seed (default formats, overflow verification) vs `marp --pdf` of
//       the same deck.md; P2v the same build with --no-verify, so the cost of measuring shows
//   P3  ../shared/corpus plus the seed as one book (md, html, pdf) vs one `marp --pdf` per
//       chapter, and (P3b) vs one `marp -I` batch call, on the same deck.md files
//   P4  `build --watch` on that book: one chapter edited, until its slides.pdf is rewritten,
//       vs the full book build (P3)
//   M1  peak RSS of the node process building a ~600 KB chapter (goal < 400 MB)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { VFile } from 'vfile'
// The package's API, as `import … from 'chapterdeck'` loads it.
import { createProcessor, findBrowser } from '../lib/bin/index.js'
import { baselineCommit, loadBaseline } from './baseline.js'

const seed = 'source/the-future-of-kubernetes.md'
const runs = Number(process.env.BENCH_RUNS ?? 5)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-bench-'))
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]
const ms = (value) => `${value.toFixed(value < 100 ? 1 : 0)} ms`
const ratio = (ours, theirs, goal) => `ratio ${(ours / theirs).toFixed(2)}${goal ? ` (goal ≤ ${goal})` : ''}`
const env = { ...process.env, TMPDIR: work }

function timeCommand(command, args) {
  const start = performance.now()
  const result = spawnSync(command, args, { encoding: 'utf8', env })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`)
  return performance.now() - start
}

const chapterdeck = (...args) => timeCommand(process.execPath, ['bin/chapterdeck.js', 'build', ...args])
const marpCli = (...args) => timeCommand(process.execPath, ['node_modules/@marp-team/marp-cli/marp-cli.js', ...args])

// P1: in-process pipeline, in blocks of 10 runs alternating with the pipeline before issue 16.
const text = fs.readFileSync(seed, 'utf8')
const baseline = await loadBaseline()
const pipelines = {
  ours: () => createProcessor().process(new VFile({ path: seed, value: text })),
  before: () => baseline.createProcessor().process(new baseline.VFile({ path: seed, value: text })),
}
const p1 = { ours: [], before: [] }
for (const pipeline of Object.values(pipelines)) for (let i = 0; i < 5; i++) await pipeline()
for (let block = 0; block < 5; block++) {
  for (const [name, pipeline] of Object.entries(pipelines)) {
    for (let i = 0; i < 10; i++) {
      const start = performance.now()
      await pipeline()
      p1[name].push(performance.now() - start)
    }
  }
}

// P2: one full build against marp-cli's PDF of the deck.md that build wrote, alternating runs.
const browser = findBrowser()
const out = path.join(work, 'dist')
const seedBuild = (...extra) => chapterdeck(seed, '--out', out, '-q', '--no-cache', ...extra)
seedBuild()
const deck = path.join(out, 'the-future-of-kubernetes', 'deck.md')
const marpArgs = ['--allow-local-files', '--theme-set', 'themes/chapterdeck-fonts.css', 'themes/chapterdeck.css', '--browser-path', browser.executablePath]
const seedMarp = () => marpCli(deck, '--pdf', ...marpArgs, '-o', path.join(work, 'marp.pdf'))
const p2 = { ours: [], unverified: [], theirs: [] }
for (let i = 0; i < runs; i++) {
  p2.ours.push(seedBuild())
  p2.unverified.push(seedBuild('--no-verify'))
  p2.theirs.push(seedMarp())
}

// P3: the corpus and the seed as one book, in a scratch copy that P4 can edit.
const book = path.join(work, 'book-src')
fs.mkdirSync(book)
const corpus = path.join('..', 'shared', 'corpus')
const chapters = [seed, ...(fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').map((name) => path.join(corpus, name)) : [])]
for (const chapter of chapters) fs.copyFileSync(chapter, path.join(book, path.basename(chapter)))
const bookOut = path.join(work, 'book-out')
const bookBuild = () => chapterdeck(book, '--out', bookOut, '--formats', 'md,html,pdf', '-q', '--no-cache')
const p3 = { ours: [bookBuild()], perChapter: [], batch: [] }
const decks = path.join(work, 'decks')
fs.mkdirSync(decks)
for (const name of fs.readdirSync(bookOut).filter((entry) => fs.existsSync(path.join(bookOut, entry, 'deck.md')))) {
  fs.copyFileSync(path.join(bookOut, name, 'deck.md'), path.join(decks, `${name}.md`))
}
const perChapterBook = () => fs.readdirSync(decks).reduce((sum, deckFile) => sum + marpCli(path.join(decks, deckFile), '--pdf', ...marpArgs, '-o', path.join(work, 'single.pdf')), 0)
const batchBook = () => marpCli('-I', decks, '--pdf', ...marpArgs, '-o', path.join(work, 'batch'))
// A book build is long enough to run a few times (medians), alternating with marp-cli.
const bookRuns = Math.min(5, runs)
for (let i = 0; i < bookRuns; i++) {
  if (i) p3.ours.push(bookBuild())
  p3.perChapter.push(perChapterBook())
  p3.batch.push(batchBook())
}

// P4: build --watch on the book; each run edits the seed chapter and waits for its result line,
// printed once its outputs (slides.pdf among them) are in place.
const p4 = await watchRuns(bookRuns)

async function watchRuns(count) {
  const child = spawn(process.execPath, ['bin/chapterdeck.js', 'build', book, '--out', bookOut, '--formats', 'md,html,pdf', '--watch'], { env })
  let stdout = ''
  let stderr = ''
  const waiters = new Set()
  const until = (test) => new Promise((resolve) => waiters.add(() => test() && resolve()))
  const check = () => [...waiters].forEach((waiter) => waiter() && waiters.delete(waiter))
  child.stdout.on('data', (chunk) => ((stdout += chunk), check()))
  child.stderr.on('data', (chunk) => ((stderr += chunk), check()))
  await until(() => stderr.includes('watching'))
  const seedCopy = path.join(book, path.basename(seed))
  const pdf = path.join(bookOut, 'the-future-of-kubernetes', 'slides.pdf')
  const times = []
  for (let i = 0; i < count; i++) {
    const before = fs.statSync(pdf).ino
    const lines = stdout.split(`✓ ${seedCopy}`).length
    const start = performance.now()
    fs.appendFileSync(seedCopy, `\nOne more paragraph (${i + 1}), added to measure a rebuild.\n`)
    await until(() => stdout.split(`✓ ${seedCopy}`).length > lines)
    times.push(performance.now() - start)
    if (fs.statSync(pdf).ino === before) throw new Error('slides.pdf was not rewritten')
  }
  child.kill('SIGINT')
  await new Promise((resolve) => child.on('exit', resolve))
  return times
}

// M1: peak RSS of the node process on a chapter of about 600 KB (the corpus and the seed, over
// and over), full build, against marp-cli's node process printing that chapter's deck.md.
const rssHook = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`
const peakRss = (args) => {
  const result = spawnSync(process.execPath, ['--import', rssHook, ...args], { encoding: 'utf8', env })
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`)
  return Number(/maxrss=(\d+)/.exec(result.stderr)[1]) / 1024
}
const hugeDir = path.join(work, 'huge')
fs.mkdirSync(hugeDir)
const pieces = chapters.map((chapter) => fs.readFileSync(chapter, 'utf8'))
let huge = ''
for (let i = 0; huge.length < 600_000; i++) huge += pieces[i % pieces.length] + '\n\n'
fs.writeFileSync(path.join(hugeDir, 'huge.md'), huge)
const hugeOut = path.join(work, 'huge-out')
const m1 = peakRss(['bin/chapterdeck.js', 'build', path.join(hugeDir, 'huge.md'), '--out', hugeOut, '-q', '--no-cache'])
const hugeSlides = JSON.parse(fs.readFileSync(path.join(hugeOut, 'huge', 'report.json'), 'utf8')).slides
const m1marp = peakRss(['node_modules/@marp-team/marp-cli/marp-cli.js', path.join(hugeOut, 'huge', 'deck.md'), '--pdf', ...marpArgs, '-o', path.join(work, 'huge.pdf')])

const m = (values) => median(values)
const rows = [
  ['P1', `seed → deck.md in-process (median of 50) vs the same pipeline at ${baselineCommit}, before issue 16`, ms(m(p1.ours)), ms(m(p1.before)), ratio(m(p1.ours), m(p1.before), 2)],
  ['P2', `seed full build (default formats, verified; median of ${runs}) vs \`marp --pdf\` of the same deck.md`, ms(m(p2.ours)), ms(m(p2.theirs)), ratio(m(p2.ours), m(p2.theirs), 0.8)],
  ['P3', `book of ${chapters.length} chapters (md, html, pdf, verified, no cache; median of ${bookRuns}) vs one \`marp --pdf\` per chapter`, ms(m(p3.ours)), ms(m(p3.perChapter)), ratio(m(p3.ours), m(p3.perChapter), 0.25)],
  ['P3b', 'the same book vs one `marp -I` batch call', ms(m(p3.ours)), ms(m(p3.batch)), ratio(m(p3.ours), m(p3.batch), 0.7)],
  ['P4', `\`build --watch\`: one chapter of the book edited until its slides.pdf is rewritten (median of ${bookRuns}) vs the full book build`, ms(m(p4)), ms(m(p3.ours)), ratio(m(p4), m(p3.ours), 0.1)],
  ['M1', `peak RSS of node: ${(Buffer.byteLength(huge) / 1024).toFixed(0)} KB chapter (${hugeSlides} slides), all outputs, vs \`marp --pdf\` of its deck.md`, `${m1.toFixed(0)} MB`, `${m1marp.toFixed(0)} MB`, 'goal < 400 MB'],
  ['P2v', 'the seed build with --no-verify (cost of measuring = P2 − P2v)', ms(m(p2.unverified)), ms(m(p2.theirs)), ratio(m(p2.unverified), m(p2.theirs))],
]
const report = [
  '# Benchmarks',
  '',
  `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores · Node ${process.version} · browser: ${browser.source} · ${runs} alternating runs each; every chapterdeck build in a process of its own`,
  '',
  '| id | what | chapterdeck | marp-cli (or reference) | result |',
  '|---|---|---|---|---|',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  'Each run, in the order run (ms):',
  '',
  ...Object.entries({ P2: p2.ours, 'P2 marp --pdf': p2.theirs, P2v: p2.unverified, P3: p3.ours, 'P3 marp --pdf per chapter': p3.perChapter, 'P3 marp -I': p3.batch, P4: p4 }).map(
    ([name, values]) => `- ${name}: ${values.map((value) => value.toFixed(0)).join(', ')}`,
  ),
  '',
]
fs.writeFileSync('bench/results.md', report.join('\n'))
console.log(report.join('\n'))
fs.rmSync(work, { recursive: true, force: true })
