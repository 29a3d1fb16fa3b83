// The document list's query string: search, filters and page. Pure, shared by the loader (which
// reads the URL) and the page (which builds links that keep every filter). A value that cannot be
// read is dropped and named in `ignored`, so a hand-edited or stale link never fails.
import { z } from 'zod'
import { parsePartialDate } from './dates'
import {
  DOCUMENT_FILTER_KEYS,
  type DocumentFilterKey,
  type DocumentFilters,
  type DocumentListQuery,
} from './document-list-search'
import { MAX_ID } from '~/utils/record-id'
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './vocabularies'

export {
  DOCUMENT_FILTER_KEYS,
  DOCUMENT_FILTER_LABELS,
  DOCUMENT_PAGE_SIZE,
  documentListSearch,
  hasDocumentFilters,
  type DocumentFilterKey,
  type DocumentFilters,
  type DocumentListQuery,
} from './document-list-search'

const MAX_PAGE = 10_000
const MAX_QUERY_LENGTH = 200

/** "2023", "2023-02" or "2023-02-22": a range bound at the precision typed. */
function readBound(value: string, end: 'from' | 'to'): string | null {
  const precision = /^\d{4}$/.test(value) ? 'year' : /^\d{4}-\d{2}$/.test(value) ? 'month' : 'day'
  const parsed = parsePartialDate(value, precision)
  if (!parsed.ok) return null
  if (end === 'from') return parsed.value.date
  // "to 2023-02" means up to the end of February.
  const [y, m] = [Number(parsed.value.date.slice(0, 4)), Number(parsed.value.date.slice(5, 7))]
  if (precision === 'year') return `${y}-12-31`
  if (precision === 'month')
    return `${parsed.value.date.slice(0, 8)}${new Date(Date.UTC(y, m, 0)).getUTCDate()}`
  return parsed.value.date
}

const filterSchemas = {
  kind: z.enum(DOCUMENT_KINDS),
  case: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(120),
  issuer: z.coerce.number().int().positive().max(MAX_ID),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/),
  status: z.enum(DOCUMENT_STATUSES),
  from: z.string().trim().min(4).max(10),
  to: z.string().trim().min(4).max(10),
} satisfies Record<(typeof DOCUMENT_FILTER_KEYS)[number], z.ZodType>

function firstValue(params: URLSearchParams, key: string): string | undefined {
  return params
    .getAll(key)
    .map((v) => v.trim())
    .find((v) => v.length > 0)
}

export function parseDocumentListQuery(params: URLSearchParams): DocumentListQuery {
  const ignored: DocumentFilterKey[] = []
  const filters: DocumentFilters = {
    q: (firstValue(params, 'q') ?? '').slice(0, MAX_QUERY_LENGTH).trim(),
  }
  const range: DocumentListQuery['range'] = { fromDate: null, toDate: null }
  for (const key of DOCUMENT_FILTER_KEYS) {
    const raw = firstValue(params, key)
    if (raw === undefined) continue
    const parsed = filterSchemas[key].safeParse(raw)
    const bound =
      parsed.success && (key === 'from' || key === 'to') ? readBound(String(parsed.data), key) : ''
    if (!parsed.success || bound === null) {
      ignored.push(key)
      continue
    }
    Object.assign(filters, { [key]: parsed.data })
    if (key === 'from') range.fromDate = bound
    if (key === 'to') range.toDate = bound
  }
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .safeParse(firstValue(params, 'page') ?? '1')
  return { filters, range, page: page.success ? Math.min(page.data, MAX_PAGE) : 1, ignored }
}
