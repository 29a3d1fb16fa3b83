// The admin's activity log: its filters as they live in the URL, the keyset cursor that pages it,
// each audit row as a sentence, and the link to the record it is about. Pure, so tests and the page
// read the same rules.
import { z } from 'zod'
import { isValidIsoDay } from './dates'
import {
  describeChange,
  describeHistoryRow,
  formatValue,
  type HistoryEntry,
  type HistoryReferences,
  type HistoryRow,
} from './history'
import { ACTIVITY_FILTER_KEYS, type ActivityFilters } from './activity-search'
import { MAX_ID } from '~/utils/record-id'
import { AUDIT_ACTIONS } from './vocabularies'

export {
  ACTIVITY_ENTITIES,
  ACTIVITY_FILTER_KEYS,
  activitySearch,
  type ActivityFilters,
} from './activity-search'

export const ACTIVITY_PAGE_SIZE = 50

/** Where a page starts: older than `before`, or newer than `after` (occurred_at with µs, then id). */
export type ActivityCursor = { direction: 'before' | 'after'; occurredAt: string; id: string }

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z),(\d{1,18})$/

const filterSchemas = {
  user: z.coerce.number().int().positive().max(MAX_ID),
  // Any well-formed name, so rows of a kind added later can still be found from a link.
  entity: z.string().regex(/^[a-z_]{1,40}$/),
  action: z.enum(AUDIT_ACTIONS),
  from: z.string().refine(isValidIsoDay),
  to: z.string().refine(isValidIsoDay),
} satisfies Record<(typeof ACTIVITY_FILTER_KEYS)[number], z.ZodType>
type FilterKey = keyof typeof filterSchemas

const FILTER_LABELS: Record<FilterKey, string> = {
  user: 'user',
  entity: 'kind of record',
  action: 'action',
  from: 'start date',
  to: 'end date',
}

export function parseActivityQuery(params: URLSearchParams) {
  const ignored: string[] = []
  const filters: ActivityFilters = {}
  for (const key of Object.keys(filterSchemas) as FilterKey[]) {
    const raw = params.get(key)?.trim()
    if (!raw) continue
    const parsed = filterSchemas[key].safeParse(raw)
    if (parsed.success) Object.assign(filters, { [key]: parsed.data })
    else
      ignored.push(
        `The ${FILTER_LABELS[key]} “${raw.slice(0, 40)}” was not understood and was ignored.`,
      )
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    ignored.push('The end date is before the start date, so the dates were ignored.')
    delete filters.from
    delete filters.to
  }
  let cursor: ActivityCursor | null = null
  for (const direction of ['before', 'after'] as const) {
    const match = CURSOR.exec(params.get(direction) ?? '')
    if (match && !Number.isNaN(Date.parse(match[1]!)))
      cursor = { direction, occurredAt: match[1]!, id: match[2]! }
  }
  return { filters, cursor, ignored }
}

export function cursorParam(row: { cursorAt: string; id: string | number }): string {
  return `${row.cursorAt},${row.id}`
}

/** An audit row as the activity page reads it: the row, the names of its case and of its user. */
export type ActivityRow = HistoryRow & {
  userId: number | null
  caseSlug: string | null
  caseName: string | null
  subjectUserName: string | null
}

function subjectName(row: ActivityRow): string {
  return row.subjectUserName ?? `user #${row.entityId}`
}

function fromAddress(row: ActivityRow): string[] {
  const address = row.changes.find((change) => change.field === 'client_address')?.new
  return typeof address === 'string' && address ? [`from ${address}`] : []
}

/** Sentences for account changes and sign-ins; history.ts phrases the rest. */
function describeUserRow(row: ActivityRow): Pick<HistoryEntry, 'summary' | 'details'> | null {
  const subject = subjectName(row)
  if (row.action === 'sign_in') return { summary: 'signed in', details: fromAddress(row) }
  if (row.action === 'sign_out') return { summary: 'signed out', details: [] }
  if (row.action === 'sign_in_failed')
    return { summary: `a sign-in to the account of ${subject} failed`, details: fromAddress(row) }
  if (row.action === 'password_change')
    return String(row.userId) === row.entityId
      ? { summary: 'changed their own password', details: [] }
      : { summary: `reset the password of ${subject}`, details: [] }
  if (row.action === 'create')
    return {
      summary: `created the account of ${subject}`,
      details: row.changes
        .filter((change) => !change.sensitive)
        .map((change) => `${change.field}: ${formatValue(change.field, change.new)}`),
    }
  if (row.action === 'update' && row.changes.length === 1) {
    const [change] = row.changes
    if (change?.field === 'disabled')
      return {
        summary: `${change.new ? 'disabled' : 'enabled'} the account of ${subject}`,
        details: [],
      }
    if (change?.field === 'role')
      return {
        summary: `changed the role of ${subject} from ${formatValue('role', change.old)} to ${formatValue('role', change.new)}`,
        details: [],
      }
    if (change) return { summary: `${describeChange(change)} (${subject})`, details: [] }
  }
  return null
}

export function describeActivityRow(row: ActivityRow, refs?: HistoryReferences): HistoryEntry {
  const entry = describeHistoryRow(row, refs)
  const user =
    row.entity === 'user'
      ? describeUserRow(row)
      : row.entity === 'sign_in' && row.action === 'sign_in_failed'
        ? { summary: 'a sign-in with an unknown email failed', details: fromAddress(row) }
        : null
  return user ? { ...entry, ...user } : entry
}

export type ActivityLink = { href: string; label: string }

function firstPart(entityId: string): string {
  return entityId.split(':')[0] ?? entityId
}

function changedValue(row: ActivityRow, field: string): string | null {
  const change = row.changes.find((c) => c.field === field)
  const value = change?.new ?? change?.old
  return value === undefined || value === null ? null : String(value)
}

/** Where the record an audit row is about can be opened; null when nothing can be linked. */
export function activityLink(row: ActivityRow): ActivityLink | null {
  const id = row.entityId
  const onCase = row.caseSlug
    ? { href: `/cases/${row.caseSlug}`, label: row.caseName ?? `Case ${row.caseSlug}` }
    : null
  switch (row.entity) {
    case 'case':
    case 'status_event':
    case 'citation':
      return onCase
    case 'document':
      return { href: `/documents/${id}`, label: `Document #${id}` }
    case 'document_case':
      return { href: `/documents/${firstPart(id)}`, label: `Document #${firstPart(id)}` }
    case 'document_quote': {
      const documentId = changedValue(row, 'documentId')
      return documentId
        ? { href: `/documents/${documentId}`, label: `Document #${documentId}` }
        : onCase
    }
    case 'source':
      return { href: `/sources/${id}`, label: `Source #${id}` }
    case 'actor':
      return { href: `/actors/${id}`, label: `Actor #${id}` }
    case 'advocacy_action':
      return { href: `/actions/${id}`, label: `Action #${id}` }
    case 'action_case':
      return { href: `/actions/${firstPart(id)}`, label: `Action #${firstPart(id)}` }
    case 'user':
      return { href: `/admin/users/${id}`, label: subjectName(row) }
    default:
      return onCase
  }
}
