// Advocacy actions: the form (one zod schema for create and edit) and the list's query string.
// Pure, so the server validates with it and the tests read it without a database.
import { z } from 'zod'
import type { Conflict } from './conflict'
import { parseForm } from '../utils/forms'
import { isRecordId, MAX_ID } from '../utils/record-id'
import { isValidIsoDay, parsePartialDate, partialDateInputValue } from './dates'
import { isHttpUrl } from './event-schema'
import {
  ACTION_LIMITS as LIMITS,
  DATE_INPUT_LENGTH,
  formatLimit,
  NEW_SOURCE_LIMITS,
} from './field-limits'
import { isSourceSearch, sourcePicks } from './source-picker'
import { ACTION_FILTER_LABELS, type ActionListFilters } from './action-list'
import { ACTION_KINDS, ACTION_RESPONSES, DATE_PRECISIONS, labelOf } from './vocabularies'

export {
  ACTION_FILTER_LABELS,
  ACTION_PAGE_SIZE,
  actionListSearch,
  type ActionListFilters,
} from './action-list'

const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .default('')
    .transform((value, ctx) => {
      if (value === '') return null
      const id = Number(value)
      if (isRecordId(id)) return id
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    })

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .default('')
    .transform((value) => (value === '' ? null : value))

const idList = (max: number, message: string) =>
  z.array(z.coerce.number().int().positive().max(MAX_ID)).max(max, message).default([])

export const ActionFormSchema = z
  .object({
    kind: z.enum(ACTION_KINDS, { message: 'Choose what kind of action it was' }),
    title: z
      .string()
      .trim()
      .max(LIMITS.title, `The title can be at most ${LIMITS.title} characters`)
      .default(''),
    actionDate: z.string().default(''),
    datePrecision: z.enum(DATE_PRECISIONS, { message: 'Choose day, month or year' }),
    actorId: optionalId('Choose who acted from the list'),
    targetId: optionalId('Choose who was addressed from the list'),
    documentId: optionalId('Choose a document from the list'),
    caseIds: idList(LIMITS.cases, `At most ${LIMITS.cases} cases`),
    response: z.enum(ACTION_RESPONSES, { message: 'Choose a response from the list' }),
    outcomeNotes: z
      .string()
      .trim()
      .max(
        LIMITS.outcomeNotes,
        `The outcome notes can be at most ${formatLimit(LIMITS.outcomeNotes)} characters`,
      )
      .default(''),
    sourceIds: idList(LIMITS.sources, `At most ${LIMITS.sources} sources`),
    newSourceTitle: optionalText(NEW_SOURCE_LIMITS.title, 'The title'),
    newSourcePublisher: optionalText(NEW_SOURCE_LIMITS.publisher, 'The publisher'),
    newSourceDate: optionalText(DATE_INPUT_LENGTH, 'The date'),
    newSourceUrl: optionalText(NEW_SOURCE_LIMITS.url, 'The URL'),
  })
  .transform((form, ctx) => {
    const fail = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    const date = parsePartialDate(form.actionDate, form.datePrecision)
    if (!date.ok) fail('actionDate', date.error)
    let newSourceDate: string | null = null
    if (form.newSourceDate) {
      const parsed = parsePartialDate(form.newSourceDate, 'day')
      if (parsed.ok) newSourceDate = parsed.value.date
      else fail('newSourceDate', parsed.error)
    }
    if (form.newSourceUrl && !isHttpUrl(form.newSourceUrl))
      fail('newSourceUrl', 'Enter a web address starting with http:// or https://')
    const hasNewSource = Boolean(
      form.newSourceTitle || form.newSourceUrl || form.newSourcePublisher,
    )
    if (hasNewSource && !form.newSourceTitle) fail('newSourceTitle', 'Give the new source a title')
    if (!date.ok || ctx.issues.length > 0) return z.NEVER
    return {
      fields: {
        kind: form.kind,
        title: form.title,
        actionDate: date.value.date,
        datePrecision: date.value.precision,
        actorId: form.actorId,
        targetId: form.targetId,
        documentId: form.documentId,
        response: form.response,
        outcomeNotes: form.outcomeNotes,
      },
      caseIds: [...new Set(form.caseIds)],
      sourceIds: [...new Set(form.sourceIds)],
      newSource: hasNewSource
        ? {
            title: form.newSourceTitle!,
            publisher: form.newSourcePublisher,
            publishedOn: newSourceDate,
            url: form.newSourceUrl,
          }
        : null,
    }
  })

export type ActionFormOutput = z.output<typeof ActionFormSchema>
export type ActionFields = ActionFormOutput['fields']

