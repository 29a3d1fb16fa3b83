// The timeline of a case: reading it with its sources in one query, and recording events so that the
// case's derived state and the audit log change in the same transaction.
import { sql, type Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import type {
  Certainty,
  CustodyState,
  DatePrecision,
  LegalStage,
  ReleaseReason,
} from '../domain/vocabularies'
import { diffFields, writeAudit, type Actor } from './audit.server'
import { refreshDerivedState } from './case.server'

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

/** The timeline of one case, oldest first, each event with the sources it cites (one SQL statement). */
export function getTimeline(db: Kysely<Database>, caseId: number) {
  return db
    .selectFrom('statusEvents')
    .selectAll('statusEvents')
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('citations')
          .innerJoin('sources', 'sources.id', 'citations.sourceId')
          .select([
            'citations.id as citationId',
            'citations.locator',
            'sources.id',
            'sources.title',
            'sources.publisher',
            'sources.publishedOn',
            'sources.publishedPrecision',
            'sources.url',
            'sources.urlMissing',
          ])
          .whereRef('citations.statusEventId', '=', 'statusEvents.id')
          .orderBy('citations.id'),
      ).as('sources'),
    )
    .where('statusEvents.caseId', '=', caseId)
    .orderBy('statusEvents.eventDate')
    .orderBy('statusEvents.createdAt')
    .orderBy('statusEvents.id')
    .execute()
}

export type TimelineEntry = Awaited<ReturnType<typeof getTimeline>>[number]

export async function recordStatusEvent(
  db: Kysely<Database>,
  {
    actor,
    caseId,
    fields,
    sourceIds = [],
  }: { actor: Actor; caseId: number; fields: StatusEventFields; sourceIds?: number[] },
) {
  return db.transaction().execute(async (trx) => {
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
    for (const sourceId of [...new Set(sourceIds)]) {
      const citation = await trx
        .insertInto('citations')
        .values({
          sourceId,
          statusEventId: event.id,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
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
          { field: 'statusEventId', new: event.id },
        ],
      })
    }
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
    return event
  })
}
