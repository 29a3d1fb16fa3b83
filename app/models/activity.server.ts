// The admin's activity log: audit rows across the whole product, newest first, 50 at a time.
// Keyset pagination on (occurred_at, id) so a page deep in millions of rows costs what the first
// does, and no count(*): the page says "older" and "newer", not "page 3 of 40,000".
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ActivityCursor, ActivityFilters, ActivityRow } from '../domain/activity'

const DAY_MS = 86_400_000

function startOfUtcDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

async function queryPage(
  db: Kysely<Database>,
  {
    filters,
    cursor,
    limit,
  }: { filters: ActivityFilters; cursor: ActivityCursor | null; limit: number },
) {
  const newerFirst = cursor?.direction !== 'after'
  let query = db
    .selectFrom('auditEvents')
    .leftJoin('users as actor', 'actor.id', 'auditEvents.userId')
    .leftJoin('cases', 'cases.id', 'auditEvents.caseId')
    .leftJoin('users as subject', (join) =>
      join.on(
        sql<boolean>`subject.id = case when audit_events.entity = 'user' and audit_events.entity_id ~ '^[0-9]{1,9}$' then audit_events.entity_id::int end`,
      ),
    )
    .select([
      'auditEvents.id',
      'auditEvents.occurredAt',
      // Microseconds kept: a JavaScript Date would round them away and the cursor would skip rows.
      sql<string>`to_char(audit_events.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursorAt',
      ),
      'auditEvents.userId',
      'auditEvents.entity',
      'auditEvents.entityId',
      'auditEvents.action',
      'auditEvents.changes',
      'actor.name as userName',
      'cases.slug as caseSlug',
      'cases.fullName as caseName',
      'subject.name as subjectUserName',
    ])
  if (filters.user) query = query.where('auditEvents.userId', '=', filters.user)
  if (filters.entity) query = query.where('auditEvents.entity', '=', filters.entity)
  if (filters.action) query = query.where('auditEvents.action', '=', filters.action)
  if (filters.from) query = query.where('auditEvents.occurredAt', '>=', startOfUtcDay(filters.from))
  if (filters.to)
    query = query.where(
      'auditEvents.occurredAt',
      '<',
      new Date(startOfUtcDay(filters.to).getTime() + DAY_MS),
    )
  if (cursor) {
    const position = sql`(${cursor.occurredAt}::timestamptz, ${cursor.id}::bigint)`
    query = query.where(
      sql<boolean>`(audit_events.occurred_at, audit_events.id) ${sql.raw(newerFirst ? '<' : '>')} ${position}`,
    )
  }
  const order = newerFirst ? 'desc' : 'asc'
  const rows = await query
    .orderBy('auditEvents.occurredAt', order)
    .orderBy('auditEvents.id', order)
    .limit(limit)
    .execute()
  return rows.map((row) => ({ ...row, id: String(row.id) }))
}

export type ActivityPageRow = ActivityRow & { cursorAt: string }

/**
 * One page of the log. `older` / `newer` say whether a further page exists in that direction. A
 * "newer" page that reaches the top is read again from the top, so the first page is always full.
 */
export async function listActivity(
  db: Kysely<Database>,
  {
    filters,
    cursor,
    pageSize = 50,
  }: { filters: ActivityFilters; cursor: ActivityCursor | null; pageSize?: number },
): Promise<{ rows: ActivityPageRow[]; older: boolean; newer: boolean }> {
  if (cursor?.direction === 'after') {
    const rows = await queryPage(db, { filters, cursor, limit: pageSize + 1 })
    if (rows.length > pageSize)
      return { rows: rows.slice(0, pageSize).reverse(), older: true, newer: true }
    return listActivity(db, { filters, cursor: null, pageSize })
  }
  const rows = await queryPage(db, { filters, cursor, limit: pageSize + 1 })
  return { rows: rows.slice(0, pageSize), older: rows.length > pageSize, newer: cursor !== null }
}

/**
 * The people the log can be filtered by. Users are staff accounts — dozens, at most a few hundred
 * — so a capped list is a usable control; past the cap the page says the list is cut short and
 * the filter still works from a user's own page link.
 */
export async function listActivityUserOptions(
  db: Kysely<Database>,
  { cap = 300, selected }: { cap?: number; selected?: number },
) {
  const users = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    // The user the log is filtered by comes first, so it is never the one cut off.
    .orderBy(sql`id = ${selected ?? 0}`, 'desc')
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(cap + 1)
    .execute()
  const truncated = users.length > cap
  const shown = users.slice(0, cap).sort((a, b) => a.name.localeCompare(b.name))
  return { users: shown, truncated }
}
