// Partial dates: stored as their first day plus a precision, shown in that precision.
import type { DatePrecision } from './vocabularies'

export type PartialDate = { date: string; precision: DatePrecision }

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const ISO_MONTH = /^(\d{4})-(\d{2})$/
const ISO_YEAR = /^(\d{4})$/

/**
 * The twelve month names of a language, January first, from Intl (full ICU in Node since 13 and in
 * every browser): `monthNames('fr')` is janvier … décembre, `monthNames('en', 'short')` Jan … Dec.
 */
export function monthNames(locale: string, width: 'long' | 'short' = 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' })
  return Array.from({ length: 12 }, (_, index) => format.format(Date.UTC(2000, index, 1)))
}

const MONTHS_EN = monthNames('en')

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

/** True when `value` is a real calendar day written as YYYY-MM-DD (rejects 2023-02-30). */
export function isValidIsoDay(value: string): boolean {
  const m = ISO_DAY.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return (
    year >= 1900 &&
    year <= 2200 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/**
 * Reads what a form sends ("2023-02-14", "2023-02", "2023") with its precision and returns the
 * stored first day, or an error message fit to show beside the field.
 */
export function parsePartialDate(
  raw: string,
  precision: DatePrecision,
): { ok: true; value: PartialDate } | { ok: false; error: string } {
  const value = raw.trim()
  if (!value) return { ok: false, error: 'Enter a date' }
  if (precision === 'day') {
    if (!ISO_DAY.test(value))
      return { ok: false, error: 'Enter the date as YYYY-MM-DD, e.g. 2023-02-14' }
    if (!isValidIsoDay(value)) return { ok: false, error: `${value} is not a real date` }
    return { ok: true, value: { date: value, precision } }
  }
  if (precision === 'month') {
    const m = ISO_MONTH.exec(value) ?? ISO_DAY.exec(value)
    if (!m) return { ok: false, error: 'For a month, enter YYYY-MM, e.g. 2023-02' }
    if (m[3] && m[3] !== '01') {
      return {
        ok: false,
        error: 'The precision is "month" but a day was given: enter YYYY-MM or choose "day"',
      }
    }
    const date = `${m[1]}-${m[2]}-01`
    if (!isValidIsoDay(date)) return { ok: false, error: `${value} is not a real month` }
    return { ok: true, value: { date, precision } }
  }
  const m = ISO_YEAR.exec(value) ?? ISO_MONTH.exec(value) ?? ISO_DAY.exec(value)
  if (!m) return { ok: false, error: 'For a year, enter YYYY, e.g. 2018' }
  if (m[2]) {
    return {
      ok: false,
      error:
        'The precision is "year" but a month or day was given: enter YYYY or choose a finer precision',
    }
  }
  const date = `${m[1]}-01-01`
  if (!isValidIsoDay(date)) return { ok: false, error: `${value} is not a real year` }
  return { ok: true, value: { date, precision } }
}

/** The value to put back into a form field for a stored partial date. */
export function partialDateInputValue({ date, precision }: PartialDate): string {
  if (precision === 'year') return date.slice(0, 4)
  if (precision === 'month') return date.slice(0, 7)
  return date
}

/** "14 February 2023", "February 2023" or "2023". */
export function formatPartialDate({ date, precision }: PartialDate): string {
  const m = ISO_DAY.exec(date)
  if (!m) return date
  const [year, month, day] = [m[1], Number(m[2]), Number(m[3])]
  if (precision === 'year') return `${year}`
  const monthName = MONTHS_EN[month - 1]
  if (precision === 'month') return `${monthName} ${year}`
  return `${day} ${monthName} ${year}`
}

/** The last possible day a partial date can stand for: 2023-02 -> 2023-02-28. */
export function lastPossibleDay({ date, precision }: PartialDate): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))]
  if (precision === 'year') return `${year}-12-31`
  if (precision === 'month') return `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`
  return date
}

/** Today as YYYY-MM-DD in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** "3 March 2024" for a timestamp, in UTC so every reader sees the same day. */
export function formatTimestampDay(value: Date | string): string {
  const iso = (typeof value === 'string' ? new Date(value) : value).toISOString().slice(0, 10)
  return formatPartialDate({ date: iso, precision: 'day' })
}

/** "3 March 2024, 14:05 UTC". */
export function formatTimestamp(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value
  return `${formatTimestampDay(d)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
}
