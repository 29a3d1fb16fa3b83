// The source library's form and list query, shared by server and page, plus the two helpers the
// library and the actor list both need: URL spellings that mean the same page, and search folding.
import { z } from 'zod'
import type { Conflict } from './conflict'
import { parsePartialDate, partialDateInputValue } from './dates'
import { isHttpUrl } from './event-schema'
import { foldText } from './text'
import {
  DATE_PRECISIONS,
  RELIABILITIES,
  SOURCE_KINDS,
  labelOf,
  type DatePrecision,
  type Reliability,
  type SourceKind,
} from './vocabularies'

export { listSearch } from './list-search'

export const SOURCE_PAGE_SIZE = 50
const MAX_PAGE = 10_000

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .default('')
    .transform((value) => (value === '' ? null : value))

/** The address as the library stores it: scheme and host lower-cased, e.g. a bare host gets its "/". */
export function normaliseUrl(value: string): string {
  return new URL(value).href
}

/**
 * Spellings of one address that lead to the same page: http or https, with or without the final
 * "/". A URL already in the library under any of them is the same source.
 */
export function urlVariants(value: string): string[] {
  const variants = new Set<string>([value])
  for (const spelling of [...variants]) {
    if (spelling.startsWith('https://')) variants.add(`http://${spelling.slice(8)}`)
    else if (spelling.startsWith('http://')) variants.add(`https://${spelling.slice(7)}`)
  }
  if (!/[?#]/.test(value))
    for (const spelling of [...variants])
      variants.add(spelling.endsWith('/') ? spelling.slice(0, -1) : `${spelling}/`)
  return [...variants]
}

export const SourceFormSchema = z
  .object({
    // Checked for emptiness below, so an empty title is reported with the date and URL errors.
    title: z.string().trim().max(1000, 'The title can be at most 1,000 characters').default(''),
    publisher: optionalText(300, 'The publisher'),
    publishedOn: z.string().trim().default(''),
    publishedPrecision: z.enum(DATE_PRECISIONS, { message: 'Choose day, month or year' }),
    url: optionalText(2000, 'The URL'),
    archivedUrl: optionalText(2000, 'The archived URL'),
    accessedOn: z.string().trim().default(''),
    kind: z.enum(SOURCE_KINDS, { message: 'Choose a kind from the list' }),
    reliability: z.enum(RELIABILITIES, { message: 'Choose a reliability from the list' }),
  })
  .transform((form, ctx) => {
    const fail = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    if (!form.title) fail('title', 'Enter the title')
    let published: { date: string; precision: DatePrecision } | null = null
    if (form.publishedOn) {
      const parsed = parsePartialDate(form.publishedOn, form.publishedPrecision)
      if (parsed.ok) published = parsed.value
      else fail('publishedOn', parsed.error)
    }
    let accessedOn: string | null = null
    if (form.accessedOn) {
      const parsed = parsePartialDate(form.accessedOn, 'day')
      if (parsed.ok) accessedOn = parsed.value.date
      else fail('accessedOn', parsed.error)
    }
    const url = (name: 'url' | 'archivedUrl') => {
      const value = form[name]
      if (value === null) return null
      if (isHttpUrl(value)) return normaliseUrl(value)
      fail(name, 'Enter a web address starting with http:// or https://')
      return null
    }
    const fields = {
      title: form.title,
      publisher: form.publisher,
      publishedOn: published?.date ?? null,
      publishedPrecision: published?.precision ?? null,
      url: url('url'),
      archivedUrl: url('archivedUrl'),
      accessedOn,
      kind: form.kind as SourceKind,
      reliability: form.reliability as Reliability,
    }
    return ctx.issues.length > 0 ? z.NEVER : fields
  })

export type SourceFields = z.output<typeof SourceFormSchema>

export const SOURCE_FIELDS = [
  'title',
  'publisher',
  'publishedOn',
  'publishedPrecision',
  'url',
  'archivedUrl',
  'accessedOn',
  'kind',
  'reliability',
] as const satisfies readonly (keyof SourceFields)[]

export const SOURCE_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  publisher: 'Publisher',
  publishedOn: 'Published',
  publishedPrecision: 'Precision',
  url: 'URL',
  archivedUrl: 'Archived URL',
  accessedOn: 'Accessed',
  kind: 'Kind',
  reliability: 'Reliability',
}

export type FormValues = Record<string, string | string[]>

export function sourceToFormValues(saved: {
  title: string
  publisher: string | null
  publishedOn: string | null
  publishedPrecision: DatePrecision | null
  url: string | null
  archivedUrl: string | null
  accessedOn: string | null
  kind: string
  reliability: string
}): FormValues {
  return {
    title: saved.title,
    publisher: saved.publisher ?? '',
    publishedOn:
      saved.publishedOn && saved.publishedPrecision
        ? partialDateInputValue({ date: saved.publishedOn, precision: saved.publishedPrecision })
        : '',
    publishedPrecision: saved.publishedPrecision ?? 'day',
    url: saved.url ?? '',
    archivedUrl: saved.archivedUrl ?? '',
    accessedOn: saved.accessedOn ?? '',
    kind: saved.kind,
    reliability: saved.reliability,
  }
}

const VOCABULARY_FIELDS = ['kind', 'reliability', 'publishedPrecision']

/** Where a stale save differs from what is saved now, field by field, as the form shows them. */
export function formDifferences(
  labels: Record<string, string>,
  saved: FormValues,
  typed: FormValues,
): Conflict['differences'] {
  const shown = (field: string, value: string | string[] | undefined) => {
    if (value === undefined) return ''
    if (Array.isArray(value)) return value.join(', ')
    if (VOCABULARY_FIELDS.includes(field)) return value ? labelOf(value) : ''
    return value.replace(/\r\n/g, '\n').trim()
  }
  return Object.keys(labels)
    .map((field) => ({
      field,
      label: labels[field]!,
      saved: shown(field, saved[field]),
      typed: shown(field, typed[field]),
    }))
    .filter((d) => d.saved !== d.typed)
}

// The source list's query string. A value outside its vocabulary is dropped, so a stale link works.
const listFilterSchemas = {
  kind: z.enum(SOURCE_KINDS),
  reliability: z.enum(RELIABILITIES),
  publisher: z.string().trim().min(1).max(300),
  year: z.coerce.number().int().min(1800).max(2200),
}

export type SourceListQuery = {
  q: string
  kind?: SourceKind
  reliability?: Reliability
  publisher?: string
  year?: number
  page: number
}

export function parseSourceListQuery(params: URLSearchParams): SourceListQuery {
  const query: SourceListQuery = { q: (params.get('q') ?? '').trim().slice(0, 200), page: 1 }
  const kind = listFilterSchemas.kind.safeParse(params.get('kind'))
  if (kind.success) query.kind = kind.data
  const reliability = listFilterSchemas.reliability.safeParse(params.get('reliability'))
  if (reliability.success) query.reliability = reliability.data
  const publisher = listFilterSchemas.publisher.safeParse(params.get('publisher') ?? '')
  if (publisher.success) query.publisher = publisher.data
  const year = listFilterSchemas.year.safeParse(params.get('year') || undefined)
  if (year.success) query.year = year.data
  query.page = pageNumber(params.get('page'))
  return query
}

export function pageNumber(value: string | null): number {
  const page = Number(value)
  return Number.isInteger(page) && page > 0 && page <= MAX_PAGE ? page : 1
}

// Search folding lives in text.ts, once for every search (foldText and its SQL twin SEARCH_FOLD).
export { containsPattern, foldText as foldSearchText, SEARCH_FOLD } from './text'

/** The words typed, folded, at most six: each must appear somewhere (`%word%`). */
export function searchWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean).slice(0, 6)
}
