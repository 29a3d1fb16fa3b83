// Actors: the list (accent-insensitive name search), an actor's page with what they said, issued
// and did, creating and editing them, and merging a duplicate into the actor that is kept.
import { sql, type Kysely, type Transaction } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import {
  ACTOR_FIELDS,
  ACTOR_PAGE_SIZE,
  mergeFills,
  mergeLosses,
  type ActorFields,
  type ActorListQuery,
} from '../domain/actor-schema'
import { containsPattern, searchWords } from '../domain/source-schema'
import { diffFields, writeAudit, type Actor } from './audit.server'
import type { Viewer } from './case-visibility.server'
import {
  actorVisibleTo,
  folded,
  hiddenActionIds,
  hiddenDocumentIds,
} from './record-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

/**
 * One page of the actors the viewer may see, by name. The search folds case and accents in SQL
 * (translate(), see SEARCH_FOLD), so "bjork" finds "Björk" and pages stay exact; every word typed
 * must appear.
 */
export async function listActors(
  db: Db,
  {
    query,
    viewer,
    pageSize = ACTOR_PAGE_SIZE,
    exceptId,
  }: { query: ActorListQuery; viewer: Viewer; pageSize?: number; exceptId?: number },
) {
  let rows = db
    .selectFrom('actors')
    .select([
      'actors.id',
      'actors.kind',
      'actors.name',
      'actors.politicalGroup',
      'actors.organisation',
      'actors.roles',
      'actors.country',
      sql<number>`(count(*) over ())::int`.as('total'),
    ])
    .where(actorVisibleTo(viewer))
  for (const word of searchWords(query.q))
    rows = rows.where(folded('actors.name'), 'like', containsPattern(word))
  if (query.kind) rows = rows.where('actors.kind', '=', query.kind)
  if (exceptId !== undefined) rows = rows.where('actors.id', '!=', exceptId)
  const page = await rows
    .orderBy(sql`lower(${sql.ref('actors.name')})`)
    .orderBy('actors.id')
    .limit(pageSize)
    .offset((query.page - 1) * pageSize)
    .execute()
  return { actors: page.map(({ total: _, ...row }) => row), total: page[0]?.total ?? 0, pageSize }
}

/**
 * An actor with their quotes, the documents they issued and the actions they took or were
 * addressed by, in one statement; anything linked to a case the viewer may not see is left out, and
 * an actor seen only there is not found.
 */
export function getActorPage(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  const hiddenDocuments = hiddenDocumentIds(db, viewer)
  const hiddenActions = hiddenActionIds(db, viewer)
  return db
    .selectFrom('actors')
    .leftJoin('users as editor', 'editor.id', 'actors.updatedBy')
    .selectAll('actors')
    .select((eb) => [
      'editor.name as updatedByName',
      jsonArrayFrom(
        eb
          .selectFrom('documentQuotes as quote')
          .innerJoin('documents', 'documents.id', 'quote.documentId')
          .select([
            'quote.id',
            'quote.body',
            'documents.id as documentId',
            'documents.title as documentTitle',
            'documents.documentDate',
            'documents.datePrecision',
          ])
          .whereRef('quote.actorId', '=', 'actors.id')
          .where('documents.id', 'not in', hiddenDocuments)
          .orderBy('documents.documentDate', 'desc')
          .orderBy('quote.position'),
      ).as('quotes'),
      jsonArrayFrom(
        eb
          .selectFrom('documents')
          .select(['id', 'kind', 'title', 'documentDate', 'datePrecision', 'status'])
          .whereRef('documents.issuerId', '=', 'actors.id')
          .where('documents.id', 'not in', hiddenDocuments)
          .orderBy('documents.documentDate', 'desc'),
      ).as('documents'),
      jsonArrayFrom(
        eb
          .selectFrom('advocacyActions as action')
          .leftJoin('actors as actor', 'actor.id', 'action.actorId')
          .leftJoin('actors as target', 'target.id', 'action.targetId')
          .select([
            'action.id',
            'action.kind',
            'action.title',
            'action.actionDate',
            'action.datePrecision',
            'action.response',
            'actor.id as actorId',
            'actor.name as actorName',
            'target.id as targetId',
            'target.name as targetName',
          ])
          .where((w) =>
            w.or([
              w('action.actorId', '=', w.ref('actors.id')),
              w('action.targetId', '=', w.ref('actors.id')),
            ]),
          )
          .where('action.id', 'not in', hiddenActions)
          .orderBy('action.actionDate', 'desc'),
      ).as('actions'),
    ])
    .where('actors.id', '=', id)
    .where(actorVisibleTo(viewer))
    .executeTakeFirst()
}

export type ActorPage = NonNullable<Awaited<ReturnType<typeof getActorPage>>>

/** An actor if the viewer may see them; undefined, as for no such actor, otherwise. */
export function getActor(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  return db
    .selectFrom('actors')
    .selectAll()
    .where('actors.id', '=', id)
    .where(actorVisibleTo(viewer))
    .executeTakeFirst()
}

/** Adds an actor with its audit row; takes a transaction so an import can compose it. */
export async function insertActor(
  trx: Db,
  { actor, fields }: { actor: Actor; fields: ActorFields },
) {
  const created = await trx
    .insertInto('actors')
    .values({ ...fields, createdBy: actor.userId, updatedBy: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeAudit(trx, {
    actor,
    entity: 'actor',
    entityId: created.id,
    action: 'create',
    changes: diffFields(null, fields, { fields: ACTOR_FIELDS }),
  })
  return created
}

export function createActor(db: Kysely<Database>, args: { actor: Actor; fields: ActorFields }) {
  return db.transaction().execute((trx) => insertActor(trx, args))
}

function getActorWithEditor(db: Db, id: number) {
  return db
    .selectFrom('actors')
    .leftJoin('users as editor', 'editor.id', 'actors.updatedBy')
    .selectAll('actors')
    .select('editor.name as updatedByName')
    .where('actors.id', '=', id)
    .executeTakeFirstOrThrow()
}

export type ActorStale = {
  ok: false
  reason: 'stale'
  current: Awaited<ReturnType<typeof getActorWithEditor>>
}

/** Saves an actor if nobody saved it since `version` was read; a stale save changes nothing. */
export function updateActor(
  db: Kysely<Database>,
  {
    actor,
    id,
    version,
    fields,
  }: { actor: Actor; id: number; version: number; fields: ActorFields },
): Promise<{ ok: true } | ActorStale> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('actors')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const stale = async () => ({
      ok: false as const,
      reason: 'stale' as const,
      current: await getActorWithEditor(trx, id),
    })
    if (before.version !== version) return stale()
    const updated = await trx
      .updateTable('actors')
      .set({ ...fields, updatedAt: new Date(), updatedBy: actor.userId, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst()
    if (!updated) return stale()
    await writeAudit(trx, {
      actor,
      entity: 'actor',
      entityId: id,
      action: 'update',
      changes: diffFields(before, fields, { fields: ACTOR_FIELDS }),
    })
    return { ok: true as const }
  })
}

/**
 * How many references to an actor a merge would move, counting only what the viewer may see, and
 * whether there are others: the merge moves every one, but a count of the hidden ones would reveal
 * them.
 */
function referenceCounts(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  const count = sql<number>`count(*)::int`.as('n')
  const hiddenDocuments = hiddenDocumentIds(db, viewer)
  const hiddenActions = hiddenActionIds(db, viewer)
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
  const { notShown, ...moves } = await referenceCounts(db, { id: removedId, viewer })
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
    const moved = {
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
