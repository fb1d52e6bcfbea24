// A line that goes on with what came before: a closing bracket or tag first ("}) {", "</label>"),
// or the output the line before prints ("// → 61% Han", "# => 3").
const continues = /^\s*(?:[}\])]|<\/|\/>|(?:end|fi|done|esac|```+|~~~+)\s*$|(?:\/\/|#|--)\s*(?:→|=>|⇒))/

/**
 * Where a code sample that needs `fit` lines of a slide should break: at a blank line or
 * before a line at the sample's outer indent (a new statement or block), as late as possible
 * but not before half of `fit`; never so the next part starts with a closing bracket. Without
 * such a place: -1 when `force` is off (the sample moves on whole), else the last such place
 * before `fit`, else `fit` moved past any closing lines.
 */
export function codeBreak(rows: string[], fit: number, force = true): number {
  const indent = (row: string) => row.match(/^\s*/)![0].replace(/\t/g, '    ').length
  const filled = rows.filter((row) => row.trim())
  const outer = filled.length ? Math.min(...filled.map(indent)) : 0
  const opens = (at: number) => at > 0 && at < rows.length && !continues.test(rows[at]) && rows[at].trim() !== ''
  const outerStart = (at: number) => opens(at) && indent(rows[at]) === outer
  const good = (at: number) => outerStart(at) || (opens(at) && rows[at - 1].trim() === '')
  // A statement at the outer level first, then any after a blank line.
  for (const test of [outerStart, good]) for (let at = fit; at >= Math.ceil(fit / 2); at--) if (test(at)) return at
  if (!force) return -1
  for (let at = Math.ceil(fit / 2) - 1; at > 0; at--) if (good(at)) return at
  let at = fit
  while (at < rows.length && (continues.test(rows[at]) || !rows[at].trim())) at++
  return at
}
