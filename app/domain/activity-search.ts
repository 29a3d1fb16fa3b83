// The activity list's filters and links, apart from the schemas that read them (activity.ts) so that
// the page builds its links in the browser without zod.
import type { AuditAction } from './vocabularies'

/** The kinds of record audit rows are written for, as the model functions name them. */
export const ACTIVITY_ENTITIES = [
  'case',
  'status_event',
  'citation',
  'document',
  'document_case',
  'document_quote',
  'source',
  'actor',
  'advocacy_action',
  'action_case',
  'user',
  'sign_in',
] as const

export type ActivityFilters = {
  user?: number
  entity?: string
  action?: AuditAction
  from?: string
  to?: string
}

/** The filters in the order their schemas are read and their links are written. */
export const ACTIVITY_FILTER_KEYS = ['user', 'entity', 'action', 'from', 'to'] as const

/** The list's query string with its filters, and optionally a cursor. */
export function activitySearch(
  filters: ActivityFilters,
  cursor?: { direction: 'before' | 'after'; value: string },
): string {
  const params = new URLSearchParams()
  for (const key of ACTIVITY_FILTER_KEYS) {
    const value = filters[key]
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  if (cursor) params.set(cursor.direction, cursor.value)
  const text = params.toString()
  return text ? `?${text}` : ''
}
