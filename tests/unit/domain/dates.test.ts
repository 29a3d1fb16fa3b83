import { describe, expect, it } from 'vitest'
import {
  daysBetween,
  formatPartialDate,
  isValidIsoDay,
  lastPossibleDay,
  parsePartialDate,
  partialDateInputValue,
} from '../../../app/domain/dates'

describe('partial dates', () => {
  it('parses each precision into its first day', () => {
    expect(parsePartialDate('2023-02-14', 'day')).toEqual({
      ok: true,
      value: { date: '2023-02-14', precision: 'day' },
    })
    expect(parsePartialDate('2023-02', 'month')).toEqual({
      ok: true,
      value: { date: '2023-02-01', precision: 'month' },
    })
    expect(parsePartialDate(' 2018 ', 'year')).toEqual({
      ok: true,
      value: { date: '2018-01-01', precision: 'year' },
    })
  })

  it.each([
    ['2023-02-30', 'day', /not a real date/],
    ['next week', 'day', /YYYY-MM-DD/],
    ['', 'day', /Enter a date/],
    ['2023-13', 'month', /not a real month/],
    ['2023-02-14', 'month', /precision is "month" but a day was given/],
    ['2023-02', 'year', /precision is "year"/],
    ['2023', 'day', /YYYY-MM-DD/],
  ] as const)('refuses %j with precision %s', (raw, precision, message) => {
    const result = parsePartialDate(raw, precision)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(message)
  })

  it('knows real calendar days, leap years included', () => {
    expect(isValidIsoDay('2024-02-29')).toBe(true)
    expect(isValidIsoDay('2023-02-29')).toBe(false)
    expect(isValidIsoDay('2023-04-31')).toBe(false)
  })

  it('shows a date in its own precision', () => {
    expect(formatPartialDate({ date: '2023-02-14', precision: 'day' })).toBe('14 February 2023')
    expect(formatPartialDate({ date: '2023-02-01', precision: 'month' })).toBe('February 2023')
    expect(formatPartialDate({ date: '2018-01-01', precision: 'year' })).toBe('2018')
  })

  it('gives the last possible day of a period, for counts that never overstate', () => {
    expect(lastPossibleDay({ date: '2023-02-01', precision: 'month' })).toBe('2023-02-28')
    expect(lastPossibleDay({ date: '2024-02-01', precision: 'month' })).toBe('2024-02-29')
    expect(lastPossibleDay({ date: '2018-01-01', precision: 'year' })).toBe('2018-12-31')
    expect(lastPossibleDay({ date: '2023-02-14', precision: 'day' })).toBe('2023-02-14')
  })

  it('puts a stored date back into the form in its precision', () => {
    expect(partialDateInputValue({ date: '2023-02-01', precision: 'month' })).toBe('2023-02')
    expect(partialDateInputValue({ date: '2018-01-01', precision: 'year' })).toBe('2018')
  })

  it('counts whole days across month, year and DST boundaries', () => {
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1)
    expect(daysBetween('2023-12-31', '2024-01-01')).toBe(1)
    expect(daysBetween('2023-03-25', '2023-03-27')).toBe(2)
    expect(daysBetween('2023-03-01', '2023-02-28')).toBe(-1)
  })
})
