// Calendar buckets for charts, pure and in UTC on ISO day strings: adding days and months, the
// week (ISO, from Monday), month, quarter or year holding a day, and which bucket size a range gets.
import { formatPartialDate, lastPossibleDay } from '../domain/dates'
import type { DatePrecision } from '../domain/vocabularies'

export type BucketUnit = 'week' | 'month' | 'quarter' | 'year'
export type DateRange = { from: string; to: string }

/** Longer ranges are cut to this many years, ending at the chosen end: 240 monthly bars at most. */
export const MAX_RANGE_YEARS = 20
export const DEFAULT_RANGE_MONTHS = 24

export const DAY_MS = 86_400_000
export const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10)
const pad = (n: number) => String(n).padStart(2, '0')

export function addDays(iso: string, days: number): string {
  return fromTime(toTime(iso) + days * DAY_MS)
}

/** Calendar months later (or earlier), the day kept where the month has it: 31 Jan + 1 = 28 Feb. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const first = `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`
  const last = Number(lastPossibleDay({ date: first, precision: 'month' }).slice(8))
  return `${first.slice(0, 8)}${pad(Math.min(day, last))}`
}

export const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`
export const monthEnd = (iso: string) =>
  lastPossibleDay({ date: monthStart(iso), precision: 'month' })

/** The first day of the bucket holding `iso`; weeks are ISO weeks, starting on Monday. */
export function bucketStart(iso: string, unit: BucketUnit): string {
  if (unit === 'week') return addDays(iso, -((new Date(toTime(iso)).getUTCDay() + 6) % 7))
  if (unit === 'month') return monthStart(iso)
  if (unit === 'year') return `${iso.slice(0, 4)}-01-01`
  const month = Number(iso.slice(5, 7))
  return `${iso.slice(0, 4)}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}-01`
}

function nextBucket(start: string, unit: BucketUnit): string {
  if (unit === 'week') return addDays(start, 7)
  return addMonths(start, unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12)
}

/** Every bucket from the one holding `from` to the one holding `to`, empty ones included. */
export function bucketsBetween({ from, to }: DateRange, unit: BucketUnit): string[] {
  const buckets: string[] = []
  for (let b = bucketStart(from, unit); b <= to; b = nextBucket(b, unit)) buckets.push(b)
  return buckets
}

export function bucketLabel(start: string, unit: BucketUnit): string {
  if (unit === 'week') return `Week of ${formatPartialDate({ date: start, precision: 'day' })}`
  if (unit === 'month') return formatPartialDate({ date: start, precision: 'month' })
  if (unit === 'year') return start.slice(0, 4)
  return `Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1} ${start.slice(0, 4)}`
}

export const UNIT_NOUN: Record<BucketUnit, string> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
}

/** A date known only to the month cannot sit in a week; one known only to the year, in a month. */
export function precisionFits(precision: DatePrecision, unit: BucketUnit): boolean {
  if (precision === 'day' || unit === 'year') return true
  if (precision === 'month') return unit !== 'week'
  return false
}

/** By ISO week when the range is under six months, by month otherwise. */
export function unitForRange({ from, to }: DateRange): BucketUnit {
  return addMonths(from, 6) > addDays(to, 1) ? 'week' : 'month'
}
