// Advocacy actions over time, counted in SQL: one grouped statement per chart (bucket × kind), in
// UTC calendar buckets of the stored `date` (cast to a timestamp without time zone, so the session's
// time zone cannot move an action into another month). The per-case chart adds the case's custody
// changes as reference lines.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import {
  actionsTable,
  addMonths,
  bucketStart,
  buildActionSeries,
  monthEnd,
  monthStart,
  summariseActions,
  type BucketCount,
  type BucketUnit,
  type ChartTable,
  type DateRange,
} from '../charts/chart'
import { formatPartialDate, todayIso } from '../domain/dates'
import { compareEvents, isUpcoming } from '../domain/status'
import { labelOf, type ActionKind, type CustodyState } from '../domain/vocabularies'
import { actionVisibleTo } from './action.server'
import { countVisibleActionDays } from './action-counts.server'
import type { Viewer } from './case-visibility.server'
import { actionsOf, type ScopedCases } from './dashboard-scope.server'

type Db = Kysely<Database> | Transaction<Database>

/** Only a date at least as precise as the bucket is placed in one; the others come back as null. */
function bucketOf(unit: BucketUnit) {
  const fits =
    unit === 'week'
      ? sql`advocacy_actions.date_precision = 'day'`
      : unit === 'year'
        ? sql`true`
        : sql`advocacy_actions.date_precision in ('day', 'month')`
  return sql<
    string | null
  >`case when ${fits} then date_trunc(${sql.lit(unit)}, advocacy_actions.action_date::timestamp)::date end`
}

/**
 * Actions in the range grouped by bucket and kind: from the daily summary for all visible actions,
 * otherwise in one statement using the (action_date, kind) index. `viewer: null` skips the
 * visibility rule: only for a case the caller already may see.
 */
export async function countActionsByBucket(
  db: Db,
  {
    viewer,
    range,
    unit,
    caseId,
    actorId,
    cases,
  }: {
    viewer: Viewer | null
    range: DateRange
    unit: BucketUnit
    caseId?: number
    actorId?: number
    /** Only actions linked to these cases (the dashboard's "cases I follow", "sponsored by"). */
    cases?: ScopedCases
  },
): Promise<BucketCount[]> {
  const bucket = bucketOf(unit)
  if (viewer && !caseId && !actorId && !cases)
    return countVisibleActionDays(db, viewer, range, bucket)
  let query = db
    .selectFrom('advocacyActions')
    .select([bucket.as('bucket'), 'advocacyActions.kind', sql<number>`count(*)::int`.as('count')])
    .where('advocacyActions.actionDate', '>=', range.from)
    .where('advocacyActions.actionDate', '<=', range.to)
  if (viewer) query = query.where(actionVisibleTo(viewer))
  if (actorId) query = query.where('advocacyActions.actorId', '=', actorId)
  if (cases) query = query.where('advocacyActions.id', 'in', actionsOf(db, cases))
  if (caseId)
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('actionCases')
          .select('actionCases.caseId')
          .whereRef('actionCases.actionId', '=', 'advocacyActions.id')
          .where('actionCases.caseId', '=', caseId),
      ),
    )
  return query.groupBy([bucket, 'advocacyActions.kind']).execute()
}

/** "the week of 20 February 2023" / "February 2023", for a sentence. */
const inSentence = (label: string) => label.replace(/^Week of/, 'the week of')

export async function getActionsOverTime(
  db: Db,
  {
    viewer,
    range,
    unit,
    kinds,
    caseId,
    actorId,
    subject,
    cases,
  }: {
    viewer: Viewer
    range: DateRange
    unit: BucketUnit
    kinds: ActionKind[]
    caseId?: number
    actorId?: number
    subject?: string
    cases?: ScopedCases
  },
) {
  const counts = await countActionsByBucket(db, { viewer, range, unit, caseId, actorId, cases })
  const series = buildActionSeries({ counts, range, unit, kinds })
  const summary = summariseActions({
    byKind: series.byKind,
    range,
    subject,
    busiest: series.busiest && { ...series.busiest, label: inSentence(series.busiest.label) },
  })
  const table = actionsTable(
    series,
    `Advocacy actions by ${unit === 'week' ? 'week' : 'month'} and kind${subject ? ` ${subject}` : ''}`,
  )
  return { series, summary, table }
}
export type ActionsOverTime = Awaited<ReturnType<typeof getActionsOverTime>>

