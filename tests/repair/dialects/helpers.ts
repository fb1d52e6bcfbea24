import type { Root } from 'mdast'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { chapterParse } from '../../../src/parse/index.js'
import { chapterRepair, type RepairOptions } from '../../../src/repair/index.js'

/** Parse and repair Markdown as the pipeline does, for assertions on the tree and messages. */
export async function repair(markdown: string, options: RepairOptions = {}, path = 'chapter.md') {
  const file = new VFile({ path, value: markdown })
  const processor = unified().use(chapterParse).use(chapterRepair(options))
  const tree = (await processor.run(processor.parse(file), file)) as Root
  const find = <T>(type: string) => {
    const found: T[] = []
    visit(tree, type, (node) => {
      found.push(node as T)
    })
    return found
  }
  return {
    tree,
    file,
    find,
    rules: file.messages.map((message) => message.ruleId),
    places: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
    reasons: file.messages.map((message) => message.reason),
    sentences: (file.data.sentences ?? []).map((sentence) => sentence.text),
  }
}
