import { splitSentences, wordCount } from '../util/text.js'

/** Words a bullet may carry. */
export const maxBulletWords = 14
/** A whole first sentence this short is kept rather than cut a word or two early. */
const wholeSentenceWords = 16

// A cut may not end on words that need a continuation.
const danglingEnd =
  /[\s,;:(–—-]+(?:a|an|the|of|to|in|on|at|by|for|from|with|and|or|but|nor|as|is|are|was|were|be|been|that|which|who|whose|than|into|onto|via|its|their|his|her|our|your|my|this|these|those|such|very|more|most|not|no|so|if|when|while|where|because|both|either|each|every|some|any|all|just|only|also|about|over|under|between|through|like|can|could|will|would|should|may|might|must|has|have|had|do|does|did)?$/i
const clauseBreak = /[,;:](?=\s)|\s[–—-]\s|\s(?=\()|[，、；：]/g
const conjunction = /\s(?=(?:and|but|or|which|who|that|because|while|where|when|so|although|though|since|whereas|unless|until|if|as)\s)/gi

export interface Lead {
  /** Characters of the flattened paragraph text the bullet keeps. */
  length: number
  /** Whether the bullet stops before the sentence ends (it then gets an ellipsis). */
  cut: boolean
}

/**
 * The lead idea of a paragraph: its first sentence when short enough, else that sentence
 * cut at the last clause boundary that keeps it within the word budget, never ending on a
 * word that leaves it dangling.
 */
export function leadOf(text: string): Lead {
  const first = splitSentences(text)[0] ?? text
  const firstEnd = text.indexOf(first) + first.length
  if (wordCount(first) <= wholeSentenceWords) return { length: trimEnd(text, firstEnd), cut: false }

  const fits = (end: number) => {
    const words = wordCount(first.slice(0, end))
    return words >= 4 && words <= maxBulletWords && balanced(first.slice(0, end))
  }
  const ends = [clauseBreak, conjunction].flatMap((pattern) => [...first.matchAll(pattern)].map((match) => match.index)).filter(fits)
  if (ends.length) return { length: undangle(first, Math.max(...ends)), cut: true }
  // No boundary inside the budget: keep whole words, then drop any dangling tail.
  let end = 0
  for (const match of first.matchAll(/\S+/g)) {
    if (wordCount(first.slice(0, match.index + match[0].length)) > maxBulletWords - 2) break
    end = match.index + match[0].length
  }
  if (!end) end = Math.min(first.length, 40)
  return { length: undangle(first, end), cut: true }
}

function undangle(text: string, end: number): number {
  let slice = text.slice(0, end)
  for (let guard = 0; guard < 6; guard++) {
    const trimmed = slice.replace(danglingEnd, '')
    if (trimmed === slice || wordCount(trimmed) < 3) break
    slice = trimmed
  }
  return slice.replace(/[\s,;:(–—-]+$/, '').length
}

function trimEnd(text: string, end: number): number {
  return text.slice(0, end).replace(/[\s.。]+$/, '').length
}

function balanced(text: string): boolean {
  const count = (char: string) => text.split(char).length - 1
  return count('(') === count(')') && count('[') === count(']') && count('"') % 2 === 0 && count('“') === count('”')
}
