import fs from 'node:fs'
import path from 'node:path'
import { InvalidArgumentError } from 'commander'
import { ChapterdeckError, ExitCode } from '../errors.js'
import { allFormats, defaultFormats, type Format } from '../formats.js'

/**
 * `--formats`: a list replaces the defaults (`md,html`); a list of `+name`s adds to them
 * (`+pptx,+png`, or `+pptx,png`: one leading `+` makes the whole list additions).
 */
export function parseFormats(value: string): Format[] {
  const list = value.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean)
  const adding = list.length > 0 && list[0].startsWith('+')
  const names = list.map((item) => item.replace(/^\+/, ''))
  const unknown = names.filter((item) => !(allFormats as readonly string[]).includes(item))
  if (unknown.length) throw new InvalidArgumentError(`unknown format ${unknown.join(', ')}; choose from ${allFormats.join(', ')}, or add to the defaults with +name`)
  if (!adding && list.some((item) => item.startsWith('+'))) throw new InvalidArgumentError('either list the formats, or add to the defaults with +name, not both')
  return [...new Set([...(adding ? defaultFormats : []), ...(names as Format[])])]
}

export function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535')
  return port
}

export function parseLevel(value: string): number {
  const level = Number(value)
  if (!Number.isInteger(level) || level < 1 || level > 6) throw new InvalidArgumentError('must be a whole number from 1 to 6')
  return level
}

/** Files as given; folders give their Markdown files, sorted, skipping hidden and node_modules. */
export function expandPaths(paths: string[], cwd = process.cwd()): string[] {
  return paths.flatMap((item) => {
    const stat = fs.statSync(path.resolve(cwd, item), { throwIfNoEntry: false })
    if (!stat) throw new ChapterdeckError(`${item}: no such file or folder; check the path`, { code: ExitCode.usage })
    if (!stat.isDirectory()) return [item]
    const found = fs
      .readdirSync(path.resolve(cwd, item), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(md|markdown)$/i.test(name) && !name.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'))
      .sort()
      .map((name) => path.join(item, name))
    if (!found.length) throw new ChapterdeckError(`${item}: no .md files in this folder`, { code: ExitCode.usage })
    return found
  })
}
