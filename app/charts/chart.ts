// Charts of advocacy actions, pure: the table every chart is drawn from, the one-sentence summary
// above it, and the series of counts per bucket and kind. The calendar buckets (chart-buckets.ts) and
// the date range and filters a reader asks for (chart-range.ts) are re-exported from here.
import type { ChartTable } from './table'
import { bucketLabel, bucketsBetween, type BucketUnit, type DateRange } from './buckets'
import { describeRange } from './range'
import { ACTION_KINDS, labelOf, type ActionKind } from '../domain/vocabularies'

export * from './buckets'
export * from './range'

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
export type { ChartTable } from './table'

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
