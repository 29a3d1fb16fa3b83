// The action list's filters and links, apart from the schemas that read them (action-schema.ts) so
// that the list page builds its links in the browser without zod.
import type { ACTION_KINDS, ACTION_RESPONSES } from './vocabularies'

export const ACTION_PAGE_SIZE = 50

export type ActionListFilters = {
  q: string
  kind?: (typeof ACTION_KINDS)[number]
  response?: (typeof ACTION_RESPONSES)[number]
  actor?: number
  target?: number
  case?: number
  from?: string
  to?: string
}

export const ACTION_FILTER_LABELS: Record<Exclude<keyof ActionListFilters, 'q'>, string> = {
  kind: 'kind',
  response: 'response',
  actor: 'actor',
  target: 'target',
  case: 'case',
  from: 'start date',
  to: 'end date',
}

/** A list link keeping the filters, with a page or a filter changed. */
export function actionListSearch(
  filters: ActionListFilters,
  change: { page?: number; remove?: keyof ActionListFilters } = {},
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '' && key !== change.remove) params.set(key, String(value))
  if (change.page && change.page > 1) params.set('page', String(change.page))
  const search = params.toString()
  return search ? `?${search}` : ''
}
