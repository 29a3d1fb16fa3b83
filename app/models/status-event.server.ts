// The timeline of a case: recording, editing and deleting events so that the citations, the case's
// derived state and the audit log change in the same transaction. Reading it: timeline.server.ts.
import { sql, type Kysely, type Transaction } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import type { NewSourceInput } from '../domain/event-schema'
import type {
  Certainty,
  CustodyState,
  DatePrecision,
  LegalStage,
  ReleaseReason,
} from '../domain/vocabularies'
import { diffFields, writeAudit, type Actor } from './audit.server'
import { refreshDerivedState } from './case.server'
import { existingSourceIds, findOrCreateSource } from './source.server'

export type StatusEventFields = {
  eventDate: string
  datePrecision: DatePrecision
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  releaseReason: ReleaseReason | null
  location: string | null
  description: string
  certainty: Certainty
}

export const STATUS_EVENT_FIELDS = [
  'eventDate',
  'datePrecision',
  'custodyState',
  'legalStage',
  'releaseReason',
  'location',
  'description',
  'certainty',
] as const satisfies readonly (keyof StatusEventFields)[]

// Reading a timeline lives in timeline.server.ts; its importers still find it here.
export { getTimeline, getTimelineWindow, type TimelineEntry } from './timeline.server'

/** One event of one case, with the ids of its sources; undefined when it is not that case's. */
export function getStatusEvent(
  db: Kysely<Database> | Transaction<Database>,
  { caseId, eventId }: { caseId: number; eventId: number },
) {
  return db
    .selectFrom('statusEvents')
    .leftJoin('users as editor', 'editor.id', 'statusEvents.updatedBy')
    .selectAll('statusEvents')
    .select(['editor.name as updatedByName'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('citations')
          .select('citations.sourceId')
          .whereRef('citations.statusEventId', '=', 'statusEvents.id')
          .orderBy('citations.id'),
      ).as('citations'),
    )
    .where('statusEvents.caseId', '=', caseId)
    .where('statusEvents.id', '=', eventId)
    .executeTakeFirst()
}

type EventInput = {
  fields: StatusEventFields
  sourceIds: number[]
  newSource?: NewSourceInput | null
}

/** The sources an event will cite: the picked ones that exist, plus the inline one (reused by URL). */
async function resolveSources(trx: Transaction<Database>, actor: Actor, input: EventInput) {
  const ids = await existingSourceIds(trx, input.sourceIds)
  let reusedSource = false
  if (input.newSource) {
    const source = await findOrCreateSource(trx, { actor, input: input.newSource })
    reusedSource = source.reused
    if (!ids.includes(source.id)) ids.push(source.id)
  }
  return { ids, reusedSource }
}

async function cite(
  trx: Transaction<Database>,
  {
    actor,
    caseId,
    eventId,
    sourceId,
  }: { actor: Actor; caseId: number; eventId: number; sourceId: number },
) {
  const citation = await trx
    .insertInto('citations')
    .values({ sourceId, statusEventId: eventId, createdBy: actor.userId, updatedBy: actor.userId })
    .returning(['id'])
    .executeTakeFirstOrThrow()
  await writeAudit(trx, {
    actor,
    entity: 'citation',
    entityId: citation.id,
    action: 'create',
    caseId,
    changes: [
      { field: 'sourceId', new: sourceId },
      { field: 'statusEventId', new: eventId },
    ],
  })
}

/** The case changed: its derived state, its activity time and its version move on together. */
async function touchCase(
  trx: Transaction<Database>,
  { actor, caseId }: { actor: Actor; caseId: number },
) {
  await refreshDerivedState(trx, caseId)
  await trx
    .updateTable('cases')
    .set({
      lastActivityAt: new Date(),
      updatedAt: new Date(),
      updatedBy: actor.userId,
      version: sql`version + 1`,
    })
    .where('id', '=', caseId)
    .execute()
}

