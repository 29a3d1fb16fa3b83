// The source library: searching it, and adding to it without ever duplicating a URL.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { NewSourceInput } from '../domain/event-schema'
import { writeAudit, type Actor } from './audit.server'

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

/** Sources whose title, publisher or URL contain the words typed (case- and accent-insensitive). */
export function searchSources(db: Db, { query, limit = 20 }: { query: string; limit?: number }) {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 6)
  let q = db.selectFrom('sources').select(SOURCE_COLUMNS)
  for (const word of words) {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where(
      sql<boolean>`(title ilike ${pattern} or coalesce(publisher, '') ilike ${pattern} or coalesce(url, '') ilike ${pattern})`,
    )
  }
  return q.orderBy('publishedOn', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export function getSourcesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('sources').select(SOURCE_COLUMNS).where('id', 'in', ids).execute()
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

/** Which of these ids exist: a hand-made form can name sources that do not. */
export async function existingSourceIds(db: Db, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('sources').select('id').where('id', 'in', ids).execute()
  return rows.map((r) => r.id)
}