export const ACTION_FIELD_LABELS: Record<keyof ActionFields | 'caseIds', string> = {
  kind: 'Kind',
  title: 'Title',
  actionDate: 'Date',
  datePrecision: 'Date precision',
  actorId: 'Who acted',
  targetId: 'Addressed to',
  documentId: 'Linked document',
  response: 'Response',
  outcomeNotes: 'Outcome notes',
  caseIds: 'Cases',
}

type SavedAction = ActionFields & { caseIds: number[] }

/** Form strings for a saved action, to fill the edit form (and compare with what was typed). */
export function actionToFormValues(saved: SavedAction): Record<string, string | string[]> {
  const id = (value: number | null) => (value === null ? '' : String(value))
  return {
    kind: saved.kind,
    title: saved.title,
    actionDate: partialDateInputValue({ date: saved.actionDate, precision: saved.datePrecision }),
    datePrecision: saved.datePrecision,
    actorId: id(saved.actorId),
    targetId: id(saved.targetId),
    documentId: id(saved.documentId),
    response: saved.response,
    outcomeNotes: saved.outcomeNotes,
    caseIds: saved.caseIds.map(String),
  }
}

const idSchema = z.coerce.number().int().positive().max(MAX_ID)
const filterSchemas = {
  kind: z.enum(ACTION_KINDS),
  response: z.enum(ACTION_RESPONSES),
  actor: idSchema,
  target: idSchema,
  case: idSchema,
  from: z.string().refine(isValidIsoDay),
  to: z.string().refine(isValidIsoDay),
}
type FilterKey = keyof typeof filterSchemas

/**
 * The list's URL: each filter is read on its own, so one bad value drops only itself and is named
 * in `ignored`. An end before the start drops both dates.
 */
export function parseActionListQuery(params: URLSearchParams) {
  const ignored: string[] = []
  const filters: ActionListFilters = { q: (params.get('q') ?? '').trim().slice(0, 200) }
  for (const key of Object.keys(filterSchemas) as FilterKey[]) {
    const raw = params.get(key)?.trim()
    if (!raw) continue
    const parsed = filterSchemas[key].safeParse(raw)
    if (parsed.success) Object.assign(filters, { [key]: parsed.data })
    else
      ignored.push(
        `The ${ACTION_FILTER_LABELS[key]} “${raw.slice(0, 40)}” was not understood and was ignored.`,
      )
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    ignored.push('The end date is before the start date, so the dates were ignored.')
    delete filters.from
    delete filters.to
  }
  const page = Number(params.get('page') ?? '1')
  return { filters, page: Number.isInteger(page) && page > 0 ? Math.min(page, 10_000) : 1, ignored }
}

/** The names the action form repeats. */
export const ACTION_ARRAY_FIELDS = ['sourceIds', 'caseIds'] as const

/**
 * Reads a submitted action form: a source search (save nothing, answer with matches), invalid input
 * (field errors and what was typed), or a valid action.
 */
export async function readActionFormData(form: Request | FormData) {
  const read = await parseForm(form, ActionFormSchema, { arrayFields: ACTION_ARRAY_FIELDS })
  const common = {
    raw: read.fields,
    values: read.values,
    ...sourcePicks(read.fields, LIMITS.sources),
  }
  if (isSourceSearch(read.fields)) return { kind: 'search' as const, ...common }
  if (!read.success) return { kind: 'invalid' as const, ...common, errors: read.fieldErrors }
  return { kind: 'valid' as const, ...common, input: read.data }
}

/** Where what is saved now differs from what the user typed, for the conflict notice. */
export function actionDifferences(
  saved: Record<string, string | string[]>,
  typed: Record<string, string | string[]>,
  names: {
    actors: Map<string, string>
    cases: Map<string, string>
    documents: Map<string, string>
  },
): Conflict['differences'] {
  const shown = (field: string, value: string | string[] | undefined): string => {
    if (value === undefined) return ''
    if (Array.isArray(value))
      return value
        .map((id) => names.cases.get(id) ?? `Case ${id}`)
        .sort()
        .join(', ')
    if (field === 'actorId' || field === 'targetId')
      return value ? (names.actors.get(value) ?? '') : ''
    if (field === 'documentId') return value ? (names.documents.get(value) ?? '') : ''
    if (['kind', 'response', 'datePrecision'].includes(field)) return labelOf(value)
    return value.replace(/\r\n/g, '\n').trim()
  }
  return (Object.keys(ACTION_FIELD_LABELS) as (keyof typeof ACTION_FIELD_LABELS)[])
    .map((field) => ({
      field,
      label: ACTION_FIELD_LABELS[field],
      saved: shown(field, saved[field]),
      typed: shown(field, typed[field] ?? (field === 'caseIds' ? [] : '')),
    }))
    .filter((d) => d.saved !== d.typed)
}
