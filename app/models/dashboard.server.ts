// What the dashboard shows, each part one SQL statement over the cases the reader may see: key
// figures, cases by custody state and by country, who needs attention, what is coming up, and the
// latest changes. Dates are compared with "today" computed once in UTC, never the session's clock.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { addDays, UNKNOWN_FILTER, type ChartQuery } from '../charts/chart'
import { todayIso } from '../domain/dates'
import { DEPRIVED_OF_LIBERTY, type CustodyState } from '../domain/vocabularies'
import { actionVisibleTo } from './action.server'
import { visibleActionDays } from './action-counts.server'
import { actorVisibleTo } from './record-visibility.server'
import { CASE_FACET_KEYS } from './case-facets.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { actionsOf, type ScopedCases } from './dashboard-scope.server'

type Db = Kysely<Database> | Transaction<Database>

const DEPRIVED = sql.join(DEPRIVED_OF_LIBERTY.map((state) => sql.lit(state)))

/**
 * The detention start the domain counts days from (app/domain/status.ts): the start itself, or the
 * last possible day of its month or year when only that is known. As migration 0007 keys
 * `detention_start_counts`.
 */
const DETENTION_START = sql`case c.detained_since_precision
    when 'day' then c.detained_since
    when 'month' then (date_trunc('month', c.detained_since::timestamp) + interval '1 month' - interval '1 day')::date
    else make_date(extract(year from c.detained_since)::int, 12, 31) end`

/**
 * Visible cases, those deprived of liberty, the median days in detention and the imprecise starts,
 * from the summaries kept by triggers (`case_facet_counts`, `detention_start_counts`): their rows
 * without restricted cases plus the restricted cases this reader was granted (all for an admin), so
 * no request reads every case. The median is found by walking the starts in order: the middle one
 * or two of them, as `percentile_cont(0.5)` over the days in detention would pick (days fall as the
 * start rises), rounded down so it never overstates (DESIGN.md, days in detention).
 */
async function countVisibleCases(db: Db, viewer: Viewer, today: string) {
  const admin = viewer.role === 'admin'
  const summaryOnly = admin ? sql`true` : sql`not restricted`
  const deprived = sql`c.current_custody_state in (${DEPRIVED})`
  const { rows } = await sql<{
    casesTotal: number
    deprived: number
    medianDays: number | null
    impreciseStarts: number
  }>`
    with granted as materialized (
      select ${deprived} as deprived, c.detained_since is not null as dated, ${DETENTION_START} as start,
        c.detained_since_precision <> 'day' as imprecise
      from case_access as g join cases as c on c.id = g.case_id
      where g.user_id = ${viewer.id} and c.visibility = 'restricted' and ${sql.lit(!admin)}
    ),
    starts as (
      select start, n, imprecise from detention_start_counts where ${summaryOnly}
      union all
      select start, 1, imprecise from granted where deprived and dated
    ),
    by_start as (select start, sum(n)::int as n from starts group by start),
    run as (select start, n, (sum(n) over (order by start))::int - n as before from by_start),
    total as (select coalesce(sum(n), 0)::int as n from by_start),
    middle as (
      select (select start from run where run.before <= (total.n - 1) / 2
                and (total.n - 1) / 2 < run.before + run.n) as s1,
             (select start from run where run.before <= total.n / 2
                and total.n / 2 < run.before + run.n) as s2
      from total
    ),
    counted as (
      select coalesce(sum(n) filter (where facet = 'total'), 0)::int as cases,
        coalesce(sum(n) filter (where facet = 'custody' and value in (${DEPRIVED})), 0)::int as deprived
      from case_facet_counts where facet in ('total', 'custody') and ${summaryOnly}
    )
    select
      (select cases from counted) + (select count(*) from granted)::int as cases_total,
      (select deprived from counted) + (select count(*) filter (where deprived) from granted)::int
        as deprived,
      (select floor((greatest(0, ${today}::date - s1) + greatest(0, ${today}::date - s2)) / 2.0)::int
        from middle where s1 is not null) as median_days,
      (select coalesce(sum(n) filter (where imprecise), 0)::int from starts) as imprecise_starts`.execute(
    db,
  )
  return rows[0]!
}

