#!/usr/bin/env node
// Benchmarks, as ratios against marp-cli on the same input, measured side by side in one run.
// Not part of `npm test`: these machines are noisy, so read ratios, not absolute times.
//   P1  chapter → deck.md in-process (median of many runs)
//   P5  serve's live reload: the seed's HTML rebuilt in a warm process (goal < 300 ms)
//   P3  ../shared/corpus plus the seed as one book (md, html, pdf) vs one `marp --pdf` per
//       chapter and vs one `marp -I` batch call, on the same deck.md files
//   P4  rebuilding that book after one chapter changed vs the full book build
//   P2  full build of the seed (md, html, pdf, overflow verification) vs `marp --pdf` of the
//       same deck.md; P2v the same build with --no-verify, so the cost of measuring shows
//   M1  peak RSS of the node process building a ~600 KB chapter (goal < 400 MB)
// Builds run as a user runs them: through the build daemon the first one starts (its own here,
// in this run's TMPDIR). Rows marked "own process" build with --no-daemon, each cold.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { VFile } from 'vfile'
// The package's API, as `import … from 'chapterdeck'` loads it.
import { BrowserSession, buildChapter, createProcessor } from '../lib/bin/index.js'
import { findBrowser } from '../lib/browser/find.js'

const seed = 'source/the-future-of-kubernetes.md'
const runs = Number(process.env.BENCH_RUNS ?? 5)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterdeck-bench-'))
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)]
const ms = (value) => `${value.toFixed(value < 100 ? 1 : 0)} ms`

