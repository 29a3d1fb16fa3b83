// Charts of advocacy actions, pure: calendar buckets in UTC, the date range a reader asked for (with
// defaults and plain messages when it cannot be used), the table every chart is drawn from, the
// one-sentence summary above it, and the CSV download of exactly that table.
import type { ChartTable } from './chart-table'
import { formatPartialDate, isValidIsoDay, lastPossibleDay } from './dates'
import { ACTION_KINDS, labelOf, type ActionKind, type DatePrecision } from './vocabularies'
import { isRecordId } from '~/utils/record-id'

export type BucketUnit = 'week' | 'month' | 'quarter' | 'year'
export type DateRange = { from: string; to: string }

/** Longer ranges are cut to this many years, ending at the chosen end: 240 monthly bars at most. */
export const MAX_RANGE_YEARS = 20
export const DEFAULT_RANGE_MONTHS = 24

const DAY_MS = 86_400_000
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
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

const PLURALS: Partial<Record<ActionKind, string>> = {
  letter_to_authorities: 'letters to authorities',
  plenary_speech: 'plenary speeches',
  diplomatic_demarche: 'diplomatic démarches',
  media_or_oped: 'media pieces or op-eds',
  social_campaign: 'social media campaigns',
  legal_aid: 'legal aid',
  trial_monitoring: 'trial monitoring',
  other: 'other actions',
}

/** "letters to authorities", "UN submissions", "press releases". */
export function kindPlural(kind: ActionKind): string {
  const plural = PLURALS[kind]
  if (plural) return plural
  const label = labelOf(kind)
  return `${label.startsWith('UN') ? label : label.toLowerCase()}s`
}

const countOf = (n: number, noun = 'action') => `${n} ${noun}${n === 1 ? '' : 's'}`

/** One sentence computed from the data, e.g. "42 actions in 2023, most of them letters to authorities." */
export function summariseActions({
  byKind,
  range,
  subject,
  busiest,
}: {
  byKind: Partial<Record<ActionKind, number>>
  range: DateRange
  /** "for Idris Arsamikov", "by the LGBTI Intergroup" */
  subject?: string
  busiest?: { label: string; count: number } | null
}): string {
  const entries = ACTION_KINDS.map((kind) => [kind, byKind[kind] ?? 0] as const).filter(
    ([, n]) => n > 0,
  )
  const total = entries.reduce((sum, [, n]) => sum + n, 0)
  const about = `${describeRange(range)}${subject ? ` ${subject}` : ''}`
  if (total === 0) return `No advocacy actions recorded ${about}.`
  const [topKind, topCount] = [...entries].sort((a, b) => b[1] - a[1])[0]!
  const tied = entries.filter(([, n]) => n === topCount).length > 1
  const mix =
    total === 1
      ? ` (${labelOf(topKind).toLowerCase()})`
      : topCount === total
        ? `, all of them ${kindPlural(topKind)}`
        : topCount * 2 > total
          ? `, most of them ${kindPlural(topKind)}`
          : tied
            ? `, of ${entries.length} kinds`
            : `, most often ${kindPlural(topKind)} (${topCount})`
  const peak =
    busiest && total > 1 && busiest.count > 1 && busiest.count < total
      ? `; the busiest was ${busiest.label} with ${busiest.count}`
      : ''
  return `${countOf(total)} ${about}${mix}${peak}.`
}

// The table lives in ./chart-table; its CSV writer is imported from there by the server only, so
// csv-stringify (which needs Node's Buffer) never reaches a chart page's browser bundle.
export type { ChartTable } from './chart-table'

export type BucketCount = { bucket: string | null; kind: ActionKind; count: number }

export type ActionPoint = { key: string; label: string; total: number } & Partial<
  Record<ActionKind, number>
>

export type ActionSeries = {
  unit: BucketUnit
  range: DateRange
  /** Every kind with actions in the range, whatever the kinds filter: the legend can bring it back. */
  kindsPresent: { kind: ActionKind; count: number }[]
  /** The kinds drawn and tabulated, in vocabulary order. */
  kinds: ActionKind[]
  points: ActionPoint[]
  /** Actions in the range whose date is too coarse for a bucket (known only to the month or year). */
  unplaced: number
  byKind: Partial<Record<ActionKind, number>>
  total: number
  busiest: { label: string; count: number } | null
}

/**
 * The chart's data from the grouped counts of one SQL statement: every bucket of the range (empty
 * ones too), the selected kinds (none selected means all), and what could not be placed.
 */
export function buildActionSeries({
  counts,
  range,
  unit,
  kinds: selected = [],
}: {
  counts: readonly BucketCount[]
  range: DateRange
  unit: BucketUnit
  kinds?: readonly ActionKind[]
}): ActionSeries {
  const present = new Map<ActionKind, number>()
  for (const row of counts) present.set(row.kind, (present.get(row.kind) ?? 0) + row.count)
  const kindsPresent = ACTION_KINDS.filter((k) => present.has(k)).map((kind) => ({
    kind,
    count: present.get(kind)!,
  }))
  const kinds = selected.length
    ? ACTION_KINDS.filter((k) => selected.includes(k))
    : kindsPresent.map((k) => k.kind)
  const points = new Map<string, ActionPoint>(
    bucketsBetween(range, unit).map((key) => [
      key,
      { key, label: bucketLabel(key, unit), total: 0 } as ActionPoint,
    ]),
  )
  const byKind: Partial<Record<ActionKind, number>> = {}
  let unplaced = 0
  for (const row of counts) {
    if (!kinds.includes(row.kind)) continue
    byKind[row.kind] = (byKind[row.kind] ?? 0) + row.count
    const point = row.bucket === null ? undefined : points.get(row.bucket)
    if (!point) {
      unplaced += row.count
      continue
    }
    point[row.kind] = (point[row.kind] ?? 0) + row.count
    point.total += row.count
  }
  const list = [...points.values()]
  const top = list.reduce<ActionPoint | null>((a, b) => (b.total > (a?.total ?? 0) ? b : a), null)
  // A tie has no single busiest period: the summary then says nothing about it.
  const tied = top !== null && list.filter((p) => p.total === top.total).length > 1
  return {
    unit,
    range,
    kindsPresent,
    kinds,
    points: list,
    unplaced,
    byKind,
    total: list.reduce((sum, p) => sum + p.total, unplaced),
    busiest: top && !tied ? { label: top.label, count: top.total } : null,
  }
}

/** The table under the chart: a row per bucket, a column per kind and the total. */
export function actionsTable(series: ActionSeries, caption: string): ChartTable {
  const rows = series.points.map((point) => ({
    key: point.key,
    header: point.label,
    cells: [...series.kinds.map((kind) => point[kind] ?? 0), point.total],
  }))
  if (series.unplaced > 0) {
    const unplacedByKind = new Map<ActionKind, number>(
      series.kinds.map((kind) => [
        kind,
        (series.byKind[kind] ?? 0) - series.points.reduce((sum, p) => sum + (p[kind] ?? 0), 0),
      ]),
    )
    rows.push({
      key: 'unplaced',
      header: `Dated only to the ${series.unit === 'week' ? 'month or year' : 'year'}`,
      cells: [...series.kinds.map((kind) => unplacedByKind.get(kind) ?? 0), series.unplaced],
    })
  }
  return {
    caption,
    rowHeading: series.unit === 'week' ? 'Week' : labelOf(series.unit),
    columns: [...series.kinds.map(labelOf), 'Total'],
    rows,
  }
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
