// The source library: the filtered list, a source with everything that cites it (only what the
// reader may see). Adding, editing and deleting sources: source-write.server.ts.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import {
  SOURCE_PAGE_SIZE,
  containsPattern,
  searchWords,
  type SourceListQuery,
} from '../domain/source-schema'
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
