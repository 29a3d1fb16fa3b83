import { describe, expect, it } from 'vitest'
import {
  findDateIn,
  monthNumber,
  parseDateLine,
  parseDateText,
  splitLeadingDateLine,
} from '../../../app/document-import/release-dates'

describe('monthNumber', () => {
  it('knows English and French months, full or short, with or without accents', () => {
    expect(monthNumber('February')).toBe(2)
    expect(monthNumber('Feb.')).toBe(2)
    expect(monthNumber('février')).toBe(2)
    expect(monthNumber('FEVRIER')).toBe(2)
    expect(monthNumber('août')).toBe(8)
    expect(monthNumber('Sept')).toBe(9)
    expect(monthNumber('décembre')).toBe(12)
    expect(monthNumber('Idris')).toBeNull()
  })
})

describe('parseDateText', () => {
  it.each([
    ['22 February 2023', '2023-02-22', 'day'],
    ['22nd of February, 2023', '2023-02-22', 'day'],
    ['February 22, 2023', '2023-02-22', 'day'],
    ['le 22 février 2023', '2023-02-22', 'day'],
    ['1er mars 2024', '2024-03-01', 'day'],
    ['mercredi 22 février 2023', '2023-02-22', 'day'],
    ['Wednesday, 22 February 2023.', '2023-02-22', 'day'],
    ['2023-02-22', '2023-02-22', 'day'],
    ['22/02/2023', '2023-02-22', 'day'],
    ['22.02.2023', '2023-02-22', 'day'],
    ['February 2023', '2023-02-01', 'month'],
    ['février 2023', '2023-02-01', 'month'],
    ['2023-02', '2023-02-01', 'month'],
  ])('reads %s', (text, date, precision) => {
    expect(parseDateText(text)).toEqual({ date, precision })
  })

  it('refuses days that do not exist and text that is not only a date', () => {
    expect(parseDateText('30 February 2023')).toBeNull()
    expect(parseDateText('2023-13-01')).toBeNull()
    expect(parseDateText('02/22/2023')).toBeNull() // day first: there is no 22nd month
    expect(parseDateText('22 Febtember 2023')).toBeNull()
    expect(parseDateText('22 February 2023 at noon')).toBeNull()
    expect(parseDateText('')).toBeNull()
  })

  it('reads a bare year only when asked to', () => {
    expect(parseDateText('2019')).toBeNull()
    expect(parseDateText('2019', { allowYear: true })).toEqual({
      date: '2019-01-01',
      precision: 'year',
    })
  })
})

describe('findDateIn', () => {
  it('finds the first date in a sentence, at its precision', () => {
    expect(findDateIn('European Parliament resolution (12 February 2019), accessible at')).toEqual({
      date: '2019-02-12',
      precision: 'day',
    })
    expect(findDateIn('Published in March 2021 and updated on 4 May 2022')).toEqual({
      date: '2021-03-01',
      precision: 'month',
    })
    expect(findDateIn('No date in 12 countries')).toBeNull()
    expect(findDateIn('see report 2019', { allowYear: true })?.precision).toBe('year')
  })
})

describe('parseDateLine', () => {
  it.each([
    ['Brussels, 22 February 2023', 'Brussels', '2023-02-22', 'day'],
    ['Bruxelles, le 22 février 2023', 'Bruxelles', '2023-02-22', 'day'],
    ['Strasbourg, 3 March 2024', 'Strasbourg', '2024-03-03', 'day'],
    ['Strasbourg – 3 March 2024.', 'Strasbourg', '2024-03-03', 'day'],
    ['BRUSSELS, February 2023', 'BRUSSELS', '2023-02-01', 'month'],
    ['February 2023', null, '2023-02-01', 'month'],
    ['2023-02-22', null, '2023-02-22', 'day'],
    ['Den Haag, 22/02/2023', 'Den Haag', '2023-02-22', 'day'],
  ])('reads %s', (line, place, date, precision) => {
    expect(parseDateLine(line)).toEqual({ place, date, precision, raw: line })
  })

  it('refuses sentences that merely contain a date', () => {
    expect(
      parseDateLine('He fled to the Netherlands in 2018, where he was granted refugee status'),
    ).toBeNull()
    expect(parseDateLine('He was arrested, 16 February 2023')).toBeNull()
    expect(parseDateLine('Brussels, yesterday')).toBeNull()
    expect(parseDateLine('2023')).toBeNull()
  })
})

describe('splitLeadingDateLine', () => {
  it('splits a date line from the start of a paragraph', () => {
    expect(splitLeadingDateLine('Brussels, 22 February 2023 – Idris was arrested.')).toEqual({
      dateLine: {
        place: 'Brussels',
        date: '2023-02-22',
        precision: 'day',
        raw: 'Brussels, 22 February 2023',
      },
      rest: 'Idris was arrested.',
    })
    expect(splitLeadingDateLine('Bruxelles, le 1er mars 2024 : Le texte.')?.rest).toBe('Le texte.')
  })

  it('leaves paragraphs that only start with a date-like phrase', () => {
    expect(splitLeadingDateLine('May 2023 was a hard year for him.')).toBeNull()
    expect(splitLeadingDateLine('Idris Arsamikov is a gay Chechen refugee.')).toBeNull()
  })
})
