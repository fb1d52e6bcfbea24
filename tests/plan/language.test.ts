import type { Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../src/plan/language.js'
import { languagesWithWords, wordsFor } from '../../src/plan/words.js'

const detect = (markdown: string) => detectLanguage(unified().use(remarkParse).parse(markdown) as Root)

describe('the chapter language', () => {
  it('is read from the prose, not from code or comments', () => {
    expect(detect('<!-- An English comment that goes on and on about the original text of the book. -->\n\n所有権はRustの最もユニークな機能であり、言語全体に深い影響を与えています。')).toBe('ja')
    expect(detect('云原生词汇表的内容存储在这个仓库中，在这里你可以找到关于词汇表的议题和讨论的列表。')).toBe('zh')
    expect(detect('Wenn Sie eine Anwendung oder eine Web-API erstellen, legen Sie selten alles in eine einzige Datei.\n\n```\nthis is code in english\n```')).toBe('de')
    expect(detect('Kubernetes won the container orchestration wars by a land slide, and it keeps growing.')).toBe('en')
  })

  it('has words for the twelve languages, English for any other', () => {
    expect(languagesWithWords).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es', 'pt', 'it', 'ru', 'ja', 'zh', 'ko', 'ar', 'he']))
    expect(wordsFor('pt-BR').keyPoints).toBe('Pontos-chave')
    expect(wordsFor('nl').agenda).toBe('Agenda')
    expect(wordsFor('ar').parts(3)).toContain('3')
  })
})
