import fs from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { ChapterdeckError, ExitCode } from './errors.js'

/**
 * Reads a chapter into a VFile: refuses what is not text, drops a UTF-8 BOM, and falls back
 * to Latin-1 (with a warning) for bytes that are not UTF-8.
 */
export function readChapter(input: string, cwd = process.cwd()): VFile {
  const file = path.resolve(cwd, input)
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT' ? 'no such file; check the path' : code === 'EISDIR' ? 'is a folder; pass a .md file' : code === 'EACCES' ? 'permission denied; check the file can be read' : `cannot be read (${code})`
    throw new ChapterdeckError(`${input}: ${reason}`, { file: input, code: ExitCode.buildFailed, cause: error })
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new ChapterdeckError(`${input}: looks like a binary file, not Markdown; pass a text .md file`, { file: input })
  }
  let value: string
  let latin1 = false
  try {
    value = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    value = bytes.toString('latin1')
    latin1 = true
  }
  value = value.replace(/^\uFEFF/, '')
  if (!value.trim()) throw new ChapterdeckError(`${input}: the file is empty; write some Markdown first`, { file: input })
  // Messages name the file as the user typed it.
  const vfile = new VFile({ path: path.isAbsolute(input) ? file : path.normalize(input), cwd, value })
  if (latin1) {
    vfile.message('The file is not valid UTF-8; read as Latin-1. Save it as UTF-8 to be sure of its characters', {
      place: { line: 1, column: 1 },
      ruleId: 'encoding',
      source: 'chapterdeck',
    })
  }
  return vfile
}
