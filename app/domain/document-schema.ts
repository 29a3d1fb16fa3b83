// The document forms — the document itself, a quote, a citation, a case link — validated the same
// way wherever they are read. Pure: shared by the routes (always) and the pages (when it helps).
import { z } from 'zod'
import { parsePartialDate } from './dates'
import { isHttpUrl } from './event-schema'
import { DATE_PRECISIONS, DOCUMENT_KINDS, DOCUMENT_STATUSES, labelOf } from './vocabularies'

import { languageLabel } from './document-languages'

export { DOCUMENT_LANGUAGES, languageLabel } from './document-languages'
import { isRecordId, MAX_ID } from '~/utils/record-id'

export const MAX_BODY_LENGTH = 200_000
export const MAX_QUOTE_LENGTH = 50_000

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max.toLocaleString('en')} characters`)
    .default('')
    .transform((value) => (value === '' ? null : value))

/** An id picked from a list: '' is none; anything but a positive whole number is refused. */
export const optionalId = (message: string) =>
  z
    .string()
    .default('')
    .transform((value, ctx) => {
      if (value.trim() === '') return null
      const id = Number(value)
      if (!isRecordId(id)) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return id
    })

/**
 * A web address as the database accepts it (http:// or https://, nothing else), with the scheme in
 * lower case; null when empty; an error message when it is not one.
 */
export function readHttpUrl(
  value: string | null,
): { ok: true; url: string | null } | { ok: false } {
  if (!value) return { ok: true, url: null }
  if (!/^https?:\/\/\S+$/i.test(value) || !isHttpUrl(value)) return { ok: false }
  return { ok: true, url: value.replace(/^https?/i, (scheme) => scheme.toLowerCase()) }
}

export const URL_MESSAGE = 'Enter a web address starting with http:// or https://'

export const DocumentFormSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS, { message: 'Choose a kind of document' }),
    title: z
      .string({ message: 'Enter the title' })
      .trim()
      .min(1, 'Enter the title')
      .max(500, 'The title can be at most 500 characters'),
    place: optionalText(200, 'The place'),
    documentDate: z.string().trim().default(''),
    datePrecision: z.enum(DATE_PRECISIONS, { message: 'Choose day, month or year' }).default('day'),
    issuerId: optionalId('Choose an issuer from the list'),
    language: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z]{2,3}$/, 'Choose a language')
      .default('en'),
    body: z
      .string()
      .default('')
      .transform((value) => value.replace(/\r\n?/g, '\n').trimEnd())
      .pipe(z.string().max(MAX_BODY_LENGTH, 'The text can be at most 200,000 characters')),
    url: optionalText(2000, 'The URL'),
    status: z.enum(DOCUMENT_STATUSES, { message: 'Choose draft or published' }),
  })
  .transform((form, ctx) => {
    let date: { date: string; precision: (typeof DATE_PRECISIONS)[number] } | null = null
    if (form.documentDate) {
      const parsed = parsePartialDate(form.documentDate, form.datePrecision)
      if (parsed.ok) date = parsed.value
      else ctx.addIssue({ code: 'custom', path: ['documentDate'], message: parsed.error })
    }
    const url = readHttpUrl(form.url)
    if (!url.ok) ctx.addIssue({ code: 'custom', path: ['url'], message: URL_MESSAGE })
    if (ctx.issues.length > 0 || !url.ok) return z.NEVER
    return {
      kind: form.kind,
      title: form.title,
      place: form.place,
      documentDate: date?.date ?? null,
      datePrecision: date?.precision ?? null,
      issuerId: form.issuerId,
      language: form.language,
      body: form.body,
      url: url.url,
      status: form.status,
    }
  })

export type DocumentFields = z.output<typeof DocumentFormSchema>

export const QuoteFormSchema = z
  .object({
    actorId: optionalId('Choose the speaker from the list'),
    speakerLabel: z
      .string()
      .trim()
      .max(1000, 'The attribution can be at most 1,000 characters')
      .default(''),
    body: z
      .string()
      .default('')
      .transform((value) => value.replace(/\r\n?/g, '\n').trim())
      .pipe(
        z
          .string()
          .min(1, 'Enter the words quoted')
          .max(MAX_QUOTE_LENGTH, 'A quotation can be at most 50,000 characters'),
      ),
  })
  .refine((quote) => quote.actorId !== null || quote.speakerLabel !== '', {
    path: ['actorId'],
    message: 'Choose who is quoted, or write the attribution',
  })

export type QuoteFields = z.output<typeof QuoteFormSchema>

/** What a citation is for: the document, or one of its quotes ("quote-12"). */
export const CitationFormSchema = z.object({
  target: z
    .string()
    .default('document')
    .transform((value, ctx) => {
      if (value === 'document') return { quoteId: null }
      const m = /^quote-(\d{1,10})$/.exec(value)
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'Choose the document or one of its quotes' })
        return z.NEVER
      }
      return { quoteId: Number(m[1]) }
    }),
  sourceIds: z
    .array(z.coerce.number().int().positive().max(MAX_ID))
    .min(1, 'Pick at least one source to cite')
    .max(50, 'At most 50 sources at a time')
    .transform((ids) => [...new Set(ids)]),
  locator: optionalText(300, 'The locator'),
})

export const CaseLinkSchema = z.object({
  caseId: z.coerce
    .number({ message: 'Choose a case' })
    .int('Choose a case')
    .positive('Choose a case')
    .max(MAX_ID, 'Choose a case'),
})

/** Form strings for a saved document, to fill the edit form. */
export function documentToFormValues(saved: {
  kind: string
  title: string
  place: string | null
  documentDate: string | null
  datePrecision: string | null
  issuerId: number | null
  language: string
  body: string
  url: string | null
  status: string
}): Record<string, string> {
  const precision = saved.datePrecision ?? 'day'
  const date = saved.documentDate
    ? precision === 'year'
      ? saved.documentDate.slice(0, 4)
      : precision === 'month'
        ? saved.documentDate.slice(0, 7)
        : saved.documentDate
    : ''
  return {
    kind: saved.kind,
    title: saved.title,
    place: saved.place ?? '',
    documentDate: date,
    datePrecision: precision,
    issuerId: saved.issuerId === null ? '' : String(saved.issuerId),
    language: saved.language,
    body: saved.body,
    url: saved.url ?? '',
    status: saved.status,
  }
}

export const DOCUMENT_FIELD_LABELS: Record<string, string> = {
  kind: 'Kind',
  title: 'Title',
  place: 'Place',
  documentDate: 'Date',
  datePrecision: 'Date precision',
  issuerId: 'Issuer',
  language: 'Language',
  body: 'Text',
  url: 'URL',
  status: 'Status',
}

const shorten = (value: string) => (value.length > 160 ? `${value.slice(0, 160)}…` : value)

/** Where a stale save differs from what is saved now, field by field, as the page shows them. */
export function documentDifferences(
  saved: Record<string, string>,
  typed: Record<string, string | string[]>,
  actorNames: Map<string, string>,
): { field: string; label: string; saved: string; typed: string }[] {
  const shown = (field: string, value: string | string[] | undefined) => {
    const v = (Array.isArray(value) ? value.join(', ') : (value ?? ''))
      .replace(/\r\n?/g, '\n')
      .trim()
    if (field === 'issuerId') return v ? (actorNames.get(v) ?? `Actor ${v}`) : 'Not recorded'
    if (field === 'language') return v ? languageLabel(v) : ''
    if (['kind', 'status', 'datePrecision'].includes(field)) return labelOf(v)
    return shorten(v)
  }
  return Object.entries(DOCUMENT_FIELD_LABELS)
    .map(([field, label]) => ({
      field,
      label,
      saved: shown(field, saved[field]),
      typed: shown(field, typed[field]),
      same:
        (saved[field] ?? '').trim() ===
        String(typed[field] ?? '')
          .replace(/\r\n?/g, '\n')
          .trim(),
    }))
    .filter((d) => !d.same)
    .map(({ same: _same, ...d }) => d)
}

/** Where a stale quote save differs from the quote as saved now (or deleted: null). */
export function quoteDifferences(
  saved: { actorId: number | null; speakerLabel: string; body: string } | null,
  typed: Record<string, string | string[]>,
  actorNames: Map<number, string>,
): { field: string; label: string; saved: string; typed: string }[] {
  const text = (value: unknown) =>
    typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : ''
  const speaker = (id: string) => (id ? (actorNames.get(Number(id)) ?? `Actor ${id}`) : '')
  const rows = [
    {
      field: 'actorId',
      label: 'Speaker',
      saved: speaker(saved?.actorId ? String(saved.actorId) : ''),
      typed: speaker(text(typed.actorId)),
    },
    {
      field: 'speakerLabel',
      label: 'Attribution',
      saved: saved?.speakerLabel ?? '',
      typed: text(typed.speakerLabel),
    },
    {
      field: 'body',
      label: 'Words quoted',
      saved: saved?.body ?? '(deleted)',
      typed: text(typed.body),
    },
  ]
  return rows
    .filter((row) => row.saved.trim() !== row.typed)
    .map((row) => ({ ...row, saved: shorten(row.saved), typed: shorten(row.typed) }))
}
