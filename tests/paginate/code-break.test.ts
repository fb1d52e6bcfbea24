import { describe, expect, it } from 'vitest'
import { codeBreak } from '../../src/paginate/code-break.js'

const rows = ['var students = [', '    { id: 14 },', '    { id: 73 },', '];', '', 'function name(id) {', '    for (const s of students) {', '        return s', '    }', '}', '', 'var next = name(73)']

describe('codeBreak', () => {
  it('breaks before a statement at the outer level', () => {
    expect(codeBreak(rows, 7)).toBe(5)
  })

  it('never leaves a closing bracket to start the next part', () => {
    for (let fit = 1; fit < rows.length; fit++) expect(rows[codeBreak(rows, fit)] ?? '', `fit ${fit}`).not.toMatch(/^\s*[}\]]/)
  })

  it('moves the sample on whole (-1) when no good place is near, unless it must take some', () => {
    expect(codeBreak(rows, 2, false)).toBe(-1)
    expect(codeBreak(rows, 2, true)).toBeGreaterThan(0)
  })

  it('never starts a part with a closing tag or with the bracket that ends a parameter list', () => {
    const jsx = ['function SearchBar({', '  filterText,', '  inStockOnly', '}) {', '  return (', '    <form>', '      <label>', '        <input />', '        Only in stock', '      </label>', '    </form>', '  );', '}']
    for (let fit = 3; fit < jsx.length; fit++) expect(jsx[codeBreak(jsx, fit)] ?? '', `fit ${fit}`).not.toMatch(/^\s*(?:[}\])]|<\/)/)
  })

  it('keeps the output a line prints with it ("// → 61% Han")', () => {
    const sample = ['function f(text) {', '  return text', '}', '', 'let a = 1', 'let b = 2', 'console.log(f("dog"));', '// → 61% Han, 22% Latin']
    expect(codeBreak(sample, 7)).toBe(6)
    expect(codeBreak(['x = 1', 'print(x)', '# => 1'], 2)).not.toBe(2)
  })

  it('never leaves the closing fence of a Markdown sample alone on the next part', () => {
    const sample = ['``` mermaid', 'graph LR', '  A --> B', '  B --> C', '  C --> D', '```']
    expect(codeBreak(sample, 5)).not.toBe(5)
  })
})
