// The links of a document: to the cases it concerns and to the sources it cites (for itself or one
// of its quotes). Each change runs in one transaction with its audit row and moves the document's
// version on (touchDocument).
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { writeAudit, type Actor } from './audit.server'
import type { Viewer } from './case-visibility.server'
import { touchDocument } from './document-write.server'
import { existingSourceIds } from './source.server'

/** Links a case (already checked visible by the caller). Linking twice changes nothing. */
export async function linkCase(
  db: Kysely<Database>,
  { actor, documentId, caseId }: { actor: Actor; documentId: number; caseId: number },
) {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('documentCases')
      .values({ documentId, caseId })
      .onConflict((oc) => oc.doNothing())
      .returning('caseId')
      .executeTakeFirst()
    if (!inserted) return false
    await writeAudit(trx, {
      actor,
      entity: 'document_case',
      entityId: `${documentId}:${caseId}`,
      action: 'create',
      caseId,
      changes: [
        { field: 'documentId', new: documentId },
        { field: 'caseId', new: caseId },
      ],
    })
    await touchDocument(trx, { actor, documentId })
    return true
  })
}

export async function unlinkCase(
  db: Kysely<Database>,
  { actor, documentId, caseId }: { actor: Actor; documentId: number; caseId: number },
) {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('documentCases')
      .where('documentId', '=', documentId)
      .where('caseId', '=', caseId)
      .returning('caseId')
      .executeTakeFirst()
    if (!deleted) return false
    await writeAudit(trx, {
      actor,
      entity: 'document_case',
      entityId: `${documentId}:${caseId}`,
      action: 'delete',
      caseId,
      changes: [
        { field: 'documentId', old: documentId },
        { field: 'caseId', old: caseId },
      ],
    })
    await touchDocument(trx, { actor, documentId })
    return true
  })
}

/**
 * Cites sources for the document (quoteId null) or one of its quotes. A source already cited for
 * that target is not cited twice; unknown sources, and those hidden from `viewer` (routes pass the
 * signed-in user), are left out. Returns how many were added.
 */
export async function citeSources(
  db: Kysely<Database>,
  {
    actor,
    documentId,
    quoteId,
    sourceIds,
    locator,
    viewer,
  }: {
    actor: Actor
    documentId: number
    quoteId: number | null
    sourceIds: number[]
    locator: string | null
    viewer?: Viewer
  },
): Promise<{ ok: true; added: number } | { ok: false; reason: 'not_found' }> {
  return db.transaction().execute(async (trx) => {
    if (quoteId !== null) {
      const quote = await trx
        .selectFrom('documentQuotes')
        .select('id')
        .where('id', '=', quoteId)
        .where('documentId', '=', documentId)
        .executeTakeFirst()
      if (!quote) return { ok: false as const, reason: 'not_found' as const }
    }
    const existing = await existingSourceIds(trx, sourceIds, viewer)
    const already = await trx
      .selectFrom('citations')
      .select('sourceId')
      .where(quoteId === null ? 'documentId' : 'documentQuoteId', '=', quoteId ?? documentId)
      .execute()
    const cited = new Set(already.map((c) => c.sourceId))
    const known = new Set(existing)
    const toAdd = [...new Set(sourceIds)].filter((id) => known.has(id) && !cited.has(id))
    for (const sourceId of toAdd) {
      const target = quoteId === null ? { documentId } : { documentQuoteId: quoteId }
      const citation = await trx
        .insertInto('citations')
        .values({ sourceId, ...target, locator, createdBy: actor.userId, updatedBy: actor.userId })
        .returning('id')
        .executeTakeFirstOrThrow()
      await writeAudit(trx, {
        actor,
        entity: 'citation',
        entityId: citation.id,
        action: 'create',
        changes: [
          { field: 'sourceId', new: sourceId },
          quoteId === null
            ? { field: 'documentId', new: documentId }
            : { field: 'documentQuoteId', new: quoteId },
          ...(locator ? [{ field: 'locator', new: locator }] : []),
        ],
      })
    }
    if (toAdd.length > 0) await touchDocument(trx, { actor, documentId })
    return { ok: true as const, added: toAdd.length }
  })
}

/** Removes one citation of the document or of one of its quotes. */
export async function removeCitation(
  db: Kysely<Database>,
  { actor, documentId, citationId }: { actor: Actor; documentId: number; citationId: number },
) {
  return db.transaction().execute(async (trx) => {
    const citation = await trx
      .selectFrom('citations')
      .leftJoin('documentQuotes as quote', 'quote.id', 'citations.documentQuoteId')
      .select([
        'citations.id',
        'citations.sourceId',
        'citations.documentId',
        'citations.documentQuoteId',
      ])
      .where('citations.id', '=', citationId)
      .where((eb) =>
        eb.or([
          eb('citations.documentId', '=', documentId),
          eb('quote.documentId', '=', documentId),
        ]),
      )
      .executeTakeFirst()
    if (!citation) return false
    await trx.deleteFrom('citations').where('id', '=', citationId).execute()
    await writeAudit(trx, {
      actor,
      entity: 'citation',
      entityId: citationId,
      action: 'delete',
      changes: [
        { field: 'sourceId', old: citation.sourceId },
        citation.documentQuoteId === null
          ? { field: 'documentId', old: documentId }
          : { field: 'documentQuoteId', old: citation.documentQuoteId },
      ],
    })
    await touchDocument(trx, { actor, documentId })
    return true
  })
}
