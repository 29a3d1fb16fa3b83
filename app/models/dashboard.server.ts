// What the dashboard shows, each part one SQL statement over the cases the reader may see: key
// figures, cases by custody state and by country, who needs attention, what is coming up, and the
// latest changes. Dates are compared with "today" computed once in UTC, never the session's clock.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { DEFAULT_ATTENTION_DAYS } from '../domain/attention'
import { addDays, UNKNOWN_FILTER, type ChartQuery } from '../domain/chart'
import { todayIso } from '../domain/dates'
import { DEPRIVED_OF_LIBERTY, type CustodyState } from '../domain/vocabularies'
import { actionVisibleTo } from './action.server'
import { actorVisibleTo } from './record-visibility.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

const DEPRIVED = sql.join(DEPRIVED_OF_LIBERTY.map((state) => sql.lit(state)))

/**
 * Days in detention as the domain counts them (app/domain/status.ts): from the detention start, or
 * from the last possible day of its month or year when only that is known, never below zero.
 */
function detentionDays(today: string) {
  return sql`greatest(0, ${today}::date - case cases.detained_since_precision
    when 'day' then cases.detained_since
    when 'month' then (date_trunc('month', cases.detained_since::timestamp) + interval '1 month' - interval '1 day')::date
    else make_date(extract(year from cases.detained_since)::int, 12, 31) end)`
}