function timeCommand(command, args, env = {}) {
  const start = performance.now()
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, TMPDIR: work, ...env } })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`)
  return performance.now() - start
}

// P1: in-process pipeline.
const text = fs.readFileSync(seed, 'utf8')
const pipeline = () => createProcessor().process(new VFile({ path: seed, value: text }))
for (let i = 0; i < 5; i++) await pipeline()
const p1 = []
for (let i = 0; i < 50; i++) {
  const start = performance.now()
  await pipeline()
  p1.push(performance.now() - start)
}

// P5: what serve does on save, in a warm process: deck.md and index.html, unmeasured.
const warm = new BrowserSession()
const reloadOut = path.join(work, 'serve')
for (let i = 0; i < 2; i++) await buildChapter(seed, { out: reloadOut, formats: ['md', 'html'], verify: false, browser: warm })
const p5 = []
for (let i = 0; i < 10; i++) {
  const start = performance.now()
  await buildChapter(seed, { out: reloadOut, formats: ['md', 'html'], verify: false, browser: warm })
  p5.push(performance.now() - start)
}
await warm.close()

// P2: one full build against marp-cli's PDF of the deck.md that build wrote, alternating runs.
const browser = await findBrowser()
const out = path.join(work, 'dist')
const build = (...extra) => timeCommand(process.execPath, ['bin/chapterdeck.js', 'build', seed, '--out', out, '--formats', 'md,html,pdf,handout', '-q', '--no-cache', ...extra])
build()
const deck = path.join(out, 'the-future-of-kubernetes', 'deck.md')
const marp = () =>
  timeCommand(process.execPath, [
    'node_modules/@marp-team/marp-cli/marp-cli.js', deck, '--pdf', '--allow-local-files', '--theme-set', 'themes/chapterdeck.css',
    '--browser-path', browser.executablePath, '-o', path.join(work, 'marp.pdf'),
  ])
const ours = []
const unverified = []
const alone = []
const theirs = []
for (let i = 0; i < runs; i++) {
  ours.push(build())
  unverified.push(build('--no-verify'))
  alone.push(build('--no-daemon'))
  theirs.push(marp())
}

// P3 and P4: the corpus and the seed as one book, in a scratch copy that P4 can edit.
const book = path.join(work, 'book-src')
fs.mkdirSync(book)
const corpus = path.join('..', 'shared', 'corpus')
const chapters = [seed, ...(fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((name) => name.endsWith('.md') && name !== 'SOURCES.md').map((name) => path.join(corpus, name)) : [])]
for (const chapter of chapters) fs.copyFileSync(chapter, path.join(book, path.basename(chapter)))
const bookOut = path.join(work, 'book-out')
const bookBuild = (...extra) => timeCommand(process.execPath, ['bin/chapterdeck.js', 'build', book, '--out', bookOut, '--formats', 'md,html,pdf', '-q', ...extra])
const p3runs = [bookBuild('--no-cache')]
const p3alone = [bookBuild('--no-cache', '--no-daemon')]
const decks = path.join(work, 'decks')
fs.mkdirSync(decks)
for (const name of fs.readdirSync(bookOut).filter((entry) => fs.existsSync(path.join(bookOut, entry, 'deck.md')))) {
  fs.copyFileSync(path.join(bookOut, name, 'deck.md'), path.join(decks, `${name}.md`))
}
const marpArgs = ['--allow-local-files', '--theme-set', 'themes/chapterdeck-fonts.css', 'themes/chapterdeck.css', '--browser-path', browser.executablePath]
const perChapterBook = () =>
  fs
    .readdirSync(decks)
    .reduce((sum, deckFile) => sum + timeCommand(process.execPath, ['node_modules/@marp-team/marp-cli/marp-cli.js', path.join(decks, deckFile), '--pdf', ...marpArgs, '-o', path.join(work, 'single.pdf')]), 0)
const batchBook = () => timeCommand(process.execPath, ['node_modules/@marp-team/marp-cli/marp-cli.js', '-I', decks, '--pdf', ...marpArgs, '-o', path.join(work, 'batch')])
// A book build is long enough to run a few times (medians), alternating with marp-cli. Five:
// single runs here vary by 10 %, and the first is the daemon's first book build.
const bookRuns = Math.min(5, runs)
const perChapterRuns = [perChapterBook()]
const batchRuns = [batchBook()]
for (let i = 1; i < bookRuns; i++) {
  p3runs.push(bookBuild('--no-cache'))
  p3alone.push(bookBuild('--no-cache', '--no-daemon'))
  perChapterRuns.push(perChapterBook())
  batchRuns.push(batchBook())
}
const [p3, perChapter, batch] = [median(p3runs), median(perChapterRuns), median(batchRuns)]
const p4runs = []
const p4alone = []
for (let i = 0; i < bookRuns; i++) {
  fs.appendFileSync(path.join(book, path.basename(seed)), `\nOne more paragraph (${i + 1}), added to measure a rebuild.\n`)
  // As after an edit: the daemon has been idle a moment (and collected the last build's garbage).
  await new Promise((resolve) => setTimeout(resolve, 2000))
  p4runs.push(bookBuild())
  fs.appendFileSync(path.join(book, path.basename(seed)), `\nOne more paragraph (${i + 1}b), added to measure a rebuild.\n`)
  p4alone.push(bookBuild('--no-daemon'))
}
const p4 = median(p4runs)
const [p3own, p4own] = [median(p3alone), median(p4alone)]

// M1: peak RSS of the node process on a chapter of about 600 KB (the corpus and the seed, over
// and over), full build, against marp-cli's node process printing that chapter's deck.md.
const rssHook = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`
const peakRss = (args) => {
  const result = spawnSync(process.execPath, ['--import', rssHook, ...args], { encoding: 'utf8', env: { ...process.env, TMPDIR: work } })
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
// The build daemon's peak over this run (a chapter as huge as M1's builds in its own process).
const daemonPid = /daemon (\d+)/.exec(spawnSync(process.execPath, ['bin/chapterdeck.js', 'daemon', '--status'], { encoding: 'utf8', env: { ...process.env, TMPDIR: work } }).stdout)?.[1]
const m1daemon = daemonPid ? Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${daemonPid}/status`, 'utf8'))[1]) / 1024 : NaN
const hugeSlides = JSON.parse(fs.readFileSync(path.join(hugeOut, 'huge', 'report.json'), 'utf8')).slides
const m1marp = peakRss(['node_modules/@marp-team/marp-cli/marp-cli.js', path.join(hugeOut, 'huge', 'deck.md'), '--pdf', ...marpArgs, '-o', path.join(work, 'huge.pdf')])

const rows = [
  ['P1', 'seed → deck.md in-process (median of 50)', ms(median(p1)), '', 'goal ≤ 30 ms'],
  ['P5', 'serve live reload: seed HTML rebuilt in a warm process (median of 10)', ms(median(p5)), '', 'goal < 300 ms'],
  ['P3', `book of ${chapters.length} chapters (md, html, pdf, verified, no cache; median of ${bookRuns}) vs one \`marp --pdf\` per chapter`, ms(p3), ms(perChapter), `ratio ${(p3 / perChapter).toFixed(2)} (goal ≤ 0.3)`],
  ['P3b', 'the same book vs one `marp -I` batch call', ms(p3), ms(batch), `ratio ${(p3 / batch).toFixed(2)} (goal ≤ 0.7)`],
  ['P4', `rebuild after one chapter changed vs the full book (median of ${bookRuns})`, ms(p4), ms(p3), `ratio ${(p4 / p3).toFixed(2)} (goal ≤ 0.1)`],
  ['P3o', 'P3 with every build in its own process (--no-daemon) vs one `marp --pdf` per chapter', ms(p3own), ms(perChapter), `ratio ${(p3own / perChapter).toFixed(2)} (goal ≤ 0.3)`],
  ['P3bo', 'the same vs one `marp -I` batch call', ms(p3own), ms(batch), `ratio ${(p3own / batch).toFixed(2)} (goal ≤ 0.7)`],
  ['P4o', 'P4 in its own process vs the full book in its own process', ms(p4own), ms(p3own), `ratio ${(p4own / p3own).toFixed(2)} (goal ≤ 0.1)`],
  ['P2', 'seed full build (md, html, pdf, handout, verified) vs `marp --pdf` of the same deck.md', ms(median(ours)), ms(median(theirs)), `ratio ${(median(ours) / median(theirs)).toFixed(2)} (goal ≤ 1.0)`],
  ['P2o', 'the same build in its own process (--no-daemon)', ms(median(alone)), ms(median(theirs)), `ratio ${(median(alone) / median(theirs)).toFixed(2)} (goal ≤ 1.0)`],
  ['M1', `peak RSS of node: ${(Buffer.byteLength(huge) / 1024).toFixed(0)} KB chapter (${hugeSlides} slides), all outputs, vs \`marp --pdf\` of its deck.md`, `${m1.toFixed(0)} MB`, `${m1marp.toFixed(0)} MB`, `goal < 400 MB`],
  ['M1d', 'peak RSS of the build daemon over this run: every build above not marked "own process" (books of 17 chapters, 2 at a time)', `${m1daemon.toFixed(0)} MB`, '', `M1's bound: < 400 MB`],
  ['P2v', 'the same build with --no-verify (cost of measuring = P2 − P2v)', ms(median(unverified)), ms(median(theirs)), `ratio ${(median(unverified) / median(theirs)).toFixed(2)}`],
]
const report = [
  `# Benchmarks`,
  '',
  `${new Date().toISOString().slice(0, 10)} · ${os.cpus().length} cores · Node ${process.version} · browser: ${browser.source} · ${runs} alternating runs each`,
  '',
  '| id | what | chapterdeck | marp-cli (or reference) | result |',
  '|---|---|---|---|---|',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
  'Each run, in the order run (ms):',
  '',
  ...Object.entries({ P3: p3runs, 'P3 marp -I': batchRuns, 'P3 marp --pdf per chapter': perChapterRuns, P3o: p3alone, P4: p4runs, P2: ours, 'P2 marp --pdf': theirs }).map(
    ([name, values]) => `- ${name}: ${values.map((value) => value.toFixed(0)).join(', ')}`,
  ),
  '',
]
fs.writeFileSync('bench/results.md', report.join('\n'))
console.log(report.join('\n'))
timeCommand(process.execPath, ['bin/chapterdeck.js', 'daemon', '--stop'])
fs.rmSync(work, { recursive: true, force: true })
