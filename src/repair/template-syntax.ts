import type { Code, Heading, Paragraph, Root, Text } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { spoken } from '../util/spoken.js'
import { rewrite } from './dialects/dialect.js'

// Syntax of site generators Markdown cannot know. Pure markup (Hugo shortcode tags, Liquid
// tags, FastAPI's `{* file *}` code includes, `{#id}` heading attributes, MDX imports) is stripped from slides; values a reader needs
// (`{{ variable }}`) stay as written. The text as written stays in the notes, and every
// construct gets a positioned warning naming it.
const constructs: { name: string; pattern: RegExp; strip: boolean; keep?: string }[] = [
  { name: 'Hugo shortcode', pattern: /\{\{[<%]\s*\/?[\w.-]+(?:[^}]|\}(?!\}))*?[>%]\}\}/g, strip: true },
  { name: 'code include', pattern: /\{\*\s+\S+[^*\n]*\*\}/g, strip: true },
  { name: 'Liquid tag', pattern: /\{%-?\s*\w+(?:[^%]|%(?!\}))*?-?%\}/g, strip: true },
  // "[include]({{ '/docs/includes/' | relative_url }})": the address is the generator's to make; the words stay.
  { name: 'templated link', pattern: /\[([^\]\n]+)\]\(\s*\{\{[^{}]+\}\}\s*\)/g, strip: true, keep: '$1' },
  { name: 'template variable', pattern: /\{\{(?![<%#])\s*[^{}]+?\s*\}\}/g, strip: false },
  // Kramdown's attribute lists ("{: .note .warning}") style the block; they are not its words.
  { name: 'attribute list', pattern: /\{:\s*[^{}\n]*\}\s*/g, strip: true },
  { name: 'heading attribute', pattern: /\s*\{\s*[#.][\w:.-]+(?:\s+[#.][\w:.-]+)*\s*\}\s*$/g, strip: true },
]

declare module 'vfile' {
  interface DataMap {
    /** Text removed from the slides entirely; the title slide's notes keep it. */
    setAside: string[]
  }
}

export function repairTemplateSyntax() {
  return (tree: Root, file: VFile) => {
    const warn = (name: string, place: Text['position'], kept: boolean) =>
      file.message(`${name} ${kept ? 'kept as written' : 'removed from the slide'} (chapterdeck does not run site generators)`, {
        place,
        ruleId: 'template-syntax',
        source: 'chapterdeck',
      })

    visit(tree, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading') return
      const block = node as Paragraph | Heading
      const before = spoken(block)
      // A heading's id is markup only: in a chapter read as a book toolchain's (whose notes
      // carry no markup) it goes; elsewhere the heading as written stays in the notes.
      const book = Boolean(file.data.dialects?.length)
      let changed = false
      visit(block, 'text', (text: Text) => {
        for (const { name, pattern, strip, keep } of constructs) {
          if (name === 'heading attribute' && block.type !== 'heading') continue
          const found = text.value.match(pattern)
          if (!found) continue
          warn(name, text.position ?? block.position, !strip)
          if (!strip) continue
          const written = text.value
          text.value = text.value.replace(pattern, keep ?? '').replace(/[ \t]{2,}/g, ' ')
          if (name === 'heading attribute' && book) rewrite(file, written, text.value)
          else changed = true
        }
      })
      if (changed) block.data = { ...block.data, notes: [before] }
    })

    // MDX: `import X from "y"` lines at the top level are code for a bundler, not prose.
    tree.children = tree.children.filter((node) => {
      if (node.type !== 'paragraph' || !/^(?:import|export)\s[^\n]*\sfrom\s+["'][^"']+["'];?(?:\n|$)/.test(spoken(node))) return true
      if (!spoken(node).split('\n').every((line) => /^(?:import|export)\s.*\sfrom\s+["'][^"']+["'];?$/.test(line.trim()))) return true
      warn('MDX import', node.position, false)
      file.data.setAside = [...(file.data.setAside ?? []), spoken(node)]
      return false
    })

    visit(tree, 'code', (node: Code) => {
      if (/\{\{#(?:rustdoc_)?include\b/.test(node.value)) warn('mdBook include', node.position, true)
    })
  }
}