export async function getKeyFigures(
  db: Db,
  { viewer, today = todayIso() }: { viewer: Viewer; today?: string },
) {
  const [cases, actions] = await Promise.all([
    countVisibleCases(db, viewer, today),
    db
      .selectFrom(
        visibleActionDays(db, viewer, { from: addDays(today, -59), to: today }).as('days'),
      )
      .select([
        sql<number>`coalesce(sum(n) filter (where action_date >= ${addDays(today, -29)}::date), 0)::int`.as(
          'last30',
        ),
        sql<number>`coalesce(sum(n) filter (where action_date < ${addDays(today, -29)}::date), 0)::int`.as(
          'previous30',
        ),
      ])
      .executeTakeFirstOrThrow(),
  ])
  return { ...cases, ...actions }
}
export type KeyFigures = Awaited<ReturnType<typeof getKeyFigures>>

/**
 * Visible cases per value of one column, from `case_facet_counts` (kept in step with every write to
 * `cases` by triggers, migration 0004): the unrestricted summary rows plus the restricted cases the
 * reader was granted, so no request counts 100,000 cases. Cases with no value are the total less the
 * others (the summary keeps no row for a missing value); most first, then by value, no value last.
 */
async function countVisibleCasesBy(db: Db, viewer: Viewer, facet: 'custody' | 'country') {
  const granted = sql`
    select k.facet, k.value, 1 as n
    from cases as c
    join case_access as a on a.case_id = c.id and a.user_id = ${viewer.id}
    ${CASE_FACET_KEYS}
    where c.visibility = 'restricted' and k.value is not null and k.facet in ('total', ${facet})`
  const summary =
    viewer.role === 'admin'
      ? sql`select facet, value, n from case_facet_counts where facet in ('total', ${facet})`
      : sql`select facet, value, n from case_facet_counts
            where not restricted and facet in ('total', ${facet})
            union all ${granted}`
  const result = await sql<{ value: string | null; count: number }>`
    with g as (select s.facet, s.value, sum(s.n)::int as count from (${summary}) as s
               group by s.facet, s.value)
    select value, count from (
      select g.value, g.count from g where g.facet = ${facet}
      union all
      select null, (select coalesce(sum(count), 0) from g where facet = 'total')::int
        - (select coalesce(sum(count), 0) from g where facet = ${facet})::int
    ) as r
    where count > 0
    order by count desc, value asc nulls last`.execute(db)
  return result.rows
}

export async function countCasesByCustodyState(db: Db, { viewer }: { viewer: Viewer }) {
  const rows = await countVisibleCasesBy(db, viewer, 'custody')
  return rows.map((r) => ({
    currentCustodyState: r.value as CustodyState | null,
    count: r.count,
  }))
}

export async function countCasesByCountry(db: Db, { viewer }: { viewer: Viewer }) {
  const rows = await countVisibleCasesBy(db, viewer, 'country')
  return rows.map((r) => ({ country: r.value, count: r.count }))
}

export { listNeedsAttention } from './needs-attention.server'

/** Scheduled events (hearings, appeal dates) after today and within `days`, soonest first. */
export function listUpcomingEvents(
  db: Db,
  {
    viewer,
    today = todayIso(),
    days = 30,
    cases,
  }: { viewer: Viewer; today?: string; days?: number; cases?: ScopedCases },
) {
  let query = db
    .selectFrom('statusEvents')
    .innerJoin('cases', 'cases.id', 'statusEvents.caseId')
    .select([
      'statusEvents.id',
      'statusEvents.eventDate',
      'statusEvents.datePrecision',
      'statusEvents.custodyState',
      'statusEvents.legalStage',
      'statusEvents.description',
      'cases.slug',
      'cases.fullName',
    ])
    .where('statusEvents.eventDate', '>', today)
    .where('statusEvents.eventDate', '<=', addDays(today, days))
    .where(caseVisibleTo(viewer))
  if (cases) query = query.where('statusEvents.caseId', 'in', cases)
  return query.orderBy('statusEvents.eventDate').orderBy('statusEvents.id').limit(20).execute()
}

