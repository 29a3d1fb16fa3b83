import { describe, expect, it } from 'vitest'
import { numberFootnotes } from '../../../app/domain/footnotes'

describe('footnote numbering', () => {
  it('numbers sources by first citation and keeps the first number for repeats', () => {
    const { numberOf, footnotes } = numberFootnotes([{ id: 7 }, { id: 3 }, { id: 7 }, { id: 9 }])
    expect(footnotes.map((f) => [f.id, f.number])).toEqual([
      [7, 1],
      [3, 2],
      [9, 3],
    ])
    expect(numberOf(7)).toBe(1)
    expect(numberOf(42)).toBeUndefined()
  })
})
