// The History page of a case: its audit rows, newest first, a page at a time. One statement for the
// rows (with the acting user's name) and one for the names of the users, sources and events they
// point at, however many rows the page has.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { HistoryReferences, HistoryRow } from '../domain/history'
import { DATE_PRECISIONS, isOneOf } from '../domain/vocabularies'

/** The entities whose audit rows belong to a case's history. */
export const HISTORY_ENTITIES = ['case', 'status_event', 'citation'] as const

export async function listCaseHistory(
  db: Kysely<Database>,
  { caseId, limit = 50, offset = 0 }: { caseId: number; limit?: number; offset?: number },
): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('auditEvents')
    .leftJoin('users', 'users.id', 'auditEvents.userId')
    .select([
      'auditEvents.id',
      'auditEvents.occurredAt',
      'auditEvents.entity',
      'auditEvents.entityId',
      'auditEvents.action',
      'auditEvents.changes',
      'users.name as userName',
    ])
    .where('auditEvents.caseId', '=', caseId)
    .where('auditEvents.entity', 'in', HISTORY_ENTITIES)
    // Rows of one transaction share a timestamp: the id keeps them in the order they were written.
    .orderBy('auditEvents.occurredAt', 'desc')
    .orderBy('auditEvents.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map((row) => ({ ...row, id: String(row.id) }))
}

function idsOf(rows: HistoryRow[], pick: (row: HistoryRow) => unknown[]): number[] {
  const ids = new Set<number>()
  for (const row of rows)
    for (const value of pick(row)) {
      const id = Number(value)
      if (value !== null && value !== '' && Number.isSafeInteger(id) && id > 0) ids.add(id)
    }
  return [...ids]
}

function fieldValues(row: HistoryRow, field: string): unknown[] {
  return row.changes.filter((c) => c.field === field).flatMap((c) => [c.old, c.new])
}

/** Names for the owners, sources and events the rows mention, in one statement. */
export async function getHistoryReferences(
  db: Kysely<Database>,
  rows: HistoryRow[],
): Promise<HistoryReferences> {
  const refs: HistoryReferences = { users: {}, sources: {}, events: {} }
  const userIds = idsOf(rows, (row) => fieldValues(row, 'ownerId'))
  const sourceIds = idsOf(rows, (row) => fieldValues(row, 'sourceId'))
  const eventIds = idsOf(rows, (row) => [
    ...(row.entity === 'status_event' ? [row.entityId] : []),
    ...fieldValues(row, 'statusEventId'),
  ])
  if (!userIds.length && !sourceIds.length && !eventIds.length) return refs
  // `= any(array)` rather than `in (…)`: an empty list is then a valid (empty) condition.
  const anyOf = (ids: number[]) => sql<number>`any(${ids}::int[])`
  const found = await db
    .selectFrom('users')
    .select([
      sql<string>`'user'`.as('kind'),
      'id',
      'name as label',
      sql<string | null>`null`.as('precision'),
    ])
    .where('id', '=', anyOf(userIds))
    .unionAll(
      db
        .selectFrom('sources')
        .select([
          sql<string>`'source'`.as('kind'),
          'id',
          'title as label',
          sql<string | null>`null`.as('precision'),
        ])
        .where('id', '=', anyOf(sourceIds)),
    )
    .unionAll(
      db
        .selectFrom('statusEvents')
        .select([
          sql<string>`'event'`.as('kind'),
          'id',
          sql<string>`event_date::text`.as('label'),
          'datePrecision as precision',
        ])
        .where('id', '=', anyOf(eventIds)),
    )
    .execute()
  for (const { kind, id, label, precision } of found) {
    if (kind === 'user') refs.users[id] = label
    else if (kind === 'source') refs.sources[id] = label
    else if (isOneOf(DATE_PRECISIONS, precision)) refs.events[id] = { date: label, precision }
  }
  return refs
}
