// Actors: the list (accent-insensitive name search), an actor's page with what they said, issued
// and did, creating and editing them (merging two is in actor-merge.server.ts).
import { sql, type Kysely, type Transaction } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import {
  ACTOR_FIELDS,
  ACTOR_PAGE_SIZE,
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
