// The document list's filters and links, apart from the schemas that read them (document-filters.ts)
// so that the list page builds its links in the browser without zod.
import type { DocumentKind, DocumentStatus } from './vocabularies'

export const DOCUMENT_PAGE_SIZE = 50

/** The filters in the order the loader reads them and links write them. */
export const DOCUMENT_FILTER_KEYS = [
  'kind',
  'case',
  'issuer',
  'language',
  'status',
  'from',
  'to',
] as const
export type DocumentFilterKey = (typeof DOCUMENT_FILTER_KEYS)[number]

export const DOCUMENT_FILTER_LABELS: Record<DocumentFilterKey, string> = {
  kind: 'Kind',
  case: 'Case',
  issuer: 'Issuer',
  language: 'Language',
  status: 'Status',
  from: 'From',
  to: 'To',
}

export type DocumentFilters = {
  q: string
  kind?: DocumentKind
  case?: string
  issuer?: number
  language?: string
  status?: DocumentStatus
  /** As typed ("2023-02"); `fromDate` / `toDate` are the days the range starts and ends. */
  from?: string
  to?: string
}

export type DocumentListQuery = {
  filters: DocumentFilters
  /** The first and last day of the date range, read from `from` and `to`. */
  range: { fromDate: string | null; toDate: string | null }
  page: number
  ignored: DocumentFilterKey[]
}

export function hasDocumentFilters(filters: DocumentFilters): boolean {
  return filters.q.length > 0 || DOCUMENT_FILTER_KEYS.some((key) => filters[key] !== undefined)
}

/** The query string of a list link with the current filters, one of them removed or another page. */
export function documentListSearch(
  query: Pick<DocumentListQuery, 'filters' | 'page'>,
  change: { page?: number; remove?: DocumentFilterKey | 'q' } = {},
): string {
  const params = new URLSearchParams()
  if (query.filters.q && change.remove !== 'q') params.set('q', query.filters.q)
  for (const key of DOCUMENT_FILTER_KEYS) {
    const value = query.filters[key]
    if (value !== undefined && change.remove !== key) params.set(key, String(value))
  }
  const page = change.remove ? 1 : (change.page ?? query.page)
  if (page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `?${search}` : ''
}
