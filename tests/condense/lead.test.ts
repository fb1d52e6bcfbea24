import { describe, expect, it } from 'vitest'
import { leadOf, maxBulletWords } from '../../src/condense/lead.js'
import { wordCount } from '../../src/util/text.js'

const bullet = (text: string) => {
  const lead = leadOf(text)
  return text.slice(0, lead.length) + (lead.cut ? '…' : '')
}

describe('leadOf', () => {
  it('keeps a short first sentence whole, without its full stop', () => {
    expect(bullet('Kubernetes is undeniably a juggernaut. Not only did it win.')).toBe('Kubernetes is undeniably a juggernaut')
  })

  it('cuts a long sentence at a clause boundary within the budget', () => {
    const text =
      'Not only did Kubernetes beat all the other container orchestrators, but it is also the de facto solution on public clouds, utilized in many private clouds.'
    expect(bullet(text)).toBe('Not only did Kubernetes beat all the other container orchestrators…')
  })

  it('never ends on a word that leaves the bullet dangling', () => {
    const text = 'The number of tools to manage containers and clusters the various addons extensions and plugins just keeps growing and growing every single year.'
    const result = bullet(text)
    expect(result.endsWith('…')).toBe(true)
    expect(result).not.toMatch(/\b(the|of|to|and|a|an)…$/)
    expect(wordCount(result)).toBeLessThanOrEqual(maxBulletWords)
  })

  it('does not split after abbreviations', () => {
    expect(bullet('Use e.g. Kubernetes here. Then more.')).toBe('Use e.g. Kubernetes here')
  })

  it('handles CJK text without spaces', () => {
    const text = '所有权是 Rust 最为与众不同的特性，它让 Rust 无需垃圾回收即可保障内存安全，因此理解它非常重要而且需要很多时间和练习才能掌握。'
    const result = bullet(text)
    expect(result.length).toBeLessThan(text.length)
    expect(wordCount(result)).toBeLessThanOrEqual(maxBulletWords)
  })
})
