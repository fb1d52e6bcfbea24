import fs from 'node:fs'
import zlib from 'node:zlib'

/**
 * The code points a WOFF2 font has glyphs for, as sorted [first, last] ranges, read from its
 * cmap table. A font chunk's CSS unicode-range says which characters it is for, not which it
 * has: Noto Sans SC's chunks list Hangul they have no glyphs for. Only the cmap is read, with
 * Node's own Brotli (the font libraries on npm decode all of a font, in JavaScript).
 */
export function fontCodePoints(file: string): [number, number][] {
  const font = fs.readFileSync(file)
  if (font.toString('latin1', 0, 4) !== 'wOF2') throw new Error(`${file}: not a WOFF2 font`)
  const tableCount = font.readUInt16BE(12)
  const compressedLength = font.readUInt32BE(20)
  let at = 48
  // UIntBase128, as the WOFF2 table directory writes lengths.
  const base128 = () => {
    let value = 0
    for (let i = 0; i < 5; i++) {
      const byte = font[at++]
      value = value * 128 + (byte & 0x7f)
      if (!(byte & 0x80)) return value
    }
    throw new Error(`${file}: bad WOFF2 table directory`)
  }
  // The tables follow one another in the decompressed stream, in directory order.
  let offset = 0
  let cmap: { offset: number; length: number } | undefined
  for (let i = 0; i < tableCount; i++) {
    const flags = font[at++]
    const tag = flags & 0x3f
    if (tag === 63) at += 4
    const version = flags >> 6
    const length = base128()
    // glyf and loca (tags 10, 11) are transformed unless version 3; other tables only if not 0.
    const transformed = tag === 10 || tag === 11 ? version !== 3 : version !== 0
    const stored = transformed ? base128() : length
    if (tag === 0) cmap = { offset, length: stored }
    offset += stored
  }
  if (!cmap) throw new Error(`${file}: no cmap table`)
  const tables = zlib.brotliDecompressSync(font.subarray(at, at + compressedLength))
  return readCmap(tables.subarray(cmap.offset, cmap.offset + cmap.length))
}

function readCmap(table: Buffer): [number, number][] {
  const subtables = Array.from({ length: table.readUInt16BE(2) }, (_, i) => table.readUInt32BE(8 + i * 8))
  const format12 = subtables.find((start) => table.readUInt16BE(start) === 12)
  if (format12 !== undefined) {
    const groups = table.readUInt32BE(format12 + 12)
    return Array.from({ length: groups }, (_, g): [number, number] => [table.readUInt32BE(format12 + 16 + g * 12), table.readUInt32BE(format12 + 20 + g * 12)])
  }
  const format4 = subtables.find((start) => table.readUInt16BE(start) === 4)
  if (format4 === undefined) return []
  const segments = table.readUInt16BE(format4 + 6) / 2
  const ends = format4 + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  const ranges: [number, number][] = []
  for (let segment = 0; segment < segments; segment++) {
    const end = table.readUInt16BE(ends + segment * 2)
    const start = table.readUInt16BE(starts + segment * 2)
    const delta = table.readUInt16BE(deltas + segment * 2)
    const rangeOffset = table.readUInt16BE(rangeOffsets + segment * 2)
    for (let code = start; code <= end && code !== 0xffff; code++) {
      const index = rangeOffset ? table.readUInt16BE(rangeOffsets + segment * 2 + rangeOffset + (code - start) * 2) : code
      // Glyph 0 is the missing-glyph box.
      if (index && (index + delta) & 0xffff) {
        const last = ranges[ranges.length - 1]
        if (last && last[1] === code - 1) last[1] = code
        else ranges.push([code, code])
      }
    }
  }
  return ranges
}