export async function recordStatusEvent(
  db: Kysely<Database>,
  {
    actor,
    caseId,
    fields,
    sourceIds = [],
    newSource = null,
  }: { actor: Actor; caseId: number } & Omit<EventInput, 'sourceIds'> & { sourceIds?: number[] },
) {
  return db.transaction().execute(async (trx) => {
    const { ids, reusedSource } = await resolveSources(trx, actor, { fields, sourceIds, newSource })
    const event = await trx
      .insertInto('statusEvents')
      .values({ ...fields, caseId, createdBy: actor.userId, updatedBy: actor.userId })
      .returning(['id'])
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor,
      entity: 'status_event',
      entityId: event.id,
      action: 'create',
      caseId,
      changes: diffFields(null, fields, { fields: STATUS_EVENT_FIELDS }),
    })
    for (const sourceId of ids) await cite(trx, { actor, caseId, eventId: event.id, sourceId })
    await touchCase(trx, { actor, caseId })
    return { id: event.id, reusedSource }
  })
}

export type EventStale = {
  ok: false
  current: NonNullable<Awaited<ReturnType<typeof getStatusEvent>>>
}

/** Saves an event if it is still at `version`; its citations become exactly the sources given. */
export async function updateStatusEvent(
  db: Kysely<Database>,
  {
    actor,
    caseId,
    eventId,
    version,
    fields,
    sourceIds,
    newSource = null,
  }: { actor: Actor; caseId: number; eventId: number; version: number } & EventInput,
): Promise<{ ok: true; reusedSource: boolean } | EventStale> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('statusEvents')
      .selectAll()
      .where('id', '=', eventId)
      .where('caseId', '=', caseId)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const stale = async (): Promise<EventStale> => ({
      ok: false,
      current: (await getStatusEvent(trx, { caseId, eventId }))!,
    })
    if (before.version !== version) return stale()
    const { ids, reusedSource } = await resolveSources(trx, actor, { fields, sourceIds, newSource })
    const updated = await trx
      .updateTable('statusEvents')
      .set({ ...fields, updatedAt: new Date(), updatedBy: actor.userId, version: sql`version + 1` })
      .where('id', '=', eventId)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst()
    if (!updated) return stale()
    await writeAudit(trx, {
      actor,
      entity: 'status_event',
      entityId: eventId,
      action: 'update',
      caseId,
      changes: diffFields(before, fields, { fields: STATUS_EVENT_FIELDS }),
    })
    const current = await trx
      .selectFrom('citations')
      .select(['id', 'sourceId'])
      .where('statusEventId', '=', eventId)
      .execute()
    for (const citation of current.filter((c) => !ids.includes(c.sourceId))) {
      await trx.deleteFrom('citations').where('id', '=', citation.id).execute()
      await writeAudit(trx, {
        actor,
        entity: 'citation',
        entityId: citation.id,
        action: 'delete',
        caseId,
        changes: [
          { field: 'sourceId', old: citation.sourceId },
          { field: 'statusEventId', old: eventId },
        ],
      })
    }
    const already = new Set(current.map((c) => c.sourceId))
    for (const sourceId of ids.filter((id) => !already.has(id)))
      await cite(trx, { actor, caseId, eventId, sourceId })
    await touchCase(trx, { actor, caseId })
    return { ok: true as const, reusedSource }
  })
}

/** Deletes an event and its citations (each audited), and derives the case's state again. */
export async function deleteStatusEvent(
  db: Kysely<Database>,
  { actor, caseId, eventId }: { actor: Actor; caseId: number; eventId: number },
) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('statusEvents')
      .selectAll()
      .where('id', '=', eventId)
      .where('caseId', '=', caseId)
      .forUpdate()
      .executeTakeFirst()
    if (!before) return false
    const citations = await trx
      .selectFrom('citations')
      .select(['id', 'sourceId'])
      .where('statusEventId', '=', eventId)
      .execute()
    for (const citation of citations) {
      await writeAudit(trx, {
        actor,
        entity: 'citation',
        entityId: citation.id,
        action: 'delete',
        caseId,
        changes: [
          { field: 'sourceId', old: citation.sourceId },
          { field: 'statusEventId', old: eventId },
        ],
      })
    }
    await trx.deleteFrom('statusEvents').where('id', '=', eventId).execute()
    await writeAudit(trx, {
      actor,
      entity: 'status_event',
      entityId: eventId,
      action: 'delete',
      caseId,
      changes: diffFields(before, null, { fields: STATUS_EVENT_FIELDS }),
    })
    await touchCase(trx, { actor, caseId })
    return true
  })
}