/**
 * The latest status events and actions, newest change first, with who made the change: the newest
 * `limit` visible of each are read from their `updated_at` indexes, then merged.
 */
export function listRecentUpdates(
  db: Db,
  { viewer, limit = 10, cases }: { viewer: Viewer; limit?: number; cases?: ScopedCases },
) {
  let events = db
    .selectFrom('statusEvents')
    .innerJoin('cases', 'cases.id', 'statusEvents.caseId')
    .leftJoin('users', 'users.id', 'statusEvents.updatedBy')
    .select([
      sql<'event' | 'action'>`'event'`.as('type'),
      'statusEvents.id',
      'statusEvents.updatedAt',
      'statusEvents.version',
      'statusEvents.eventDate as date',
      'statusEvents.datePrecision',
      sql<string | null>`coalesce(status_events.custody_state, status_events.legal_stage)`.as(
        'code',
      ),
      'statusEvents.description as text',
      sql<string | null>`cases.slug`.as('slug'),
      sql<string | null>`cases.full_name`.as('fullName'),
      'users.name as userName',
    ])
    .where(caseVisibleTo(viewer))
    .orderBy('statusEvents.updatedAt', 'desc')
    .orderBy('statusEvents.id', 'desc')
    .limit(limit)
  if (cases) events = events.where('statusEvents.caseId', 'in', cases)
  let actions = db
    .selectFrom('advocacyActions')
    .leftJoin('users', 'users.id', 'advocacyActions.updatedBy')
    .select([
      sql<'event' | 'action'>`'action'`.as('type'),
      'advocacyActions.id',
      'advocacyActions.updatedAt',
      'advocacyActions.version',
      'advocacyActions.actionDate as date',
      'advocacyActions.datePrecision',
      'advocacyActions.kind as code',
      'advocacyActions.title as text',
      sql<string | null>`null`.as('slug'),
      sql<string | null>`null`.as('fullName'),
      'users.name as userName',
    ])
    .where(actionVisibleTo(viewer))
    .orderBy('advocacyActions.updatedAt', 'desc')
    .orderBy('advocacyActions.id', 'desc')
    .limit(limit)
  if (cases) actions = actions.where('advocacyActions.id', 'in', actionsOf(db, cases))
  return db
    .selectFrom(events.as('e'))
    .selectAll()
    .unionAll(db.selectFrom(actions.as('a')).selectAll())
    .orderBy('updatedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** The case and actor a chart is filtered by, if the reader may see them; otherwise a message. */
export async function resolveChartFilters(
  db: Db,
  { viewer, query }: { viewer: Viewer; query: ChartQuery },
) {
  const [caseRow, actorRow] = await Promise.all([
    query.caseId
      ? db
          .selectFrom('cases')
          .select(['id', 'fullName'])
          .where('id', '=', query.caseId)
          .where(caseVisibleTo(viewer))
          .executeTakeFirst()
      : undefined,
    query.actorId
      ? db
          .selectFrom('actors')
          .select(['id', 'name'])
          .where('actors.id', '=', query.actorId)
          .where(actorVisibleTo(viewer))
          .executeTakeFirst()
      : undefined,
  ])
  const messages = [...query.messages]
  if (query.caseId && !caseRow) messages.push(UNKNOWN_FILTER.case)
  if (query.actorId && !actorRow) messages.push(UNKNOWN_FILTER.actor)
  const subject = [caseRow ? `for ${caseRow.fullName}` : '', actorRow ? `by ${actorRow.name}` : '']
    .filter(Boolean)
    .join(' ')
  return {
    ...query,
    caseId: caseRow?.id,
    actorId: actorRow?.id,
    caseName: caseRow?.fullName,
    actorName: actorRow?.name,
    subject: subject || undefined,
    messages,
  }
}
export type ResolvedChartQuery = Awaited<ReturnType<typeof resolveChartFilters>>
