// The source library: the filtered list, a source with everything that cites it (only what the
// reader may see), and adding, editing and deleting sources, each write with its audit row.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import {
  SOURCE_FIELDS,
  SOURCE_PAGE_SIZE,
  containsPattern,
  searchWords,
  urlVariants,
  type SourceFields,
  type SourceListQuery,
} from '../domain/source-schema'
import { diffFields, writeAudit, type Actor } from './audit.server'
import type { Viewer } from './case-visibility.server'
import { citationVisibleTo, folded, sourceVisibleTo } from './record-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

/**
 * One page of the sources the viewer may see, filtered, newest publication first, with how often
 * each is cited where the viewer may look.
 */
export async function listSources(
  db: Db,
  {
    query,
    viewer,
    pageSize = SOURCE_PAGE_SIZE,
  }: { query: SourceListQuery; viewer: Viewer; pageSize?: number },
) {
  let rows = db.selectFrom('sources').select((eb) => [
    'sources.id',
    'sources.title',
    'sources.publisher',
    'sources.publishedOn',
    'sources.publishedPrecision',
    'sources.url',
    'sources.kind',
    'sources.reliability',
    sql<number>`(${eb
      .selectFrom('citations')
      .select(sql<number>`count(*)::int`.as('n'))
      .whereRef('citations.sourceId', '=', 'sources.id')
      .where(citationVisibleTo(db, viewer))})`.as('citedCount'),
    sql<number>`(count(*) over ())::int`.as('total'),
  ])
  rows = rows.where(sourceVisibleTo(db, viewer))
  for (const word of searchWords(query.q)) {
    const pattern = containsPattern(word)
    rows = rows.where((eb) =>
      eb.or([
        eb(folded('sources.title'), 'like', pattern),
        eb(folded('sources.publisher'), 'like', pattern),
        eb(folded('sources.url'), 'like', pattern),
      ]),
    )
  }
  if (query.kind) rows = rows.where('sources.kind', '=', query.kind)
  if (query.reliability) rows = rows.where('sources.reliability', '=', query.reliability)
  if (query.publisher) rows = rows.where('sources.publisher', '=', query.publisher)
  if (query.year)
    rows = rows.where(
      sql<number>`extract(year from ${sql.ref('sources.publishedOn')})`,
      '=',
      query.year,
    )
  const page = await rows
    .orderBy(sql`${sql.ref('sources.publishedOn')} desc nulls last`)
    .orderBy('sources.id', 'desc')
    .limit(pageSize)
    .offset((query.page - 1) * pageSize)
    .execute()
  const total = page[0]?.total ?? 0
  return { sources: page.map(({ total: _, ...row }) => row), total, pageSize }
}

/** The values the publisher and year filters offer: those of the sources the viewer may see. */
export async function sourceFilterOptions(db: Db, { viewer }: { viewer: Viewer }) {
  const year = sql<number>`extract(year from ${sql.ref('sources.publishedOn')})::int`
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('sources')
          .select('sources.publisher')
          .where('sources.publisher', 'is not', null)
          .where(sourceVisibleTo(db, viewer))
          .groupBy('sources.publisher')
          .orderBy('sources.publisher')
          .limit(500),
      ).as('publishers'),
      jsonArrayFrom(
        eb
          .selectFrom('sources')
          .select(year.as('year'))
          .where('sources.publishedOn', 'is not', null)
          .where(sourceVisibleTo(db, viewer))
          .groupBy(year)
          .orderBy(year, 'desc'),
      ).as('years'),
    ])
    .executeTakeFirstOrThrow()
  return {
    publishers: row.publishers.map((p) => p.publisher).filter((p): p is string => p !== null),
    years: row.years.map((y) => y.year),
  }
}

/**
 * A source and everything citing it that the viewer may see — cases, events (with their case),
 * documents, quotes, actions — in one statement. `cited` (cited at all) and `citedElsewhere` (cited
 * in a record the viewer may not see) are yes or no, never a count: a total would reveal records.
 * A source cited only where the viewer may not look is not found.
 */
