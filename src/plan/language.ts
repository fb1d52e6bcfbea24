import type { Root, RootContent } from 'mdast'
import { franc } from 'franc-min'
import { toString } from 'mdast-util-to-string'

// ISO 639-3 codes franc returns, for the languages we have words for (plan/words.ts).
const twoLetter: Record<string, string> = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', rus: 'ru', jpn: 'ja', cmn: 'zh', kor: 'ko', arb: 'ar', heb: 'he', nld: 'nl', pol: 'pl', ukr: 'uk', tur: 'tr', ind: 'id', vie: 'vi', swe: 'sv', ces: 'cs', pes: 'fa', hin: 'hi' }

/**
 * The chapter's language, from what it says on its slides (prose, not code or markup): the
 * script decides for Japanese, Korean, Chinese, Arabic and Hebrew, franc's trigrams for the
 * rest. English when unsure.
 */
export function detectLanguage(tree: Root): string {
  const text = prose(tree).slice(0, 20000)
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0
  const letters = count(/\p{L}/gu) || 1
  const kana = count(/[\u3040-\u30ff]/g)
  const hangul = count(/[\uac00-\ud7af]/g)
  const han = count(/[\u3400-\u4dbf\u4e00-\u9fff]/g)
  if ((kana + han) / letters > 0.2 && kana > han * 0.1) return 'ja'
  if (hangul / letters > 0.2) return 'ko'
  if (han / letters > 0.2) return 'zh'
  if (count(/[\u0600-\u06ff]/g) / letters > 0.3) return franc(text, { only: ['arb', 'pes', 'urd'] }) === 'arb' ? 'ar' : 'fa'
  if (count(/[\u0590-\u05ff]/g) / letters > 0.3) return 'he'
  // Only the languages we have words for: the rest fall back to English anyway, and fewer is faster.
  return twoLetter[franc(text, { minLength: 40, only: Object.keys(twoLetter) })] ?? 'en'
}

function prose(tree: Root): string {
  const parts: string[] = []
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading') parts.push(toString(node, { includeHtml: false }))
      else if ('children' in node && node.type !== 'table') walk(node.children as RootContent[])
    }
  }
  walk(tree.children)
  // Link targets and inline code are not words of the language.
  return parts.join('\n').replace(/https?:\/\/\S+/g, ' ')
}
