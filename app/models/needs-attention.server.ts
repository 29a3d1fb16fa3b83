// "Needs attention" at 100,000 cases: people deprived of liberty with no event and no action on or
// before today for `days` days, read from `case_activity` (migration 0007, kept by triggers in the
// same transaction as every write) instead of dating every case's timeline on each request; or among
// a set of cases.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { DEFAULT_ATTENTION_DAYS } from '../domain/attention'
import { addDays } from '../charts/chart'
import { todayIso } from '../domain/dates'
import { actionVisibleTo } from './record-visibility.server'
import type { ScopedCases } from './dashboard-scope.server'
import type { Viewer } from './case-visibility.server'
import type { CustodyState, DatePrecision } from '../domain/vocabularies'

type Db = Kysely<Database> | Transaction<Database>

/**
 * The latest visible action of a case on or before `today`: its actions newest first (from indexes
 * alone), each checked for visibility in that order until one is seen (`offset 0` keeps the order
 * before the check). An action also linked to a case hidden from this reader does not count.
 */
function latestVisibleAction(db: Db, viewer: Viewer, today: string, caseId: string) {
  return db
    .selectFrom(
      db
        .selectFrom('actionCases')
        .innerJoin('advocacyActions', 'advocacyActions.id', 'actionCases.actionId')
        .select([
          'advocacyActions.id',
          'advocacyActions.actionDate',
          'advocacyActions.restrictedCase',
        ])
        .where('actionCases.caseId', '=', sql.ref<number>(caseId))
        .where('advocacyActions.actionDate', '<=', today)
        .orderBy('advocacyActions.actionDate', 'desc')
        .offset(0)
        .as('advocacyActions'),
    )
    .select('advocacyActions.actionDate as d')
    .where((eb) =>
      actionVisibleTo(viewer)(eb as unknown as ExpressionBuilder<Database, 'advocacyActions'>),
    )
    .orderBy('advocacyActions.actionDate', 'desc')
    .limit(1)
}

/**
 * The cases listed, the longest silence first (never any activity counts as the longest), and
 * `total` the number of them. A `case_activity` row dates its case exactly for this reader when
 * today falls between its latest and next dates (it is "fresh") and, for a reader other than an
 * admin, when its newest action is not also linked to another restricted case (`shared_newest`):
 * such an action is visible only to some readers, so the row's seen date is only a lower bound.
 * Those rows, and the rows that are not fresh, are dated live from the timeline and the actions
 * with the reader's visibility; all others are counted from an index and the ten oldest read from
 * it in order.
 */
export async function listNeedsAttention(
  db: Db,
  {
    viewer,
    today = todayIso(),
    days = DEFAULT_ATTENTION_DAYS,
    limit = 10,
    cases,
  }: { viewer: Viewer; today?: string; days?: number; limit?: number; cases?: ScopedCases },
) {
  const cutoff = addDays(today, -days)
  // Narrowed to a set of cases (the dashboard's "cases I follow", "sponsored by"): its few rows by
  // the primary key instead of the partial indexes.
  const inScope = cases ? sql`a.case_id in (${cases})` : sql`true`
  const admin = viewer.role === 'admin'
  // Admins see every action, so any linked action dates the case; others see what the row says
  // anyone who may see the case sees.
  const key = admin ? sql.ref('a.any_key') : sql.ref('a.seen_key')
  const visible = admin
    ? sql`true`
    : sql`(not a.restricted or exists (select 1 from case_access as g
        where g.case_id = a.case_id and g.user_id = ${viewer.id}))`
  // Plain, for the partial indexes to find these rows; never null in `fresh` (a missing next date
  // makes no row stale), so that `not` keeps the others.
  const stale = sql`(a.event_next <= ${today}::date or a.action_next <= ${today}::date
    or a.any_key > ${today}::date)`
  const fresh = sql`not (coalesce(a.event_next <= ${today}::date, false)
    or coalesce(a.action_next <= ${today}::date, false) or a.any_key > ${today}::date)`
  const inexact = admin ? sql`false` : sql`a.shared_newest`
  const dated = (caseId: string) => sql<string | null>`greatest(
    (select max(e.event_date) from status_events as e
      where e.case_id = ${sql.ref(caseId)} and e.event_date <= ${today}::date),
    (${latestVisibleAction(db, viewer, today, caseId)}))`
  const quiet = (value: string) =>
    sql`coalesce(${sql.ref(value)}, '-infinity'::date) <= ${cutoff}::date`
  const { rows } = await sql<{
    id: number
    slug: string
    fullName: string
    currentCustodyState: CustodyState | null
    detainedSince: string | null
    detainedSincePrecision: DatePrecision | null
    lastActivityDate: string | null
    total: number
  }>`
    with counted as (
      select count(*)::int as n from case_activity as a
      where a.deprived and ${inScope} and ${key} <= ${cutoff}::date and ${visible}
    ),
    stale as materialized (
      select a.case_id as id, ${key} as k, ${dated('a.case_id')} as g from case_activity as a
      where a.deprived and ${inScope} and ${stale} and ${visible}
    ),
    exact_top as materialized (
      select a.case_id as id, ${key} as k from case_activity as a
      where a.deprived and ${inScope} and ${key} <= ${cutoff}::date and ${visible}
        and ${fresh} and not ${inexact}
      order by ${key}, a.case_id limit ${limit}
    ),
    bound as (
      select case when count(*) < ${limit} then ${cutoff}::date else max(k) end as u from exact_top
    ),
    inexact as materialized (
      select a.case_id as id, a.seen_key as k, ${dated('a.case_id')} as g from case_activity as a
      where a.deprived and ${inScope} and ${inexact} and a.seen_key <= ${cutoff}::date and ${visible}
        and ${fresh}
        and (a.seen_key <= (select u from bound) or a.action_latest > ${cutoff}::date)
    ),
    listed as (
      select id, nullif(k, '-infinity'::date) as g from exact_top
      union all
      select id, g from inexact where ${quiet('g')}
      union all
      select id, g from stale where ${quiet('g')}
      order by g asc nulls first, id limit ${limit}
    )
    select c.id, c.slug, c.full_name, c.current_custody_state, c.detained_since,
      c.detained_since_precision, listed.g as last_activity_date,
      ((select n from counted)
        - (select count(*) from stale where k <= ${cutoff}::date)
        + (select count(*) from stale where ${quiet('g')})
        - (select count(*) from inexact where not ${quiet('g')}))::int as total
    from listed join cases as c on c.id = listed.id
    where ${
      admin
        ? sql`true`
        : sql`(c.visibility <> 'restricted' or exists (select 1 from case_access as h
      where h.case_id = c.id and h.user_id = ${viewer.id}))`
    }
    order by listed.g asc nulls first, listed.id`.execute(db)
  return rows
}
