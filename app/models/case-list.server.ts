// The case list: search, filters, sort and pages, and the count of cases behind every filter value
// (facets). Every statement starts from caseVisibleTo, so a case a user may not see is never listed
// and never counted. Two statements a page: one for the rows, one for all the facets.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import {
  CASE_PAGE_SIZE,
  FACET_KEYS,
  type CaseFilters,
  type CaseSort,
  type FacetKey,
} from '../domain/case-filters'
import { toPrefixTsQuery } from '../domain/text'
import { caseVisibleTo, type Viewer } from './case-visibility.server'

type Db = Kysely<Database>

/**
 * The cases a viewer may see that match the search and the filters, leaving out the filter named by
 * `except` (a facet counts the cases matching every filter but its own).
 */
export function caseMatches({
  viewer,
  filters,
  except,
}: {
  viewer: Viewer
  filters: CaseFilters
  except?: FacetKey
}) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    const conditions: Expression<SqlBool>[] = [caseVisibleTo(viewer)(eb)]
    const tsQuery = toPrefixTsQuery(filters.q)
    // toPrefixTsQuery keeps only letters and digits, and the result is a bound parameter.
    if (tsQuery)
      conditions.push(
        sql<SqlBool>`${sql.ref('cases.searchVector')} @@ to_tsquery('simple', ${tsQuery})`,
      )
    const use = (key: FacetKey) => key !== except && filters[key] !== undefined
    if (use('custody')) conditions.push(eb('cases.currentCustodyState', '=', filters.custody!))
    if (use('stage')) conditions.push(eb('cases.currentLegalStage', '=', filters.stage!))
    if (use('country')) conditions.push(eb('cases.country', '=', filters.country!))
    if (use('ground'))
      conditions.push(
        sql<SqlBool>`${sql.ref('cases.grounds')} @> ARRAY[${filters.ground!}]::text[]`,
      )
    if (use('risk')) conditions.push(eb('cases.riskLevel', '=', filters.risk!))
    if (use('visibility')) conditions.push(eb('cases.visibility', '=', filters.visibility!))
    if (use('owner')) conditions.push(eb('cases.ownerId', '=', filters.owner!))
    return eb.and(conditions)
  }
}

/**
 * The day a detention is counted from: with month or year precision, the last possible day of that
 * period (as daysInDetention counts), so "longest detention first" agrees with the days shown.
 */
const detentionCountedFrom = sql`case ${sql.ref('cases.detainedSincePrecision')}
  when 'month' then (${sql.ref('cases.detainedSince')} + interval '1 month' - interval '1 day')::date
  when 'year' then (${sql.ref('cases.detainedSince')} + interval '1 year' - interval '1 day')::date
  else ${sql.ref('cases.detainedSince')} end`

function caseRows(db: Db, { viewer, filters }: { viewer: Viewer; filters: CaseFilters }) {
  return db
    .selectFrom('cases')
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
      sql<number>`(count(*) over ())::int`.as('total'),
    ])
    .where(caseMatches({ viewer, filters }))
}

export type CaseListPage = {
  cases: Omit<Awaited<ReturnType<ReturnType<typeof caseRows>['execute']>>[number], 'total'>[]
  total: number
  page: number
  pageCount: number
  pageSize: number
}

/**
 * One page of the cases a viewer may see, with the number of matching cases. A page past the end
 * answers with the last page.
 */
export async function listCasesForUser(
  db: Db,
  {
    viewer,
    filters,
    sort = 'updated',
    page = 1,
    pageSize = CASE_PAGE_SIZE,
  }: { viewer: Viewer; filters: CaseFilters; sort?: CaseSort; page?: number; pageSize?: number },
): Promise<CaseListPage> {
  let query = caseRows(db, { viewer, filters })
  if (sort === 'name')
    query = query.orderBy(sql`lower(${sql.ref('cases.fullName')})`).orderBy('cases.fullName')
  else if (sort === 'detention') query = query.orderBy(sql`${detentionCountedFrom} asc nulls last`)
  else query = query.orderBy('cases.updatedAt', 'desc')
  const rows = await query
    .orderBy('cases.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()

  if (rows.length === 0 && page > 1) {
    const { count } = await db
      .selectFrom('cases')
      .select(sql<number>`count(*)::int`.as('count'))
      .where(caseMatches({ viewer, filters }))
      .executeTakeFirstOrThrow()
    const lastPage = Math.max(1, Math.ceil(count / pageSize))
    if (lastPage < page)
      return listCasesForUser(db, { viewer, filters, sort, page: lastPage, pageSize })
  }
  const total = rows[0]?.total ?? 0
  return {
    cases: rows.map(({ total: _total, ...row }) => row),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    pageSize,
  }
}

export type FacetCount = { value: string; label: string | null; count: number }
export type CaseFacets = Record<FacetKey, FacetCount[]>

/**
 * For every filter, how many visible cases each of its values would leave, given the search and
 * the other filters (standard faceting). One statement: a UNION ALL of one GROUP BY per filter.
 * Values no matching case has are absent (count 0); cases without a value (no owner, no country,
 * no status yet) are not counted under any value.
 */
export async function countCaseFacets(
  db: Db,
  { viewer, filters }: { viewer: Viewer; filters: CaseFilters },
): Promise<CaseFacets> {
  const count = sql<number>`count(*)::int`.as('count')
  const facetName = (key: FacetKey) => sql<string>`${sql.lit(key)}::text`.as('facet')
  const noLabel = sql<string | null>`null::text`.as('label')
  const byColumn = (
    facet: FacetKey,
    column: 'currentCustodyState' | 'currentLegalStage' | 'country' | 'riskLevel' | 'visibility',
  ) =>
    db
      .selectFrom('cases')
      .select([
        facetName(facet),
        sql<string>`${sql.ref(`cases.${column}`)}::text`.as('value'),
        noLabel,
        count,
      ])
      .where(caseMatches({ viewer, filters, except: facet }))
      .where(`cases.${column}`, 'is not', null)
      .groupBy(`cases.${column}`)

  const byGround = db
    // A function in FROM named `g` yields one column also named `g`: one row per case and ground.
    .selectFrom(['cases', sql<{ g: string }>`unnest(${sql.ref('cases.grounds')})`.as('g')])
    .select([facetName('ground'), sql<string>`g.g`.as('value'), noLabel, count])
    .where(caseMatches({ viewer, filters, except: 'ground' }))
    .groupBy(sql`g.g`)

  const byOwner = db
    .selectFrom('cases')
    .innerJoin('users as owner', 'owner.id', 'cases.ownerId')
    .select([
      facetName('owner'),
      sql<string>`owner.id::text`.as('value'),
      sql<string | null>`owner.name`.as('label'),
      count,
    ])
    .where(caseMatches({ viewer, filters, except: 'owner' }))
    .groupBy(['owner.id', 'owner.name'])

  const rows = await byColumn('custody', 'currentCustodyState')
    .unionAll(byColumn('stage', 'currentLegalStage'))
    .unionAll(byColumn('country', 'country'))
    .unionAll(byColumn('risk', 'riskLevel'))
    .unionAll(byColumn('visibility', 'visibility'))
    .unionAll(byGround)
    .unionAll(byOwner)
    .execute()

  const facets = Object.fromEntries(FACET_KEYS.map((key) => [key, []])) as unknown as CaseFacets
  for (const row of rows) {
    facets[row.facet as FacetKey].push({ value: row.value, label: row.label, count: row.count })
  }
  for (const key of FACET_KEYS) {
    facets[key].sort((a, b) => (a.label ?? a.value).localeCompare(b.label ?? b.value, 'en'))
  }
  return facets
}
