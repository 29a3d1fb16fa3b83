// Merging a duplicate actor into the one that is kept: a preview counting only what the reader may
// see, then one audited transaction that re-points every reference.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { ACTOR_FIELDS, mergeFills, mergeLosses } from '../domain/actor-schema'
import { diffFields, writeAudit, type Actor } from './audit.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { actorVisibleTo, hiddenActionIds, hiddenDocumentIds } from './record-visibility.server'
import { getActor } from './actor.server'

type Db = Kysely<Database> | Transaction<Database>

/**
 * How many references to an actor a merge would move, counting only what the viewer may see, and
 * whether there are others: the merge moves every one, but a count of the hidden ones would reveal
 * them.
 */
function referenceCounts(
  db: Db,
  { id, keptId, viewer }: { id: number; keptId: number; viewer: Viewer },
) {
  const count = sql<number>`count(*)::int`.as('n')
  const hiddenDocuments = hiddenDocumentIds(db, viewer)
  const hiddenActions = hiddenActionIds(db, viewer)
  // The removed actor's sponsorships of cases the viewer may see; `kept` says whether the kept actor
  // already sponsors that case (its own entry stays, this one goes). One actor's rows, by its index.
  const sponsorships = (kept: boolean) =>
    db
      .selectFrom('caseSponsors as s')
      .innerJoin('cases', 'cases.id', 's.caseId')
      .select(count)
      .where('s.actorId', '=', id)
      .where(caseVisibleTo(viewer))
      .where(({ exists, not, selectFrom }) => {
        const keptToo = exists(
          selectFrom('caseSponsors as k')
            .select('k.caseId')
            .whereRef('k.caseId', '=', 's.caseId')
            .where('k.actorId', '=', keptId),
        )
        return kept ? keptToo : not(keptToo)
      })
  return db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('documentQuotes')
        .select(count)
        .where('actorId', '=', id)
        .where('documentId', 'not in', hiddenDocuments)
        .as('quotes'),
      eb
        .selectFrom('documents')
        .select(count)
        .where('issuerId', '=', id)
        .where('id', 'not in', hiddenDocuments)
        .as('documents'),
      eb
        .selectFrom('advocacyActions')
        .select(count)
        .where('actorId', '=', id)
        .where('id', 'not in', hiddenActions)
        .as('actionsAsActor'),
      eb
        .selectFrom('advocacyActions')
        .select(count)
        .where('targetId', '=', id)
        .where('id', 'not in', hiddenActions)
        .as('actionsAsTarget'),
      sponsorships(false).as('sponsorships'),
      sponsorships(true).as('sponsorshipsAlreadyKept'),
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('documentQuotes')
              .select('id')
              .where('actorId', '=', id)
              .where('documentId', 'in', hiddenDocuments),
          ),
          eb.exists(
            eb
              .selectFrom('documents')
              .select('id')
              .where('issuerId', '=', id)
              .where('id', 'in', hiddenDocuments),
          ),
          eb.exists(
            eb
              .selectFrom('advocacyActions')
              .select('id')
              .where((inner) => inner.or([inner('actorId', '=', id), inner('targetId', '=', id)]))
              .where('id', 'in', hiddenActions),
          ),
          eb.exists(
            eb
              .selectFrom('caseSponsors as s')
              .innerJoin('cases', 'cases.id', 's.caseId')
              .select('s.caseId')
              .where('s.actorId', '=', id)
              .where((inner) => inner.not(caseVisibleTo(viewer)(inner))),
          ),
        ])
        .as('notShown'),
    ])
    .executeTakeFirstOrThrow()
}

/**
 * Both actors of a merge, what it would move (as far as the viewer may see: `movesNotShown` says
 * whether more moves, never how much) and what it would fill in; undefined if either is gone or
 * hidden from the viewer.
 */
export async function previewMerge(
  db: Db,
  { keptId, removedId, viewer }: { keptId: number; removedId: number; viewer: Viewer },
) {
  const [kept, removed] = await Promise.all(
    [keptId, removedId].map((id) => getActor(db, { id, viewer })),
  )
  if (!kept || !removed) return undefined
  const { notShown, ...moves } = await referenceCounts(db, { id: removedId, keptId, viewer })
  return {
    kept,
    removed,
    moves,
    movesNotShown: Boolean(notShown),
    fills: mergeFills(kept, removed),
    losses: mergeLosses(kept, removed),
  }
}