export type CustodyChange = {
  date: string
  precision: 'day' | 'month' | 'year'
  state: CustodyState
  /** The bucket of the chart the line is drawn at. */
  bucket: string
  label: string
}

/** Per-case charts cover at most ten years; beyond three years they count by quarter. */
const CASE_CHART_MAX_MONTHS = 120
const CASE_CHART_MONTHLY_MONTHS = 36

/**
 * One case's actions over time with its custody changes (from the timeline, not upcoming ones), for
 * the case page. The caller has already checked that the reader may see the case; with `viewer`,
 * actions also linked to a case hidden from them are left out, as everywhere else.
 */
export async function getCaseActionChart(
  db: Db,
  { caseId, viewer, today = todayIso() }: { caseId: number; viewer?: Viewer; today?: string },
) {
  const [events, earliest] = await Promise.all([
    db
      .selectFrom('statusEvents')
      .select(['id', 'eventDate', 'datePrecision', 'createdAt', 'custodyState', 'legalStage'])
      .where('caseId', '=', caseId)
      .where('custodyState', 'is not', null)
      .execute(),
    db
      .selectFrom('actionCases')
      .innerJoin('advocacyActions', 'advocacyActions.id', 'actionCases.actionId')
      .select(sql<string | null>`min(advocacy_actions.action_date)`.as('first'))
      .where('actionCases.caseId', '=', caseId)
      .where(viewer ? actionVisibleTo(viewer) : sql<boolean>`true`)
      .executeTakeFirst(),
  ])
  const changes: Omit<CustodyChange, 'bucket'>[] = []
  for (const event of [...events].sort(compareEvents)) {
    if (isUpcoming(event, today) || !event.custodyState) continue
    if (changes.at(-1)?.state === event.custodyState) continue
    const when = formatPartialDate({ date: event.eventDate, precision: event.datePrecision })
    changes.push({
      date: event.eventDate,
      precision: event.datePrecision,
      state: event.custodyState,
      label: `${labelOf(event.custodyState)} (${when})`,
    })
  }
  const starts = [earliest?.first, changes[0]?.date].filter((d): d is string => Boolean(d))
  const oldest = addMonths(monthStart(today), -(CASE_CHART_MAX_MONTHS - 1))
  const first = starts.length ? starts.sort()[0]! : today
  const range = { from: first < oldest ? oldest : monthStart(first), to: monthEnd(today) }
  const months =
    (Number(today.slice(0, 4)) - Number(range.from.slice(0, 4))) * 12 +
    Number(today.slice(5, 7)) -
    Number(range.from.slice(5, 7))
  const unit: BucketUnit = months < CASE_CHART_MONTHLY_MONTHS ? 'month' : 'quarter'
  const counts = await countActionsByBucket(db, { viewer: viewer ?? null, range, unit, caseId })
  const series = buildActionSeries({ counts, range, unit })
  const custodyChanges: CustodyChange[] = changes
    .filter((c) => c.date >= range.from)
    .map((c) => ({ ...c, bucket: bucketStart(c.date, unit) }))
  return {
    series,
    custodyChanges,
    earlierChanges: changes.length - custodyChanges.length,
    summary: summariseActions({ byKind: series.byKind, range, busiest: series.busiest }),
    table: caseChartTable(series, custodyChanges),
  }
}
export type CaseActionChart = Awaited<ReturnType<typeof getCaseActionChart>>

/** Only the periods with an action or a custody change: a case's history is mostly quiet. */
function caseChartTable(
  series: ReturnType<typeof buildActionSeries>,
  changes: CustodyChange[],
): ChartTable {
  const table = actionsTable(series, 'Advocacy actions for this case, with its custody changes')
  const changeText = (key: string) =>
    changes
      .filter((c) => c.bucket === key)
      .map((c) => c.label)
      .join('; ')
  return {
    ...table,
    rowHeading: series.unit === 'quarter' ? 'Quarter' : table.rowHeading,
    columns: [...table.columns, 'Custody change'],
    rows: table.rows
      .map((row) => ({ ...row, cells: [...row.cells, changeText(row.key)] }))
      .filter((row) => row.key === 'unplaced' || Number(row.cells.at(-2)) > 0 || row.cells.at(-1)),
  }
}
