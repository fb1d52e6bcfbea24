/** The words chapterdeck adds to a deck, in the chapter's language. */
export interface Words {
  agenda: string
  introduction: string
  keyPoints: string
  references: string
  thankYou: string
  questions: string
  /** "In this part: A; B." after a section's name, in its notes. */
  inThisPart: string
  /** Notes of the agenda: "This talk has 3 parts: A; B; C." */
  parts: (count: number) => string
  /** Notes of the closing slide. */
  recap: string
  inviteQuestions: string
  figure: string
  imageNotFound: string
  remoteImage: string
  linksCited: string
  /** The last line of a references slide that could not show every link. */
  moreLinks: (count: number) => string
}

type Table = Omit<Words, 'parts' | 'moreLinks'> & { parts: string; moreLinks: string }

// {n} stands for a number. Sources: each language's usual slide vocabulary.
const tables: Record<string, Table> = {
  en: { agenda: 'Agenda', introduction: 'Introduction', keyPoints: 'Key points', references: 'References', thankYou: 'Thank you', questions: 'Questions?', inThisPart: 'In this part', parts: 'This talk has {n} parts', recap: 'Recap', inviteQuestions: 'Invite questions.', figure: 'Figure', imageNotFound: 'Image not found', remoteImage: 'Remote image, not embedded', linksCited: 'Links cited in this chapter', moreLinks: '{n} more links in the notes' },
  de: { agenda: 'Agenda', introduction: 'Einführung', keyPoints: 'Kernpunkte', references: 'Quellen', thankYou: 'Vielen Dank', questions: 'Fragen?', inThisPart: 'In diesem Teil', parts: 'Dieser Vortrag hat {n} Teile', recap: 'Rückblick', inviteQuestions: 'Zu Fragen einladen.', figure: 'Abbildung', imageNotFound: 'Bild nicht gefunden', remoteImage: 'Externes Bild, nicht eingebettet', linksCited: 'In diesem Kapitel zitierte Links', moreLinks: '{n} weitere Links in den Notizen' },
  fr: { agenda: 'Sommaire', introduction: 'Introduction', keyPoints: 'Points clés', references: 'Références', thankYou: 'Merci', questions: 'Des questions ?', inThisPart: 'Dans cette partie', parts: 'Cet exposé compte {n} parties', recap: 'Récapitulatif', inviteQuestions: 'Inviter les questions.', figure: 'Figure', imageNotFound: 'Image introuvable', remoteImage: 'Image distante, non intégrée', linksCited: 'Liens cités dans ce chapitre', moreLinks: '{n} autres liens dans les notes' },
  es: { agenda: 'Agenda', introduction: 'Introducción', keyPoints: 'Puntos clave', references: 'Referencias', thankYou: 'Gracias', questions: '¿Preguntas?', inThisPart: 'En esta parte', parts: 'Esta charla tiene {n} partes', recap: 'Resumen', inviteQuestions: 'Invitar a preguntas.', figure: 'Figura', imageNotFound: 'Imagen no encontrada', remoteImage: 'Imagen remota, no incrustada', linksCited: 'Enlaces citados en este capítulo', moreLinks: '{n} enlaces más en las notas' },
  pt: { agenda: 'Agenda', introduction: 'Introdução', keyPoints: 'Pontos-chave', references: 'Referências', thankYou: 'Obrigado', questions: 'Perguntas?', inThisPart: 'Nesta parte', parts: 'Esta palestra tem {n} partes', recap: 'Recapitulação', inviteQuestions: 'Convidar perguntas.', figure: 'Figura', imageNotFound: 'Imagem não encontrada', remoteImage: 'Imagem remota, não incorporada', linksCited: 'Links citados neste capítulo', moreLinks: 'Mais {n} links nas notas' },
  it: { agenda: 'Agenda', introduction: 'Introduzione', keyPoints: 'Punti chiave', references: 'Riferimenti', thankYou: 'Grazie', questions: 'Domande?', inThisPart: 'In questa parte', parts: 'Questo intervento ha {n} parti', recap: 'Riepilogo', inviteQuestions: 'Invitare a fare domande.', figure: 'Figura', imageNotFound: 'Immagine non trovata', remoteImage: 'Immagine remota, non incorporata', linksCited: 'Link citati in questo capitolo', moreLinks: 'Altri {n} link nelle note' },
  ru: { agenda: 'План', introduction: 'Введение', keyPoints: 'Главное', references: 'Ссылки', thankYou: 'Спасибо', questions: 'Вопросы?', inThisPart: 'В этой части', parts: 'В докладе частей: {n}', recap: 'Итоги', inviteQuestions: 'Предложить задать вопросы.', figure: 'Рисунок', imageNotFound: 'Изображение не найдено', remoteImage: 'Внешнее изображение, не встроено', linksCited: 'Ссылки из этой главы', moreLinks: 'Ещё ссылок в заметках: {n}' },
  ja: { agenda: 'アジェンダ', introduction: 'はじめに', keyPoints: '要点', references: '参考文献', thankYou: 'ありがとうございました', questions: '質問はありますか？', inThisPart: 'このパートの内容', parts: 'この発表は{n}部構成です', recap: 'まとめ', inviteQuestions: '質問を受け付ける。', figure: '図', imageNotFound: '画像が見つかりません', remoteImage: '外部画像（埋め込みなし）', linksCited: 'この章で引用したリンク', moreLinks: 'ほか{n}件のリンクはノートに' },
  zh: { agenda: '议程', introduction: '引言', keyPoints: '要点', references: '参考资料', thankYou: '谢谢', questions: '有问题吗？', inThisPart: '本部分内容', parts: '本次演讲分为{n}个部分', recap: '回顾', inviteQuestions: '邀请提问。', figure: '图', imageNotFound: '未找到图片', remoteImage: '远程图片，未嵌入', linksCited: '本章引用的链接', moreLinks: '另有{n}个链接见备注' },
  ko: { agenda: '목차', introduction: '소개', keyPoints: '핵심 요약', references: '참고 자료', thankYou: '감사합니다', questions: '질문 있으신가요?', inThisPart: '이 부분의 내용', parts: '이 발표는 {n}개 부분으로 구성됩니다', recap: '요약', inviteQuestions: '질문을 받는다.', figure: '그림', imageNotFound: '이미지를 찾을 수 없음', remoteImage: '외부 이미지, 포함되지 않음', linksCited: '이 장에서 인용한 링크', moreLinks: '나머지 링크 {n}개는 노트에' },
  ar: { agenda: 'جدول الأعمال', introduction: 'مقدمة', keyPoints: 'النقاط الرئيسية', references: 'المراجع', thankYou: 'شكرًا لكم', questions: 'أسئلة؟', inThisPart: 'في هذا الجزء', parts: 'يتكون هذا العرض من {n} أجزاء', recap: 'ملخص', inviteQuestions: 'دعوة لطرح الأسئلة.', figure: 'شكل', imageNotFound: 'الصورة غير موجودة', remoteImage: 'صورة خارجية، غير مضمّنة', linksCited: 'الروابط المذكورة في هذا الفصل', moreLinks: '{n} روابط أخرى في الملاحظات' },
  he: { agenda: 'סדר היום', introduction: 'מבוא', keyPoints: 'נקודות מפתח', references: 'מקורות', thankYou: 'תודה רבה', questions: 'שאלות?', inThisPart: 'בחלק זה', parts: 'להרצאה זו {n} חלקים', recap: 'סיכום', inviteQuestions: 'להזמין שאלות.', figure: 'איור', imageNotFound: 'התמונה לא נמצאה', remoteImage: 'תמונה חיצונית, לא מוטמעת', linksCited: 'קישורים שצוטטו בפרק זה', moreLinks: 'עוד {n} קישורים בהערות' },
}

