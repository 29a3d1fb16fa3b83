// The source library: searching it, and adding to it without ever duplicating a URL. Functions that
// answer a user take that user as `viewer` and leave out the sources hidden from them (ADR 008); a
// caller without one (a script, a seed) sees the whole library.
import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { NewSourceInput } from '../domain/event-schema'
import { writeAudit, type Actor } from './audit.server'
import type { Viewer } from './case-visibility.server'
import { sourceVisibleTo } from './record-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

const SOURCE_COLUMNS = [
  'id',
  'title',
  'publisher',
  'publishedOn',
  'publishedPrecision',
  'url',
  'urlMissing',
] as const

const seenBy =
  (db: Db, viewer: Viewer | undefined) => (eb: ExpressionBuilder<Database, 'sources'>) =>
    viewer ? sourceVisibleTo(db, viewer)(eb) : sql<SqlBool>`true`

/** Sources whose title, publisher or URL contain the words typed (case- and accent-insensitive). */
export function searchSources(
  db: Db,
  { query, limit = 20, viewer }: { query: string; limit?: number; viewer?: Viewer },
) {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 6)
  let q = db.selectFrom('sources').select(SOURCE_COLUMNS).where(seenBy(db, viewer))
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where(
      sql<boolean>`(title ilike ${pattern} or coalesce(publisher, '') ilike ${pattern} or coalesce(url, '') ilike ${pattern})`,
    )
  }
  return q.orderBy('publishedOn', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export function getSourcesByIds(db: Db, ids: number[], viewer?: Viewer) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('sources')
    .select(SOURCE_COLUMNS)
    .where('id', 'in', ids)
    .where(seenBy(db, viewer))
    .execute()
}

/**
 * Whether this exact URL belongs to a source the viewer may not see: adding it again would reuse
 * that source, and citing it where they look would reveal it, so a form refuses it instead.
 */
export async function urlHeldByHiddenSource(
  db: Db,
  { url, viewer }: { url: string; viewer: Viewer },
): Promise<boolean> {
  const row = await db
    .selectFrom('sources')
    .select((eb) => sql<boolean>`${sourceVisibleTo(db, viewer)(eb)}`.as('visible'))
    .where('url', '=', url)
    .executeTakeFirst()
  return row !== undefined && !row.visible
}

/**
 * The id of the source for this input: an existing source with the same URL is reused (reported back
 * as `reused`), otherwise a new one is added with its audit row.
 */
export async function findOrCreateSource(
  trx: Db,
  { actor, input }: { actor: Actor; input: NewSourceInput },
) {
  if (input.url) {
    const existing = await trx
      .selectFrom('sources')
      .select(['id', 'title'])
      .where('url', '=', input.url)
      .executeTakeFirst()
    if (existing) return { id: existing.id, reused: true as const }
  }
  const created = await trx
    .insertInto('sources')
    .values({
      title: input.title,
      publisher: input.publisher,
      publishedOn: input.publishedOn,
      publishedPrecision: input.publishedOn ? 'day' : null,
      url: input.url,
      urlMissing: false,
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
    changes: [
      { field: 'title', new: input.title },
      { field: 'url', new: input.url },
    ],
  })
  return { id: created.id, reused: false as const }
}

/** Which of these ids exist (and the viewer may see): a hand-made form can name others. */
export async function existingSourceIds(db: Db, ids: number[], viewer?: Viewer): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('sources')
    .select('id')
    .where('id', 'in', ids)
    .where(seenBy(db, viewer))
    .execute()
  return rows.map((r) => r.id)
}
