// The parser's month words now come from Intl (domain/dates.ts monthNames): every word of the
// table that was written out by hand must still be read, and as the same month.
import { describe, expect, it } from 'vitest'
import { monthNames } from '../../../app/domain/dates'
import { monthNumber } from '../../../app/document-import/release-dates'

const FORMER_TABLE: string[][] = [
  ['january', 'jan', 'janvier', 'janv'],
  ['february', 'feb', 'fevrier', 'fevr', 'fev'],
  ['march', 'mar', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai'],
  ['june', 'jun', 'juin'],
  ['july', 'jul', 'juillet', 'juil'],
  ['august', 'aug', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'decembre'],
]

describe('month words', () => {
  it('reads every word of the former hand-written table as the same month', () => {
    FORMER_TABLE.forEach((words, index) => {
      for (const word of words) expect([word, monthNumber(word)]).toEqual([word, index + 1])
    })
  })

  it('reads the names Intl writes, with their accents and dots', () => {
    expect(monthNames('fr').map(monthNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect(monthNames('fr', 'short').map(monthNumber)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ])
    expect(monthNames('en', 'short').map(monthNumber)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ])
  })

  it('gives the names the product has always written', () => {
    expect(monthNames('en')).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ])
    expect(monthNames('fr')).toEqual([
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ])
  })
})
