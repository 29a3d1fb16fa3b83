// Adding, editing and deleting a library source, each write with its audit row; a URL already in
// the library (under any spelling) is never saved twice, and a reader who may not see the source
// holding it learns only that it is taken.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { SOURCE_FIELDS, urlVariants, type SourceFields } from '../domain/source-schema'
import { diffFields, writeAudit, type Actor } from './audit.server'
import type { Viewer } from './case-visibility.server'
import { sourceVisibleTo } from './record-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

/**
 * A source already in the library under any spelling of this URL (see urlVariants). Its title and
 * id are told only to a viewer who may see it; others learn only that the URL is taken.
 */
export async function findSourceByUrl(
  db: Db,
  { url, exceptId, viewer }: { url: string; exceptId?: number; viewer?: Viewer },
): Promise<ExistingSource | undefined> {
  let query = db
    .selectFrom('sources')
    .select((eb) => [
      'sources.id',
      'sources.title',
      sql<boolean>`${viewer ? sourceVisibleTo(db, viewer)(eb) : sql`true`}`.as('visible'),
    ])
    .where('sources.url', 'in', urlVariants(url))
  if (exceptId !== undefined) query = query.where('sources.id', '!=', exceptId)
  const found = await query.orderBy('sources.id').executeTakeFirst()
  if (!found) return undefined
  return found.visible ? { id: found.id, title: found.title } : { hidden: true }
}

/** The source holding a URL, or, when the viewer may not see it, only that there is one. */
export type ExistingSource = { id: number; title: string } | { hidden: true }
type DuplicateUrl = { ok: false; reason: 'duplicate_url'; existing: ExistingSource }

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'

/**
 * Runs a write that may store a URL; a URL already in the library (checked first, and again if a
 * concurrent save won the race to the unique index) is reported instead of saved.
 */
async function unlessUrlTaken<T>(
  db: Kysely<Database>,
  { url, exceptId, viewer }: { url: string | null; exceptId?: number; viewer?: Viewer },
  write: () => Promise<T>,
): Promise<T | DuplicateUrl> {
  const duplicate = async () => {
    const existing = url ? await findSourceByUrl(db, { url, exceptId, viewer }) : undefined
    return existing ? { ok: false as const, reason: 'duplicate_url' as const, existing } : null
  }
  const before = await duplicate()
  if (before) return before
  try {
    return await write()
  } catch (error) {
    const after = isUniqueViolation(error) ? await duplicate() : null
    if (after) return after
    throw error
  }
}

/** Adds a source and its audit row in one transaction; a trx-taking form for composed writes. */
export async function insertSource(
  trx: Db,
  { actor, fields }: { actor: Actor; fields: SourceFields },
) {
  const created = await trx
    .insertInto('sources')
    .values({
      ...fields,
      urlMissing: fields.url === null,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeAudit(trx, {
    actor,
    entity: 'source',
    entityId: created.id,
    action: 'create',
    changes: diffFields(null, fields, { fields: SOURCE_FIELDS }),
  })
  return created
}

/**
 * Adds a source unless its URL is in the library already. Routes pass the signed-in user as `viewer`,
 * so that a source they may not see is never named to them; scripts and seeds may leave it out.
 */
export function createSource(
  db: Kysely<Database>,
  { actor, fields, viewer }: { actor: Actor; fields: SourceFields; viewer?: Viewer },
): Promise<{ ok: true; id: number } | DuplicateUrl> {
  return unlessUrlTaken(db, { url: fields.url, viewer }, async () => {
    const created = await db.transaction().execute((trx) => insertSource(trx, { actor, fields }))
    return { ok: true as const, id: created.id }
  })
}

function getSourceWithEditor(db: Db, id: number) {
  return db
    .selectFrom('sources')
    .leftJoin('users as editor', 'editor.id', 'sources.updatedBy')
    .selectAll('sources')
    .select('editor.name as updatedByName')
    .where('sources.id', '=', id)
    .executeTakeFirstOrThrow()
}

export type SourceStale = {
  ok: false
  reason: 'stale'
  current: Awaited<ReturnType<typeof getSourceWithEditor>>
}

/** Saves a source if nobody saved it since `version` was read; a stale save changes nothing. */
export function updateSource(
  db: Kysely<Database>,
  {
    actor,
    id,
    version,
    fields,
    viewer,
  }: { actor: Actor; id: number; version: number; fields: SourceFields; viewer?: Viewer },
): Promise<{ ok: true } | SourceStale | DuplicateUrl> {
  return unlessUrlTaken(db, { url: fields.url, exceptId: id, viewer }, () =>
    db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('sources')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow()
      const stale = async () => ({
        ok: false as const,
        reason: 'stale' as const,
        current: await getSourceWithEditor(trx, id),
      })
      if (before.version !== version) return stale()
      const updated = await trx
        .updateTable('sources')
        .set({
          ...fields,
          urlMissing: fields.url === null,
          updatedAt: new Date(),
          updatedBy: actor.userId,
          version: sql`version + 1`,
        })
        .where('id', '=', id)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst()
      if (!updated) return stale()
      await writeAudit(trx, {
        actor,
        entity: 'source',
        entityId: id,
        action: 'update',
        changes: diffFields(before, fields, { fields: SOURCE_FIELDS }),
      })
      return { ok: true as const }
    }),
  )
}

/**
 * Deletes a source nothing cites. The row lock makes a citation added meanwhile wait (its foreign
 * key needs a share lock on this row), so the count cannot be outdated when the row goes. A source
 * the viewer may not see is not found.
 */
export function deleteSource(
  db: Kysely<Database>,
  { actor, id, viewer }: { actor: Actor; id: number; viewer: Viewer },
) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('sources')
      .selectAll()
      .where('sources.id', '=', id)
      .where(sourceVisibleTo(trx, viewer))
      .forUpdate()
      .executeTakeFirst()
    if (!before) return { ok: false as const, reason: 'not_found' as const }
    const { n } = await trx
      .selectFrom('citations')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('sourceId', '=', id)
      .executeTakeFirstOrThrow()
    if (n > 0) return { ok: false as const, reason: 'cited' as const, citationCount: n }
    await trx.deleteFrom('sources').where('id', '=', id).execute()
    await writeAudit(trx, {
      actor,
      entity: 'source',
      entityId: id,
      action: 'delete',
      changes: diffFields(before, null, { fields: SOURCE_FIELDS }),
    })
    return { ok: true as const }
  })
}