export async function getKeyFigures(
  db: Db,
  { viewer, today = todayIso() }: { viewer: Viewer; today?: string },
) {
  const deprived = sql`cases.current_custody_state in (${DEPRIVED})`
  const [cases, actions] = await Promise.all([
    db
      .selectFrom('cases')
      .select([
        sql<number>`count(*)::int`.as('casesTotal'),
        sql<number>`(count(*) filter (where ${deprived}))::int`.as('deprived'),
        // The median rounded down, so it never overstates (DESIGN.md, days in detention).
        sql<
          number | null
        >`floor(percentile_cont(0.5) within group (order by ${detentionDays(today)})
          filter (where ${deprived} and cases.detained_since is not null))::int`.as('medianDays'),
        sql<number>`(count(*) filter (where ${deprived} and cases.detained_since_precision in ('month', 'year')))::int`.as(
          'impreciseStarts',
        ),
      ])
      .where(caseVisibleTo(viewer))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('advocacyActions')
      .select([
        sql<number>`(count(*) filter (where advocacy_actions.action_date >= ${addDays(today, -29)}::date))::int`.as(
          'last30',
        ),
        sql<number>`(count(*) filter (where advocacy_actions.action_date < ${addDays(today, -29)}::date))::int`.as(
          'previous30',
        ),
      ])
      .where('advocacyActions.actionDate', '>=', addDays(today, -59))
      .where('advocacyActions.actionDate', '<=', today)
      .where(actionVisibleTo(viewer))
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
    cross join lateral case_facet_keys(
      c.visibility, c.current_custody_state, c.current_legal_stage, c.country, c.risk_level,
      c.owner_id, c.grounds
    ) as k
    where c.visibility = 'restricted' and k.facet in ('total', ${facet})`
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

/**
 * People deprived of liberty with no event and no action on or before today for `days` days, the
 * longest silence first (never any activity counts as the longest), with `total` the number of them.
 * At 100,000 cases this avoids dating every quiet case's actions: `quiet` dates each candidate by its
 * latest event (one index probe) and drops those with a visible action in the window; the latest
 * visible action is then looked up for the 200 with the oldest events, whose tenth-oldest activity
 * bounds the answer: only cases whose latest event is no later than that bound can be in the list.
 */
export function listNeedsAttention(
  db: Db,
  {
    viewer,
    today = todayIso(),
    days = DEFAULT_ATTENTION_DAYS,
    limit = 10,
    sample = Math.max(200, limit * 20),
  }: {
    viewer: Viewer
    today?: string
    days?: number
    limit?: number
    /** How many of the cases with the oldest latest event are fully dated to bound the list. */
    sample?: number
  },
) {
  const cutoff = addDays(today, -days)
  // The latest visible action of a case: its actions newest first (from indexes alone), each checked
  // for visibility in that order until one is seen (`offset 0` keeps the order before the check).
  const latestVisibleAction = (caseId: string) =>
    db
      .selectFrom(
        db
          .selectFrom('actionCases')
          .innerJoin('advocacyActions', 'advocacyActions.id', 'actionCases.actionId')
          .select(['advocacyActions.id', 'advocacyActions.actionDate'])
          .where('actionCases.caseId', '=', sql.ref<number>(caseId))
          .where('advocacyActions.actionDate', '<=', today)
          .orderBy('advocacyActions.actionDate', 'desc')
          .offset(0)
          .as('advocacyActions'),
      )
      .select('advocacyActions.actionDate as d')
      // An action also linked to a case hidden from this reader must not date the activity.
      .where((eb) =>
        actionVisibleTo(viewer)(eb as unknown as ExpressionBuilder<Database, 'advocacyActions'>),
      )
      // Ordered again: the order of a subquery does not bind the outer query (it costs no sort here).
      .orderBy('advocacyActions.actionDate', 'desc')
      .limit(1)
  return db
    .with(
      (wb) => wb('quiet').materialized(),
      (qb) =>
        qb
          .selectFrom('cases')
          .leftJoinLateral(
            (eb) =>
              eb
                .selectFrom('statusEvents')
                .select('statusEvents.eventDate as d')
                .whereRef('statusEvents.caseId', '=', 'cases.id')
                .where('statusEvents.eventDate', '<=', today)
                .orderBy('statusEvents.eventDate', 'desc')
                .limit(1)
                .as('latestEvent'),
            (join) => join.onTrue(),
          )
          .select(['cases.id', 'latestEvent.d as e'])
          .where('cases.currentCustodyState', 'in', DEPRIVED_OF_LIBERTY)
          .where(caseVisibleTo(viewer))
          .where((eb) =>
            eb.or([eb('latestEvent.d', 'is', null), eb('latestEvent.d', '<=', cutoff)]),
          )
          .where((eb) =>
            eb.not(
              eb.exists(
                eb
                  .selectFrom('actionCases')
                  .innerJoin('advocacyActions', 'advocacyActions.id', 'actionCases.actionId')
                  .select('actionCases.caseId')
                  .whereRef('actionCases.caseId', '=', 'cases.id')
                  .where('advocacyActions.actionDate', '>', cutoff)
                  .where('advocacyActions.actionDate', '<=', today)
                  .where(actionVisibleTo(viewer)),
              ),
            ),
          ),
    )
    .with(
      (wb) => wb('sample').materialized(),
      (qb) =>
        qb
          .selectFrom((eb) =>
            eb
              .selectFrom('quiet')
              .select(['quiet.id', 'quiet.e'])
              .orderBy(sql`quiet.e asc nulls first`)
              .orderBy('quiet.id')
              .limit(sample)
              .as('s'),
          )
          .select([
            's.id',
            sql<string | null>`greatest(s.e, (${latestVisibleAction('s.id')}))`.as('g'),
          ]),
    )
    .with('bound', (qb) =>
      qb
        .selectFrom('sample')
        .select(sql<string>`coalesce(sample.g, '-infinity'::date)`.as('t'))
        .orderBy(sql`sample.g asc nulls first`)
        .orderBy('sample.id')
        .offset(limit - 1)
        .limit(1),
    )
    .with(
      (wb) => wb('listed').materialized(),
      (qb) =>
        qb
          .selectFrom('quiet')
          .select([
            'quiet.id',
            sql<string | null>`greatest(quiet.e, (${latestVisibleAction('quiet.id')}))`.as('g'),
          ])
          // Fewer than `limit` quiet cases leave no bound: then all of them are dated.
          .where((eb) =>
            eb.or([
              eb('quiet.e', 'is', null),
              sql<boolean>`not exists (select 1 from bound)`,
              sql<boolean>`quiet.e <= (select t from bound)`,
            ]),
          )
          .orderBy(sql`g asc nulls first`)
          .orderBy('quiet.id')
          .limit(limit),
    )
    .selectFrom('listed')
    .innerJoin('cases', 'cases.id', 'listed.id')
    .select([
      'cases.id',
      'cases.slug',
      'cases.fullName',
      'cases.currentCustodyState',
      'cases.detainedSince',
      'cases.detainedSincePrecision',
      'listed.g as lastActivityDate',
      sql<number>`(select count(*) from quiet)::int`.as('total'),
    ])
    .orderBy(sql`listed.g asc nulls first`)
    .orderBy('cases.id')
    .execute()
}

/** Scheduled events (hearings, appeal dates) after today and within `days`, soonest first. */
export function listUpcomingEvents(
  db: Db,
  { viewer, today = todayIso(), days = 30 }: { viewer: Viewer; today?: string; days?: number },
) {
  return db
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
    .orderBy('statusEvents.eventDate')
    .orderBy('statusEvents.id')
    .limit(20)
    .execute()
}

/**
 * The latest status events and actions, newest change first, with who made the change: the newest
 * `limit` visible of each are read from their `updated_at` indexes, then merged.
 */
export function listRecentUpdates(
  db: Db,
  { viewer, limit = 10 }: { viewer: Viewer; limit?: number },
) {
  const events = db
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
  const actions = db
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
