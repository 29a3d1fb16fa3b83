// Creating and saving documents: one transaction each, with its audit row. A save names the
// version it read; a stale one changes nothing and returns what is saved now.
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { DocumentFields } from '../domain/document-schema'
import { sha256Hex } from '../document-import/sha256'
import { diffFields, writeAudit, type Actor } from './audit.server'
import type { Viewer } from './case-visibility.server'
import { actorVisibleTo } from './record-visibility.server'

export const DOCUMENT_FIELDS = [
  'kind',
  'title',
  'place',
  'documentDate',
  'datePrecision',
  'issuerId',
  'language',
  'body',
  'url',
  'status',
] as const satisfies readonly (keyof DocumentFields)[]

/**
 * The body can be 200,000 characters: its audit value is its length and a digest, enough to see
 * that and when it changed without copying the text into every audit row.
 */
function auditable(fields: Record<string, unknown> | null) {
  if (!fields) return null
  const body = typeof fields.body === 'string' ? fields.body : ''
  const digest = `${body.length.toLocaleString('en')} characters, sha256 ${sha256Hex(body).slice(0, 12)}`
  return { ...fields, body: body === '' ? '' : digest }
}

/**
 * An issuer that does not exist, or that the viewer may not see, is no issuer: a hand-made form
 * cannot name one. Routes pass the signed-in user as `viewer`; scripts and seeds may leave it out.
 */
async function checkedIssuer(
  trx: Transaction<Database>,
  issuerId: number | null,
  viewer: Viewer | undefined,
) {
  if (issuerId === null) return null
  const row = await trx
    .selectFrom('actors')
    .select('id')
    .where('id', '=', issuerId)
    .where(viewer ? actorVisibleTo(viewer) : sql<SqlBool>`true`)
    .executeTakeFirst()
  return row ? row.id : undefined
}

export type UnknownIssuer = { ok: false; reason: 'unknown_issuer' }

export async function createDocument(
  db: Kysely<Database>,
  { actor, fields, viewer }: { actor: Actor; fields: DocumentFields; viewer?: Viewer },
): Promise<{ ok: true; id: number } | UnknownIssuer> {
  return db.transaction().execute(async (trx) => {
    if ((await checkedIssuer(trx, fields.issuerId, viewer)) === undefined)
      return { ok: false as const, reason: 'unknown_issuer' as const }
    const created = await trx
      .insertInto('documents')
      .values({ ...fields, createdBy: actor.userId, updatedBy: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor,
      entity: 'document',
      entityId: created.id,
      action: 'create',
      changes: diffFields(null, auditable(fields), { fields: DOCUMENT_FIELDS }),
    })
    return { ok: true as const, id: created.id }
  })
}

function getDocumentWithEditor(db: Transaction<Database>, id: number) {
  return db
    .selectFrom('documents')
    .leftJoin('users as editor', 'editor.id', 'documents.updatedBy')
    .selectAll('documents')
    .select(['editor.name as updatedByName'])
    .where('documents.id', '=', id)
    .executeTakeFirstOrThrow()
}

export type DocumentStale = {
  ok: false
  reason: 'stale'
  current: Awaited<ReturnType<typeof getDocumentWithEditor>>
}

/** Saves a document if nobody saved it (or its quotes, links, citations) since `version`. */
export async function updateDocument(
  db: Kysely<Database>,
  {
    actor,
    id,
    version,
    fields,
    viewer,
  }: { actor: Actor; id: number; version: number; fields: DocumentFields; viewer?: Viewer },
): Promise<{ ok: true } | DocumentStale | UnknownIssuer> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    const stale = async () => ({
      ok: false as const,
      reason: 'stale' as const,
      current: await getDocumentWithEditor(trx, id),
    })
    if (before.version !== version) return stale()
    if ((await checkedIssuer(trx, fields.issuerId, viewer)) === undefined)
      return { ok: false as const, reason: 'unknown_issuer' as const }
    const updated = await trx
      .updateTable('documents')
      .set({ ...fields, updatedAt: new Date(), updatedBy: actor.userId, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst()
    if (!updated) return stale()
    const changes = diffFields(auditable(before), auditable(fields), { fields: DOCUMENT_FIELDS })
    await writeAudit(trx, { actor, entity: 'document', entityId: id, action: 'update', changes })
    return { ok: true as const }
  })
}

/**
 * A quote, link or citation of the document changed: its version and time move on, so a form
 * opened before says someone else changed the document.
 */
export async function touchDocument(
  trx: Transaction<Database>,
  { actor, documentId }: { actor: Actor; documentId: number },
) {
  await trx
    .updateTable('documents')
    .set({ updatedAt: new Date(), updatedBy: actor.userId, version: sql`version + 1` })
    .where('id', '=', documentId)
    .execute()
}
