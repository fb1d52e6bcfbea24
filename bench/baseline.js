// The pipeline as it was before issue 16 (sentence compression), for P1's side-by-side ratio:
// absolute times differ twofold between these machines, so P1 is measured against it in the
// same run. Unpacked from git history once, with its own dependencies, into node_modules/.cache.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** The last commit before issue 16; bench/results.md gave its P1 as 23.6 ms. */
export const baselineCommit = '03a7a00'

const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] })

/** `createProcessor` and `VFile` of the baseline commit, prepared on first use. */
export async function loadBaseline(cache = path.resolve('node_modules/.cache/chapterdeck-bench')) {
  const dir = path.join(cache, baselineCommit)
  const entry = path.join(dir, 'lib/bin/index.js')
  if (!fs.existsSync(entry)) {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir, { recursive: true })
    // git archive, not a worktree: nothing to clean up in .git afterwards.
    execFileSync('sh', ['-c', `git archive ${baselineCommit} | tar -x -C "${dir}"`], { stdio: 'inherit' })
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], dir)
    run('npm', ['run', 'build', '--silent'], dir)
  }
  const { createProcessor } = await import(pathToFileURL(entry).href)
  const { VFile } = await import(pathToFileURL(path.join(dir, 'node_modules/vfile/index.js')).href)
  return { createProcessor, VFile }
}
