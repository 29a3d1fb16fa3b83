// The dashboard narrowed to "cases I follow" or "sponsored by" an MEP (issue 13 §3, §4). The set is
// one user's follows or one actor's sponsorships (each read through its own index), joined to the
// cases the reader may see, so a narrowed figure is counted live over a few thousand cases at most,
// never over all of them, and a restricted case without a grant is never in it.
import { sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { addDays } from '../charts/chart'
import { isScoped, parseDashboardScope, type DashboardScope } from '../domain/dashboard-scope'
import { DEPRIVED_OF_LIBERTY, type CustodyState } from '../domain/vocabularies'
import { findVisibleActor } from './chart-choices.server'
import { searchSponsorActors } from './case-sponsor.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { actionVisibleTo } from './record-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

/** The ids of the cases in the scope that the reader may see. */
export type ScopedCases = SelectQueryBuilder<Database, 'cases', { id: number }>

export function scopedCases(db: Db, viewer: Viewer, scope: DashboardScope): ScopedCases {
  let query = db.selectFrom('cases').select('cases.id').where(caseVisibleTo(viewer))
  if (scope.following)
    query = query.where(
      'cases.id',
      'in',
      db.selectFrom('caseFollows').select('caseFollows.caseId').where('userId', '=', viewer.id),
    )
  if (scope.sponsorId !== undefined)
    query = query.where(
      'cases.id',
      'in',
      db
        .selectFrom('caseSponsors')
        .select('caseSponsors.caseId')
        .where('caseSponsors.actorId', '=', scope.sponsorId),
    )
  return query
}

const DEPRIVED = sql.join(DEPRIVED_OF_LIBERTY.map((state) => sql.lit(state)))

/**
 * The key figures over the scope's cases, as `getKeyFigures` counts them over all: cases, those
 * deprived of liberty, the median days in detention (from the last possible day of an imprecise
 * start, rounded down: never overstated) and the imprecise starts; the visible actions linked to
 * them in the last 30 days and the 30 before.
 */
export async function getScopedKeyFigures(
  db: Db,
  { viewer, today, cases }: { viewer: Viewer; today: string; cases: ScopedCases },
) {
  const start = sql`case c.detained_since_precision
    when 'day' then c.detained_since
    when 'month' then (date_trunc('month', c.detained_since::timestamp) + interval '1 month' - interval '1 day')::date
    else make_date(extract(year from c.detained_since)::int, 12, 31) end`
  const counted = sql<{
    casesTotal: number
    deprived: number
    medianDays: number | null
    impreciseStarts: number
  }>`
    with s as materialized (
      select c.current_custody_state in (${DEPRIVED}) as deprived,
        c.detained_since is not null as dated, c.detained_since_precision <> 'day' as imprecise,
        greatest(0, ${today}::date - ${start}) as days
      from cases as c where c.id in (${cases})
    )
    select count(*)::int as cases_total,
      count(*) filter (where deprived)::int as deprived,
      floor(percentile_cont(0.5) within group (order by days) filter (where deprived and dated))::int
        as median_days,
      count(*) filter (where deprived and dated and imprecise)::int as imprecise_starts
    from s`.execute(db)
  const actions = db
    .selectFrom('advocacyActions')
    .select([
      sql<number>`count(*) filter (where action_date >= ${addDays(today, -29)}::date)::int`.as(
        'last30',
      ),
      sql<number>`count(*) filter (where action_date < ${addDays(today, -29)}::date)::int`.as(
        'previous30',
      ),
    ])
    .where('advocacyActions.actionDate', '>=', addDays(today, -59))
    .where('advocacyActions.actionDate', '<=', today)
    .where('advocacyActions.id', 'in', actionsOf(db, cases))
    .where(actionVisibleTo(viewer))
    .executeTakeFirstOrThrow()
  const [{ rows }, counts] = await Promise.all([counted, actions])
  return { ...rows[0]!, ...counts }
}

/** The actions linked to any of the scope's cases (through action_cases' case index). */
export function actionsOf(db: Db, cases: ScopedCases) {
  return db
    .selectFrom('actionCases')
    .select('actionCases.actionId')
    .where('actionCases.caseId', 'in', cases)
}

/** The scope's cases per custody state or per country: most first, no value last. */
export async function countScopedCasesBy(
  db: Db,
  { cases, column }: { cases: ScopedCases; column: 'currentCustodyState' | 'country' },
) {
  const rows = await db
    .selectFrom('cases')
    .select([`cases.${column} as value`, sql<number>`count(*)::int`.as('count')])
    .where('cases.id', 'in', cases)
    .groupBy(`cases.${column}`)
    .orderBy(sql`count(*)`, 'desc')
    .orderBy(sql`${sql.ref(`cases.${column}`)} asc nulls last`)
    .execute()
  return rows as { value: string | null; count: number }[]
}

export const byCustodyState = (rows: { value: string | null; count: number }[]) =>
  rows.map((r) => ({ currentCustodyState: r.value as CustodyState | null, count: r.count }))
export const byCountry = (rows: { value: string | null; count: number }[]) =>
  rows.map((r) => ({ country: r.value, count: r.count }))

/**
 * The scope in the address, checked: a sponsor the reader may not see (or no such actor) is dropped
 * with a message, as an unknown case is; words typed in the sponsor box without JavaScript choose the
 * one person they find, or offer the several (`matches`) as links.
 */
export async function resolveDashboardScope(
  db: Db,
  {
    viewer,
    scope,
    sponsorQ,
    ignoredSponsor,
  }: { viewer: Viewer; scope: DashboardScope; sponsorQ?: string; ignoredSponsor: boolean },
) {
  const messages: string[] = []
  if (ignoredSponsor) messages.push('Ignored the sponsor in the address: it names no actor.')
  const unscoped = { following: scope.following }
  const found =
    scope.sponsorId === undefined
      ? undefined
      : await findVisibleActor(db, { viewer, id: scope.sponsorId })
  if (scope.sponsorId !== undefined && !found)
    messages.push('Ignored the sponsor in the address: no actor you can see has that number.')
  // The chosen person's name sent back unchanged (alone, or as the search box labels it, "Name (MEP,
  // group)") keeps the choice; emptied, it clears it; other words are searched.
  const unchanged =
    found && (sponsorQ === found.label || sponsorQ?.startsWith(`${found.label} (`) === true)
  if (sponsorQ === undefined || unchanged)
    return found
      ? { scope, sponsor: { text: found.label }, chosenFromWords: false, messages }
      : { scope: unscoped, sponsor: { text: '' }, chosenFromWords: false, messages }
  if (sponsorQ === '')
    return { scope: unscoped, sponsor: { text: '' }, chosenFromWords: true, messages }
  const matches = await searchSponsorActors(db, { viewer, q: sponsorQ })
  if (matches.length === 1)
    return {
      scope: { ...unscoped, sponsorId: matches[0]!.id },
      sponsor: { text: matches[0]!.label },
      chosenFromWords: true,
      messages,
    }
  if (matches.length === 0) messages.push(`No person matches “${sponsorQ}”.`)
  return {
    scope: unscoped,
    sponsor: { text: sponsorQ, matches: matches.length ? matches : undefined },
    chosenFromWords: false,
    messages,
  }
}

/** The scope of an address that carries only chosen ids (the CSV downloads), or undefined. */
export async function scopedCasesOf(db: Db, viewer: Viewer, params: URLSearchParams) {
  const { scope } = await resolveDashboardScope(db, {
    viewer,
    scope: parseDashboardScope(params),
    ignoredSponsor: false,
  })
  return isScoped(scope) ? scopedCases(db, viewer, scope) : undefined
}
