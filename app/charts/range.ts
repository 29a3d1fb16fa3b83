// The date range and filters a reader asked a chart for, read from the URL with defaults and plain
// messages when a value cannot be used (never throwing), described in words, and written back.
import { formatPartialDate, isValidIsoDay } from '../domain/dates'
import {
  addDays,
  addMonths,
  toTime,
  DAY_MS,
  monthEnd,
  monthStart,
  unitForRange,
  DEFAULT_RANGE_MONTHS,
  MAX_RANGE_YEARS,
  type BucketUnit,
  type DateRange,
} from './buckets'
import { ACTION_KINDS, type ActionKind } from '../domain/vocabularies'
import { isRecordId } from '~/utils/record-id'

/** The last 24 months, ending with the current one. */
export function defaultRange(today: string): DateRange {
  return { from: addMonths(monthStart(today), -(DEFAULT_RANGE_MONTHS - 1)), to: monthEnd(today) }
}

/** "2023-02-14" as it is, "2023-02" as its first (start) or last (end) day; null if unreadable. */
function readBound(raw: string, end: boolean): string | null {
  const value = raw.trim()
  if (/^\d{4}-\d{2}$/.test(value) && isValidIsoDay(`${value}-01`))
    return end ? monthEnd(`${value}-01`) : `${value}-01`
  return isValidIsoDay(value) ? value : null
}

const shown = (raw: string) => (raw.length > 20 ? `${raw.slice(0, 20)}…` : raw)
const dayText = (iso: string) => formatPartialDate({ date: iso, precision: 'day' })

/**
 * The range to chart from the `from` and `to` of a URL. Anything unusable falls back to the default
 * with a message saying what was done; it never throws.
 */
export function parseDateRange(
  input: { from?: string | null; to?: string | null },
  today: string,
): { range: DateRange; unit: BucketUnit; messages: string[] } {
  const messages: string[] = []
  const fallback = defaultRange(today)
  const read = (raw: string | null | undefined, end: boolean, name: string) => {
    if (!raw || !raw.trim()) return null
    const value = readBound(raw, end)
    if (!value)
      messages.push(
        `The ${name} date “${shown(raw)}” is not a date (use YYYY-MM-DD between 1900 and 2200), so the default was used.`,
      )
    return value
  }
  const from = read(input.from, false, 'start')
  const to = read(input.to, true, 'end')
  let range: DateRange = {
    from: from ?? (to ? addMonths(monthStart(to), -(DEFAULT_RANGE_MONTHS - 1)) : fallback.from),
    to: to ?? fallback.to,
  }
  if (range.to < range.from) {
    messages.push(
      `The end date (${dayText(range.to)}) is before the start date (${dayText(range.from)}), so the last ${DEFAULT_RANGE_MONTHS} months are shown instead.`,
    )
    range = fallback
  }
  const earliest = addDays(addMonths(range.to, -12 * MAX_RANGE_YEARS), 1)
  if (range.from < earliest) {
    const years = Math.round((toTime(range.to) - toTime(range.from)) / (365.25 * DAY_MS))
    messages.push(
      `A range of about ${years} years is too long to chart: the ${MAX_RANGE_YEARS} years up to ${dayText(range.to)} are shown.`,
    )
    range = { from: monthStart(addMonths(range.to, -(12 * MAX_RANGE_YEARS - 1))), to: range.to }
  }
  return { range, unit: unitForRange(range), messages }
}

/** "in 2023", "in February 2023", "from January 2022 to December 2023" or "from 3 … to 15 …". */
export function describeRange({ from, to }: DateRange): string {
  const wholeMonths = from === monthStart(from) && to === monthEnd(to)
  if (from.endsWith('-01-01') && to.endsWith('-12-31') && from.slice(0, 4) === to.slice(0, 4))
    return `in ${from.slice(0, 4)}`
  if (wholeMonths && from.slice(0, 7) === to.slice(0, 7))
    return `in ${formatPartialDate({ date: from, precision: 'month' })}`
  if (wholeMonths)
    return `from ${formatPartialDate({ date: from, precision: 'month' })} to ${formatPartialDate({ date: to, precision: 'month' })}`
  return `from ${dayText(from)} to ${dayText(to)}`
}

/** The dashboard chart's URL: range, kinds (repeated `kind`), one case and one actor by id. */
export function parseChartQuery(params: URLSearchParams, today: string) {
  const { range, unit, messages } = parseDateRange(
    { from: params.get('from'), to: params.get('to') },
    today,
  )
  const kinds: ActionKind[] = []
  for (const raw of params
    .getAll('kind')
    .map((k) => k.trim())
    .filter(Boolean)) {
    if ((ACTION_KINDS as readonly string[]).includes(raw)) {
      if (!kinds.includes(raw as ActionKind)) kinds.push(raw as ActionKind)
    } else messages.push(`The kind of action “${shown(raw)}” is not known and was ignored.`)
  }
  const id = (name: 'case' | 'actor') => {
    const raw = params.get(name)?.trim()
    if (!raw) return undefined
    const value = Number(raw)
    if (isRecordId(value)) return value
    messages.push(UNKNOWN_FILTER[name])
    return undefined
  }
  return { range, unit, kinds, caseId: id('case'), actorId: id('actor'), messages }
}

/** Said of a case that does not exist and of one the reader may not see alike: nothing leaks. */
export const UNKNOWN_FILTER = {
  case: 'The case chosen in the address is not one you can see, so the chart shows all cases.',
  actor: 'The actor chosen in the address is not known, so the chart shows all actors.',
} as const

export type ChartQuery = ReturnType<typeof parseChartQuery>

/** The URL of a chart view: only what differs from the defaults, kinds in vocabulary order. */
export function chartSearch(
  query: Pick<ChartQuery, 'range' | 'kinds' | 'caseId' | 'actorId'>,
  today: string,
): string {
  const params = new URLSearchParams()
  const fallback = defaultRange(today)
  if (query.range.from !== fallback.from || query.range.to !== fallback.to) {
    params.set('from', query.range.from)
    params.set('to', query.range.to)
  }
  if (query.caseId) params.set('case', String(query.caseId))
  if (query.actorId) params.set('actor', String(query.actorId))
  for (const kind of ACTION_KINDS.filter((k) => query.kinds.includes(k)))
    params.append('kind', kind)
  const search = params.toString()
  return search ? `?${search}` : ''
}