export type MergeResult =
  | { ok: true; moved: Record<string, number[]> }
  | { ok: false; reason: 'self' | 'not_found' | 'stale' }

/**
 * Merges `removedId` into `keptId` in one transaction: every reference moves to the kept actor, its
 * empty fields are filled from the removed one, the removed one is deleted, and the merge is audited.
 * The versions are those the user previewed: if either actor changed since, nothing happens. An
 * actor the viewer may not see is, for them, not there.
 */
export async function mergeActors(
  db: Kysely<Database>,
  {
    actor,
    viewer,
    keptId,
    removedId,
    keptVersion,
    removedVersion,
  }: {
    actor: Actor
    viewer: Viewer
    keptId: number
    removedId: number
    keptVersion: number
    removedVersion: number
  },
): Promise<MergeResult> {
  if (keptId === removedId) return { ok: false, reason: 'self' }
  return db.transaction().execute(async (trx) => {
    // Both rows locked in id order, so two merges of the same pair cannot deadlock.
    const rows = await trx
      .selectFrom('actors')
      .selectAll()
      .where('actors.id', 'in', [keptId, removedId])
      .where(actorVisibleTo(viewer))
      .orderBy('actors.id')
      .forUpdate()
      .execute()
    const kept = rows.find((r) => r.id === keptId)
    const removed = rows.find((r) => r.id === removedId)
    if (!kept || !removed) return { ok: false as const, reason: 'not_found' as const }
    if (kept.version !== keptVersion || removed.version !== removedVersion)
      return { ok: false as const, reason: 'stale' as const }

    const ids = (rows: { id: number }[]) => rows.map((r) => r.id)
    const moved: Record<string, number[]> = {
      'documentQuotes.actorId': ids(
        await trx
          .updateTable('documentQuotes')
          .set({ actorId: keptId })
          .where('actorId', '=', removedId)
          .returning('id')
          .execute(),
      ),
      'documents.issuerId': ids(
        await trx
          .updateTable('documents')
          .set({ issuerId: keptId })
          .where('issuerId', '=', removedId)
          .returning('id')
          .execute(),
      ),
      'advocacyActions.actorId': ids(
        await trx
          .updateTable('advocacyActions')
          .set({ actorId: keptId })
          .where('actorId', '=', removedId)
          .returning('id')
          .execute(),
      ),
      'advocacyActions.targetId': ids(
        await trx
          .updateTable('advocacyActions')
          .set({ targetId: keptId })
          .where('targetId', '=', removedId)
          .returning('id')
          .execute(),
      ),
    }
    // Sponsorships move too, except of a case the kept actor already sponsors (the cascade drops those).
    const sponsorships = (
      await trx
        .updateTable('caseSponsors')
        .set({ actorId: keptId })
        .where('actorId', '=', removedId)
        .where('caseId', 'not in', (eb) =>
          eb.selectFrom('caseSponsors as k').select('k.caseId').where('k.actorId', '=', keptId),
        )
        .returning('caseId')
        .execute()
    ).map((r) => r.caseId)
    if (sponsorships.length) moved['caseSponsors.actorId'] = sponsorships
    const fills = mergeFills(kept, removed)
    await trx
      .updateTable('actors')
      .set({
        ...Object.fromEntries(fills.map((f) => [f.field, f.value])),
        updatedAt: new Date(),
        updatedBy: actor.userId,
        version: sql`version + 1`,
      })
      .where('id', '=', keptId)
      .execute()
    await trx.deleteFrom('actors').where('id', '=', removedId).execute()
    await writeAudit(trx, {
      actor,
      entity: 'actor',
      entityId: keptId,
      action: 'merge',
      changes: [
        { field: 'mergedActor', old: { id: removed.id, name: removed.name, kind: removed.kind } },
        ...Object.entries(moved).map(([field, movedIds]) => ({ field, new: movedIds })),
        ...fills.map((f) => ({ field: f.field, old: kept[f.field], new: f.value })),
      ],
    })
    await writeAudit(trx, {
      actor,
      entity: 'actor',
      entityId: removedId,
      action: 'delete',
      changes: [
        { field: 'mergedInto', new: keptId },
        ...diffFields(removed, null, { fields: ACTOR_FIELDS }),
      ],
    })
    return { ok: true as const, moved }
  })
}
