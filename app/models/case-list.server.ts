// The case list: search, filters, sort and pages (the counts are in case-facets.server.ts). Every
// statement starts from caseVisibleTo, so a case a user may not see is never listed nor counted.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { CASE_PAGE_SIZE, type CaseFilters, type CaseSort } from '../domain/case-filters'
import { searchTerms } from '../domain/text'
import { summariseCases } from './case-facets.server'
import { caseMatches } from './case-match.server'
import type { Viewer } from './case-visibility.server'

type Db = Kysely<Database>

/**
 * The day a detention is counted from: with month or year precision, the last possible day of that
 * period (as daysInDetention counts), so "longest detention first" agrees with the days shown.
 */
const detentionCountedFrom = sql`case ${sql.ref('cases.detainedSincePrecision')}
  when 'month' then (${sql.ref('cases.detainedSince')} + interval '1 month' - interval '1 day')::date
  when 'year' then (${sql.ref('cases.detainedSince')} + interval '1 year' - interval '1 day')::date
  else ${sql.ref('cases.detainedSince')} end`

/**
 * A search matching fewer cases than this reads them first and sorts them (a few milliseconds);
 * one matching more walks the sort's index until a page is found, which then comes quickly. The
 * planner cannot choose alone: it estimates a word prefix ("arsam:*") at 2 % of the cases however
 * rare it is, and walked all 100,000 to find one (docs/names-and-person-fields.md).
 */
const FEW_MATCHES = 5_000

function caseRows(
  db: Db,
  { viewer, filters, few }: { viewer: Viewer; filters: CaseFilters; few?: boolean },
) {
  const base = few
    ? db
        .with(
          (cte) => cte('matched').materialized(),
          (inner) =>
            inner.selectFrom('cases').select('cases.id').where(caseMatches({ viewer, filters })),
        )
        .selectFrom('cases')
        .where('cases.id', 'in', (eb) => eb.selectFrom('matched').select('matched.id'))
    : db.selectFrom('cases').where(caseMatches({ viewer, filters }))
  return base
    .leftJoin('users as owner', 'owner.id', 'cases.ownerId')
    .select([
      'cases.id',
      'cases.slug',
      'cases.fullName',
      'cases.displayName',
      'cases.country',
      'cases.riskLevel',
      'cases.visibility',
      'cases.currentCustodyState',
      'cases.currentLegalStage',
      'cases.detainedSince',
      'cases.detainedSincePrecision',
      'cases.updatedAt',
      'cases.ownerId',
      'owner.name as ownerName',
    ])
}

export type CaseListPage = {
  cases: Awaited<ReturnType<ReturnType<typeof caseRows>['execute']>>
  total: number
  page: number
  pageCount: number
  pageSize: number
}

/**
 * One page of the cases a viewer may see. `total` is the number of matching cases (from
 * summariseCases, which counts it with the facets); a page past the end answers with the last page.
 */
export async function listCasesForUser(
  db: Db,
  {
    viewer,
    filters,
    sort = 'updated',
    page = 1,
    pageSize = CASE_PAGE_SIZE,
    total,
  }: {
    viewer: Viewer
    filters: CaseFilters
    sort?: CaseSort
    page?: number
    pageSize?: number
    total?: number
  },
): Promise<CaseListPage> {
  const matching = total ?? (await summariseCases(db, { viewer, filters })).total
  const pageCount = Math.max(1, Math.ceil(matching / pageSize))
  const shown = Math.min(page, pageCount)
  const few = searchTerms(filters.q).length > 0 && matching <= FEW_MATCHES
  let query = caseRows(db, { viewer, filters, few })
  if (sort === 'name')
    query = query.orderBy(sql`lower(${sql.ref('cases.fullName')})`).orderBy('cases.fullName')
  else if (sort === 'detention') query = query.orderBy(sql`${detentionCountedFrom} asc nulls last`)
  else query = query.orderBy('cases.updatedAt', 'desc')
  const cases = await query
    .orderBy('cases.id')
    .limit(pageSize)
    .offset((shown - 1) * pageSize)
    .execute()
  return { cases, total: matching, page: shown, pageCount, pageSize }
}
