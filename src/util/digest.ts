import { createHash } from 'node:crypto'
import fs from 'node:fs'

export function fileDigest(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex')
}
