// How many cases the case list matches, and how many each filter value would leave (facets), without
// counting every case on every request. A facet counts the cases matching every filter but its own.
// Where that set is "every case the reader may see" — the unfiltered list, and a filter's own facet
// when it is the only filter — the counts come from `case_facet_counts`, which triggers keep in step
// with every write to `cases` (migration 0004). With one filter and no search, the other facets and
// the total come from `case_facet_pair_counts` (migration 0013), kept the same way. The rest is
// counted live, one pass per distinct set: one GROUPING SETS statement for the column facets and the
// total, one for the grounds.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { FACET_KEYS, type CaseFilters, type FacetKey } from '../domain/case-filters'
import { toPrefixTsQuery } from '../domain/text'
import type { Viewer } from './case-visibility.server'
import { caseMatches } from './case-match.server'

type Db = Kysely<Database>

export type FacetCount = { value: string; label: string | null; count: number }
export type CaseFacets = Record<FacetKey, FacetCount[]>
export type CaseSummary = { total: number; facets: CaseFacets }

type Count = { facet: FacetKey | 'total'; value: string; label: string | null; count: number }

const COLUMN_OF = {
  custody: 'cases.currentCustodyState',
  stage: 'cases.currentLegalStage',
  country: 'cases.country',
  risk: 'cases.riskLevel',
  visibility: 'cases.visibility',
  owner: 'cases.ownerId',
} as const
type ColumnFacet = keyof typeof COLUMN_OF

/**
 * The (facet, value) keys of the case aliased `c`, as `case_facet_keys` (migration 0004) lists them,
 * written inline: the function is called once per row, three times slower over thousands of granted
 * cases. For the restricted cases a reader was granted, counted beside the summaries.
 */
export const CASE_FACET_KEYS = sql`cross join lateral (
      values ('total', 'all'), ('custody', c.current_custody_state),
        ('stage', c.current_legal_stage), ('country', c.country), ('risk', c.risk_level),
        ('visibility', c.visibility), ('owner', c.owner_id::text)
      union all select 'ground', g from unnest(c.grounds) as g
    ) as k (facet, value)`

/** The summary rows a reader may count: every unrestricted case, and restricted ones they may see. */
async function summaryCounts(db: Db, viewer: Viewer): Promise<Count[]> {
  const restrictedGranted = sql`
    select k.facet, k.value, 1 as n
    from cases as c
    join case_access as a on a.case_id = c.id and a.user_id = ${viewer.id}
    ${CASE_FACET_KEYS}
    where c.visibility = 'restricted' and k.value is not null`
  const rows =
    viewer.role === 'admin'
      ? sql`select facet, value, n from case_facet_counts`
      : sql`select facet, value, n from case_facet_counts where not restricted
            union all ${restrictedGranted}`
  const result = await sql<Count>`
    select s.facet, s.value, max(u.name) as label, sum(s.n)::int as count
    from (${rows}) as s
    left join users as u on s.facet = 'owner' and u.id::text = s.value
    group by s.facet, s.value
    having sum(s.n) > 0`.execute(db)
  return result.rows
}

/** The SQL column of each facet, for the granted restricted cases read live beside a summary. */
const SQL_COLUMN_OF: Record<FacetKey, string> = {
  custody: 'c.current_custody_state',
  stage: 'c.current_legal_stage',
  country: 'c.country',
  risk: 'c.risk_level',
  visibility: 'c.visibility',
  owner: 'c.owner_id::text',
  ground: 'c.grounds',
}

/**
 * The other facets and the total of the cases with one filter value, from the pair summary: every
 * unrestricted case, plus (live) the restricted cases the reader is granted that have the value.
 */
async function pairSummaryCounts(
  db: Db,
  viewer: Viewer,
  key: FacetKey,
  value: string,
): Promise<Count[]> {
  const column = sql.raw(SQL_COLUMN_OF[key])
  const hasValue = key === 'ground' ? sql`${value} = any(${column})` : sql`${column} = ${value}`
  const restrictedGranted = sql`
    select k.facet as other_facet, k.value as other_value, 1 as n
    from cases as c
    join case_access as a on a.case_id = c.id and a.user_id = ${viewer.id}
    ${CASE_FACET_KEYS}
    where c.visibility = 'restricted' and ${hasValue} and k.value is not null and k.facet <> ${key}`
  const summary = sql`select other_facet, other_value, n from case_facet_pair_counts
    where facet = ${key} and value = ${value}`
  const rows =
    viewer.role === 'admin'
      ? summary
      : sql`${summary} and not restricted union all ${restrictedGranted}`
  const result = await sql<Count>`
    select s.other_facet as facet, s.other_value as value, max(u.name) as label,
      sum(s.n)::int as count
    from (${rows}) as s
    left join users as u on s.other_facet = 'owner' and u.id::text = s.other_value
    group by s.other_facet, s.other_value
    having sum(s.n) > 0`.execute(db)
  return result.rows
}

