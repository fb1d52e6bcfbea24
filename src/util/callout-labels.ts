// Labels authors open a callout with, in the quote's first words ("Note:", "**Tip**"), in the
// languages chapterdeck speaks.
const words = [
  'note', 'notes', 'tip', 'tips', 'hint', 'warning', 'caution', 'important', 'info', 'danger', 'attention', 'remember', 'aside', 'sidebar',
  'pitfall', 'deep dive', 'example', 'see also', 'summary', 'success', 'failure', 'bug', 'question', 'quote', 'abstract',
  'hinweis', 'achtung', 'tipp', 'warnung', 'remarque', 'astuce', 'nota', 'consejo', 'advertencia', 'dica', 'aviso', 'suggerimento', 'avvertenza',
  'примечание', 'совет', 'внимание', '注意', 'ヒント', '提示', '警告', '참고', '팁', '경고', 'ملاحظة', 'تنبيه', 'הערה', 'טיפ', 'אזהרה',
]
const alternatives = words.join('|')

export const calloutLabels = new RegExp(`^(${alternatives})\\b\\s*[:.]?`, 'i')

/** Whether a callout's own title is only a label word ("Tipp", "Hinweis"): it then names the kind. */
export const isLabelWord = (text: string) => new RegExp(`^(?:${alternatives})$`, 'i').test(text.trim())
