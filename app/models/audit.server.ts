// Audit rows: written by the model functions in the same transaction as the change they record.
import type { Kysely, Transaction } from 'kysely'
import type { AuditChange, Database } from '../../db/schema'
import type { AuditAction } from '../domain/vocabularies'

export type Actor = { userId: number | null; requestId?: string | null }

type Comparable = Record<string, unknown>

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (value === undefined || value === '') return null
  return value
}

/**
 * The changed fields between two versions of a record. A sensitive field is recorded as changed
 * without its values, so the audit log never becomes a copy of what it protects.
 */
export function diffFields(
  before: Comparable | null,
  after: Comparable | null,
  { fields, sensitive = [] }: { fields: readonly string[]; sensitive?: readonly string[] },
): AuditChange[] {
  const changes: AuditChange[] = []
  for (const field of fields) {
    const oldValue = normalise(before?.[field])
    const newValue = normalise(after?.[field])
    if (JSON.stringify(oldValue) === JSON.stringify(newValue)) continue
    if (sensitive.includes(field)) changes.push({ field, sensitive: true })
    else {
      const change: AuditChange = { field }
      if (before) change.old = oldValue
      if (after) change.new = newValue
      changes.push(change)
    }
  }
  return changes
}

export async function writeAudit(
  db: Kysely<Database> | Transaction<Database>,
  {
    actor,
    entity,
    entityId,
    action,
    caseId = null,
    changes = [],
  }: {
    actor: Actor
    entity: string
    entityId: number | string
    action: AuditAction
    caseId?: number | null
    changes?: AuditChange[]
  },
): Promise<void> {
  await db
    .insertInto('auditEvents')
    .values({
      userId: actor.userId,
      requestId: actor.requestId ?? null,
      entity,
      entityId: String(entityId),
      action,
      caseId,
      changes: JSON.stringify(changes),
    })
    .execute()
}