/** Counts over one set of cases: the column facets and (when asked) the total in one statement. */
async function liveCounts(
  db: Db,
  {
    viewer,
    filters,
    except,
    keys,
    withTotal,
  }: {
    viewer: Viewer
    filters: CaseFilters
    except?: FacetKey
    keys: FacetKey[]
    withTotal: boolean
  },
): Promise<Count[]> {
  const matching = caseMatches({ viewer, filters, except })
  const counts: Promise<Count[]>[] = []
  const columns = keys.filter((k): k is ColumnFacet => k in COLUMN_OF)
  if (columns.length > 0 || withTotal) {
    const refs = columns.map((k) => sql.ref(COLUMN_OF[k]))
    const sets = [...(withTotal ? [sql`()`] : []), ...refs.map((ref) => sql`(${ref})`)]
    // grouping(a, b, …) sets the bit of every column a row is NOT grouped by; the first is highest.
    const grouping = refs.length > 0 ? sql<number>`grouping(${sql.join(refs)})` : sql<number>`0`
    counts.push(
      db
        .selectFrom('cases')
        .leftJoin('users as owner', 'owner.id', 'cases.ownerId')
        .select([
          grouping.as('grouping'),
          ...columns.map((k) => sql<string | null>`${sql.ref(COLUMN_OF[k])}::text`.as(k)),
          sql<string | null>`max(owner.name)`.as('ownerName'),
          sql<number>`count(*)::int`.as('count'),
        ])
        .where(matching)
        .groupBy(sql`grouping sets (${sql.join(sets)})`)
        .execute()
        .then((rows) =>
          rows.flatMap((row): Count[] => {
            const all = (1 << columns.length) - 1
            if (row.grouping === all)
              return [{ facet: 'total', value: 'all', label: null, count: row.count }]
            const index = columns.findIndex(
              (_, i) => (row.grouping & (1 << (columns.length - 1 - i))) === 0,
            )
            const facet = columns[index]!
            const value = (row as unknown as Record<string, string | null>)[facet]
            if (value === null || value === undefined) return []
            return [
              { facet, value, label: facet === 'owner' ? row.ownerName : null, count: row.count },
            ]
          }),
        ),
    )
  }
  if (keys.includes('ground'))
    counts.push(
      db
        // A function in FROM named `g` yields one column also named `g`: one row per case and ground.
        .selectFrom(['cases', sql<{ g: string }>`unnest(${sql.ref('cases.grounds')})`.as('g')])
        .select([sql<string>`g.g`.as('value'), sql<number>`count(*)::int`.as('count')])
        .where(matching)
        .groupBy(sql`g.g`)
        .execute()
        .then((rows) => rows.map((r) => ({ facet: 'ground' as const, label: null, ...r }))),
    )
  return (await Promise.all(counts)).flat()
}

/** The number of matching cases and the facets of the case list, as few passes as the filters allow. */
export async function summariseCases(
  db: Db,
  { viewer, filters }: { viewer: Viewer; filters: CaseFilters },
): Promise<CaseSummary> {
  // The sponsor filter narrows like a search: the summary table cannot count it.
  const searching = toPrefixTsQuery(filters.q) !== null || filters.sponsor !== undefined
  const active = FACET_KEYS.filter((key) => filters[key] !== undefined)
  // A facet's set is "everything the reader may see" when no search and no other filter narrows it.
  const fromSummary = (key: FacetKey | 'total') =>
    !searching && !filters.following && active.every((other) => other === key)
  const passes: Promise<Count[]>[] = []
  if (FACET_KEYS.some(fromSummary) || fromSummary('total')) {
    const wanted = new Set<string>([
      ...FACET_KEYS.filter(fromSummary),
      ...(fromSummary('total') ? ['total'] : []),
    ])
    passes.push(summaryCounts(db, viewer).then((rows) => rows.filter((r) => wanted.has(r.facet))))
  }
  // The facets of the inactive filters share the set that every filter narrows, with the total.
  const shared = FACET_KEYS.filter((key) => !active.includes(key) && !fromSummary(key))
  const lone = active.length === 1 && !searching && !filters.following ? active[0] : undefined
  if (lone !== undefined) {
    const wanted = new Set<string>([...shared, 'total'])
    passes.push(
      pairSummaryCounts(db, viewer, lone, String(filters[lone])).then((rows) =>
        rows.filter((r) => wanted.has(r.facet)),
      ),
    )
  } else if (shared.length > 0 || !fromSummary('total'))
    passes.push(liveCounts(db, { viewer, filters, keys: shared, withTotal: !fromSummary('total') }))
  for (const key of active.filter((k) => !fromSummary(k)))
    passes.push(liveCounts(db, { viewer, filters, except: key, keys: [key], withTotal: false }))

  const facets = Object.fromEntries(FACET_KEYS.map((key) => [key, []])) as unknown as CaseFacets
  let total = 0
  for (const row of (await Promise.all(passes)).flat()) {
    if (row.facet === 'total') total = row.count
    else facets[row.facet].push({ value: row.value, label: row.label, count: row.count })
  }
  for (const key of FACET_KEYS)
    facets[key].sort((a, b) => (a.label ?? a.value).localeCompare(b.label ?? b.value, 'en'))
  return { total, facets }
}

/** For every filter, how many visible cases each of its values would leave. */
export async function countCaseFacets(
  db: Db,
  args: { viewer: Viewer; filters: CaseFilters },
): Promise<CaseFacets> {
  return (await summariseCases(db, args)).facets
}