/** The words for a language tag ("de", "pt-BR", "zh-Hans"); English when we have none. */
export function wordsFor(lang: string): Words {
  const table = tables[lang.toLowerCase().split(/[-_]/)[0]] ?? tables.en
  const fill = (template: string) => (count: number) => template.replace('{n}', String(count))
  return { ...table, parts: fill(table.parts), moreLinks: fill(table.moreLinks) }
}

/** Languages with their own words. */
export const languagesWithWords = Object.keys(tables)

// Headings that mean the chapter sums itself up: no "Key points" slide is added then.
export const summaryHeadings = /^(summary|conclusions?|recap|wrap[- ]?up|key (points|takeaways)|takeaways|in summary|tl;?dr|zusammenfassung|fazit|résumé|conclusion|resumen|conclusiones|resumo|conclusão|riepilogo|conclusioni|итоги|заключение|выводы|まとめ|要約|总结|小结|小結|總結|요약|정리|ملخص|خلاصة|סיכום)\b/i

// Headings of a chapter's own list of references: merged into the deck's references section.
export const referenceHeadings = /^(references|links|further reading|resources|bibliography|sources|see also|weiterführende links|quellen|literatur|références|liens|referencias|enlaces|referências|riferimenti|collegamenti|ссылки|литература|参考文献|参考资料|参考|関連リンク|参考リンク|참고 자료|참고문헌|المراجع|מקורות)\s*:?$/i