export function getSourcePage(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  const citing = (eb: ExpressionBuilder<Database, 'sources'>) =>
    eb
      .selectFrom('citations')
      .whereRef('citations.sourceId', '=', 'sources.id')
      .where(citationVisibleTo(db, viewer))
  return db
    .selectFrom('sources')
    .leftJoin('users as editor', 'editor.id', 'sources.updatedBy')
    .selectAll('sources')
    .select((eb) => [
      'editor.name as updatedByName',
      eb
        .exists(
          eb
            .selectFrom('citations')
            .select('citations.id')
            .whereRef('citations.sourceId', '=', 'sources.id'),
        )
        .as('cited'),
      eb
        .exists(
          eb
            .selectFrom('citations')
            .select('citations.id')
            .whereRef('citations.sourceId', '=', 'sources.id')
            .where((inner) => inner.not(citationVisibleTo(db, viewer)(inner))),
        )
        .as('citedElsewhere'),
      jsonArrayFrom(
        citing(eb)
          .innerJoin('cases', 'cases.id', 'citations.caseId')
          .select(['citations.id', 'citations.locator', 'cases.slug', 'cases.fullName'])
          .orderBy('cases.fullName'),
      ).as('cases'),
      jsonArrayFrom(
        citing(eb)
          .innerJoin('statusEvents as event', 'event.id', 'citations.statusEventId')
          .innerJoin('cases', 'cases.id', 'event.caseId')
          .select([
            'citations.id',
            'citations.locator',
            'event.eventDate',
            'event.datePrecision',
            'event.custodyState',
            'event.legalStage',
            'event.certainty',
            'event.description',
            'cases.slug',
            'cases.fullName',
          ])
          .orderBy('cases.fullName')
          .orderBy('event.eventDate'),
      ).as('events'),
      jsonArrayFrom(
        citing(eb)
          .innerJoin('documents', 'documents.id', 'citations.documentId')
          .select([
            'citations.id',
            'citations.locator',
            'documents.id as documentId',
            'documents.kind',
            'documents.title',
            'documents.documentDate',
            'documents.datePrecision',
          ])
          .orderBy('documents.documentDate', 'desc'),
      ).as('documents'),
      jsonArrayFrom(
        citing(eb)
          .innerJoin('documentQuotes as quote', 'quote.id', 'citations.documentQuoteId')
          .innerJoin('documents', 'documents.id', 'quote.documentId')
          .leftJoin('actors', 'actors.id', 'quote.actorId')
          .select([
            'citations.id',
            'quote.body',
            'quote.speakerLabel',
            'actors.id as actorId',
            'actors.name as actorName',
            'documents.id as documentId',
            'documents.title as documentTitle',
          ])
          .orderBy('documents.id')
          .orderBy('quote.position'),
      ).as('quotes'),
      jsonArrayFrom(
        citing(eb)
          .innerJoin('advocacyActions as action', 'action.id', 'citations.advocacyActionId')
          .leftJoin('actors', 'actors.id', 'action.actorId')
          .select([
            'citations.id',
            'action.kind',
            'action.title',
            'action.actionDate',
            'action.datePrecision',
            'actors.name as actorName',
          ])
          .orderBy('action.actionDate', 'desc'),
      ).as('actions'),
    ])
    .where('sources.id', '=', id)
    .where(sourceVisibleTo(db, viewer))
    .executeTakeFirst()
}

export type SourcePage = NonNullable<Awaited<ReturnType<typeof getSourcePage>>>

/** A source if the viewer may see it; undefined, as for no such source, otherwise. */
export function getSource(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  return db
    .selectFrom('sources')
    .selectAll()
    .where('sources.id', '=', id)
    .where(sourceVisibleTo(db, viewer))
    .executeTakeFirst()
}

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
