// A document's quotes: each attributed to an actor (or to a written attribution), at most 50,000
// characters. The quote forms carry the document's version: a stale save changes nothing.
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { QuoteFields } from '../domain/document-schema'
import { diffFields, writeAudit, type Actor } from './audit.server'
import type { Viewer } from './case-visibility.server'
import { actorVisibleTo } from './record-visibility.server'
import { touchDocument } from './document-write.server'

type Trx = Transaction<Database>
const QUOTE_FIELDS = ['actorId', 'speakerLabel', 'body'] as const

/**
 * Whether the speaker named exists and the viewer may see them: a hand-made form can name an actor
 * that does not, or one seen only on a hidden record. Routes pass the signed-in user as `viewer`.
 */
async function speakerExists(trx: Trx, actorId: number | null, viewer: Viewer | undefined) {
  if (actorId === null) return true
  return Boolean(
    await trx
      .selectFrom('actors')
      .select('id')
      .where('id', '=', actorId)
      .where(viewer ? actorVisibleTo(viewer) : sql<SqlBool>`true`)
      .executeTakeFirst(),
  )
}

export type PartResult =
  { ok: true; id?: number } | { ok: false; reason: 'stale' | 'unknown_speaker' | 'not_found' }

/** Locks the document at `version`, or says it changed since (stale). */
async function lockDocument(trx: Trx, documentId: number, version: number) {
  const row = await trx
    .selectFrom('documents')
    .select('version')
    .where('id', '=', documentId)
    .forUpdate()
    .executeTakeFirst()
  return row?.version === version
}

export async function addQuote(
  db: Kysely<Database>,
  {
    actor,
    documentId,
    version,
    fields,
    viewer,
  }: {
    actor: Actor
    documentId: number
    version: number
    fields: QuoteFields
    viewer?: Viewer
  },
): Promise<PartResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockDocument(trx, documentId, version))) return { ok: false, reason: 'stale' }
    if (!(await speakerExists(trx, fields.actorId, viewer)))
      return { ok: false, reason: 'unknown_speaker' }
    const last = await trx
      .selectFrom('documentQuotes')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('documentId', '=', documentId)
      .executeTakeFirst()
    const quote = await trx
      .insertInto('documentQuotes')
      .values({ ...fields, documentId, position: (last?.position ?? -1) + 1 })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor,
      entity: 'document_quote',
      entityId: quote.id,
      action: 'create',
      changes: [
        { field: 'documentId', new: documentId },
        ...diffFields(null, fields, { fields: QUOTE_FIELDS }),
      ],
    })
    await touchDocument(trx, { actor, documentId })
    return { ok: true, id: quote.id }
  })
}

export async function updateQuote(
  db: Kysely<Database>,
  {
    actor,
    documentId,
    quoteId,
    version,
    fields,
    viewer,
  }: {
    actor: Actor
    documentId: number
    quoteId: number
    version: number
    fields: QuoteFields
    viewer?: Viewer
  },
): Promise<PartResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockDocument(trx, documentId, version))) return { ok: false, reason: 'stale' }
    const before = await trx
      .selectFrom('documentQuotes')
      .selectAll()
      .where('id', '=', quoteId)
      .where('documentId', '=', documentId)
      .executeTakeFirst()
    if (!before) return { ok: false, reason: 'not_found' }
    if (!(await speakerExists(trx, fields.actorId, viewer)))
      return { ok: false, reason: 'unknown_speaker' }
    await trx.updateTable('documentQuotes').set(fields).where('id', '=', quoteId).execute()
    await writeAudit(trx, {
      actor,
      entity: 'document_quote',
      entityId: quoteId,
      action: 'update',
      changes: diffFields(before, fields, { fields: QUOTE_FIELDS }),
    })
    await touchDocument(trx, { actor, documentId })
    return { ok: true, id: quoteId }
  })
}

/** Deletes a quote and the citations made for it, each audited. */
export async function deleteQuote(
  db: Kysely<Database>,
  {
    actor,
    documentId,
    quoteId,
    version,
  }: { actor: Actor; documentId: number; quoteId: number; version: number },
): Promise<PartResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockDocument(trx, documentId, version))) return { ok: false, reason: 'stale' }
    const before = await trx
      .selectFrom('documentQuotes')
      .selectAll()
      .where('id', '=', quoteId)
      .where('documentId', '=', documentId)
      .executeTakeFirst()
    if (!before) return { ok: false, reason: 'not_found' }
    const citations = await trx
      .selectFrom('citations')
      .select(['id', 'sourceId'])
      .where('documentQuoteId', '=', quoteId)
      .execute()
    for (const citation of citations) {
      await writeAudit(trx, {
        actor,
        entity: 'citation',
        entityId: citation.id,
        action: 'delete',
        changes: [
          { field: 'sourceId', old: citation.sourceId },
          { field: 'documentQuoteId', old: quoteId },
        ],
      })
    }
    await trx.deleteFrom('documentQuotes').where('id', '=', quoteId).execute()
    await writeAudit(trx, {
      actor,
      entity: 'document_quote',
      entityId: quoteId,
      action: 'delete',
      changes: [
        { field: 'documentId', old: documentId },
        ...diffFields(before, null, { fields: QUOTE_FIELDS }),
      ],
    })
    await touchDocument(trx, { actor, documentId })
    return { ok: true }
  })
}

/** One quote of one document; undefined when it is not that document's. */
export function getQuote(
  db: Kysely<Database>,
  { documentId, quoteId }: { documentId: number; quoteId: number },
) {
  return db
    .selectFrom('documentQuotes')
    .selectAll()
    .where('id', '=', quoteId)
    .where('documentId', '=', documentId)
    .executeTakeFirst()
}
