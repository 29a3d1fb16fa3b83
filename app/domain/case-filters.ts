// The case list's query string: search, filters, sort and page. Pure, shared by the loader (which
// parses the URL) and the page (which builds links that keep every filter). A value that is not in
// its vocabulary is dropped and named in `ignored`, so a hand-edited or stale link never fails.
import { z } from 'zod'
import {
  CUSTODY_STATES,
  GROUNDS,
  LEGAL_STAGES,
  RISK_LEVELS,
  VISIBILITIES,
  type CustodyState,
  type Ground,
  type LegalStage,
  type RiskLevel,
  type Visibility,
} from './vocabularies'

export const CASE_PAGE_SIZE = 50
export const MAX_PAGE = 10_000
export const MAX_QUERY_LENGTH = 200

export const CASE_SORTS = ['updated', 'detention', 'name'] as const
export type CaseSort = (typeof CASE_SORTS)[number]
export const DEFAULT_SORT: CaseSort = 'updated'

export const SORT_LABELS: Record<CaseSort, string> = {
  updated: 'Last update',
  detention: 'Longest detention',
  name: 'Name',
}

/** One schema per filter parameter of the URL; each is checked alone so one bad value drops only itself. */
export const caseFilterSchemas = {
  custody: z.enum(CUSTODY_STATES),
  stage: z.enum(LEGAL_STAGES),
  country: z.string().trim().min(1).max(100),
  ground: z.enum(GROUNDS),
  risk: z.enum(RISK_LEVELS),
  visibility: z.enum(VISIBILITIES),
  owner: z.coerce.number().int().positive().max(2_147_483_647),
}

export type FacetKey = keyof typeof caseFilterSchemas
export const FACET_KEYS = Object.keys(caseFilterSchemas) as FacetKey[]

export const FACET_LABELS: Record<FacetKey, string> = {
  custody: 'Custody state',
  stage: 'Legal stage',
  country: 'Country',
  ground: 'Grounds',
  risk: 'Risk level',
  visibility: 'Visibility',
  owner: 'Owner',
}

export type CaseFilters = {
  q: string
  custody?: CustodyState
  stage?: LegalStage
  country?: string
  ground?: Ground
  risk?: RiskLevel
  visibility?: Visibility
  owner?: number
}

export type CaseListQuery = {
  filters: CaseFilters
  sort: CaseSort
  page: number
  /** Parameters whose value was not understood and was left out, e.g. ['custody']. */
  ignored: (FacetKey | 'sort')[]
}

const sortSchema = z.enum(CASE_SORTS)
const pageSchema = z.coerce.number().int().min(1)

function firstValue(params: URLSearchParams, key: string): string | undefined {
  const value = params
    .getAll(key)
    .map((v) => v.trim())
    .find((v) => v.length > 0)
  return value
}

export function parseCaseListQuery(params: URLSearchParams): CaseListQuery {
  const ignored: CaseListQuery['ignored'] = []
  const filters: CaseFilters = {
    q: (firstValue(params, 'q') ?? '').slice(0, MAX_QUERY_LENGTH).trim(),
  }
  for (const key of FACET_KEYS) {
    const raw = firstValue(params, key)
    if (raw === undefined) continue
    const parsed = caseFilterSchemas[key].safeParse(raw)
    if (parsed.success) Object.assign(filters, { [key]: parsed.data })
    else ignored.push(key)
  }

  const rawSort = firstValue(params, 'sort')
  const sort = sortSchema.safeParse(rawSort)
  if (rawSort !== undefined && !sort.success) ignored.push('sort')

  // A page that is not a positive whole number is the first page; a huge one is capped (the list
  // then shows its last page).
  const page = pageSchema.safeParse(firstValue(params, 'page') ?? '1')
  return {
    filters,
    sort: sort.success ? sort.data : DEFAULT_SORT,
    page: page.success ? Math.min(page.data, MAX_PAGE) : 1,
    ignored,
  }
}

/** True when the search or any filter narrows the list (the sort and page do not). */
export function hasActiveFilters(filters: CaseFilters): boolean {
  return filters.q.length > 0 || FACET_KEYS.some((key) => filters[key] !== undefined)
}

/**
 * The query string of a list link: the current search, filters and sort with some changed, e.g. the
 * next page, or a filter removed. Defaults are left out so links stay short: "?q=arsam&page=2".
 */
export function caseListSearch(
  query: Pick<CaseListQuery, 'filters' | 'sort' | 'page'>,
  change: { page?: number; remove?: FacetKey | 'q' } = {},
): string {
  const params = new URLSearchParams()
  if (query.filters.q && change.remove !== 'q') params.set('q', query.filters.q)
  for (const key of FACET_KEYS) {
    const value = query.filters[key]
    if (value !== undefined && change.remove !== key) params.set(key, String(value))
  }
  if (query.sort !== DEFAULT_SORT) params.set('sort', query.sort)
  // Changing a filter starts again from the first page.
  const page = change.remove ? 1 : (change.page ?? query.page)
  if (page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `?${search}` : ''
}
