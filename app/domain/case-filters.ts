// The case list's query string: search, filters, sort and page. Pure, shared by the loader (which
// parses the URL) and the page (which builds links that keep every filter). A value that is not in
// its vocabulary is dropped and named in `ignored`, so a hand-edited or stale link never fails.
// The filter form parses the query in the browser too, so the checks are written out here rather
// than taken from zod (which would add ~90 KB gzip to the case list).
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
import { MAX_ID } from '~/utils/record-id'

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

/** A whole number as zod's `z.coerce.number().int()` reads it ("7", " 7 ", "1e3", "0x10"), or null. */
function wholeNumber(raw: string): number | null {
  const value = Number(raw)
  return Number.isSafeInteger(value) ? value : null
}

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): T | undefined =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined
}

/** One reader per filter parameter of the URL; each is checked alone so one bad value drops only itself. */
const caseFilterReaders = {
  custody: oneOf(CUSTODY_STATES),
  stage: oneOf(LEGAL_STAGES),
  country: (raw: string) => {
    const value = raw.trim()
    return value.length >= 1 && value.length <= 100 ? value : undefined
  },
  ground: oneOf(GROUNDS),
  risk: oneOf(RISK_LEVELS),
  visibility: oneOf(VISIBILITIES),
  owner: (raw: string) => {
    const value = wholeNumber(raw)
    return value !== null && value > 0 && value <= MAX_ID ? value : undefined
  },
}

export type FacetKey = keyof typeof caseFilterReaders
export const FACET_KEYS = Object.keys(caseFilterReaders) as FacetKey[]

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
  /** Only the cases the reader follows (?following=1): not a facet, an EXISTS on case_follows. */
  following?: true
  /** Cases this actor sponsors (not a facet: the list is narrowed through case_sponsors). */
  sponsor?: number
  /** The words typed in the sponsor search box when no sponsor was chosen (without JavaScript). */
  sponsorQ?: string
}

export type CaseListQuery = {
  filters: CaseFilters
  sort: CaseSort
  page: number
  /** Parameters whose value was not understood and was left out, e.g. ['custody']. */
  ignored: (FacetKey | 'sort' | 'sponsor')[]
}

const readSort = oneOf(CASE_SORTS)

function firstValue(params: URLSearchParams, key: string): string | undefined {
  const value = params
    .getAll(key)
    .map((v) => v.trim())
    .find((v) => v.length > 0)
  return value
}

/** The sponsor filter: a chosen actor id, or else the words typed to find one. */
function readSponsor(
  params: URLSearchParams,
  filters: CaseFilters,
  ignored: CaseListQuery['ignored'],
) {
  const raw = firstValue(params, 'sponsor')
  if (raw !== undefined) {
    const id = caseFilterReaders.owner(raw)
    if (id !== undefined) filters.sponsor = id
    else ignored.push('sponsor')
  }
  const typed = firstValue(params, 'sponsorQ')?.slice(0, MAX_QUERY_LENGTH)
  if (filters.sponsor === undefined && typed) filters.sponsorQ = typed
}

export function parseCaseListQuery(params: URLSearchParams): CaseListQuery {
  const ignored: CaseListQuery['ignored'] = []
  const filters: CaseFilters = {
    q: (firstValue(params, 'q') ?? '').slice(0, MAX_QUERY_LENGTH).trim(),
  }
  for (const key of FACET_KEYS) {
    const raw = firstValue(params, key)
    if (raw === undefined) continue
    const value = caseFilterReaders[key](raw)
    if (value !== undefined) Object.assign(filters, { [key]: value })
    else ignored.push(key)
  }

  readSponsor(params, filters, ignored)

  if (firstValue(params, 'following') !== undefined) filters.following = true

  const rawSort = firstValue(params, 'sort')
  const sort = rawSort === undefined ? undefined : readSort(rawSort)
  if (rawSort !== undefined && sort === undefined) ignored.push('sort')

  // A page that is not a positive whole number is the first page; a huge one is capped (the list
  // then shows its last page).
  const page = wholeNumber(firstValue(params, 'page') ?? '1')
  return {
    filters,
    sort: sort ?? DEFAULT_SORT,
    page: page !== null && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    ignored,
  }
}

/** True when the search or any filter narrows the list (the sort and page do not). */
export function hasActiveFilters(filters: CaseFilters): boolean {
  return (
    filters.q.length > 0 ||
    filters.following === true ||
    filters.sponsor !== undefined ||
    FACET_KEYS.some((key) => filters[key] !== undefined)
  )
}

/**
 * The query string of a list link: the current search, filters and sort with some changed, e.g. the
 * next page, or a filter removed. Defaults are left out so links stay short: "?q=arsam&page=2".
 */
export function caseListSearch(
  query: Pick<CaseListQuery, 'filters' | 'sort' | 'page'>,
  change: { page?: number; remove?: FacetKey | 'q' | 'following' | 'sponsor' } = {},
): string {
  const params = new URLSearchParams()
  if (query.filters.q && change.remove !== 'q') params.set('q', query.filters.q)
  for (const key of FACET_KEYS) {
    const value = query.filters[key]
    if (value !== undefined && change.remove !== key) params.set(key, String(value))
  }
  if (query.filters.sponsor !== undefined && change.remove !== 'sponsor')
    params.set('sponsor', String(query.filters.sponsor))
  else if (query.filters.sponsorQ && change.remove !== 'sponsor')
    params.set('sponsorQ', query.filters.sponsorQ)
  if (query.filters.following && change.remove !== 'following') params.set('following', '1')
  if (query.sort !== DEFAULT_SORT) params.set('sort', query.sort)
  // Changing a filter starts again from the first page.
  const page = change.remove ? 1 : (change.page ?? query.page)
  if (page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `?${search}` : ''
}
