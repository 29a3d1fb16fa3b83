// Reading documents: who may see one, a document with everything its page shows (two statements),
// and the actors a document form offers.
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import { renderDocumentFootnotes } from '../domain/document-footnotes'
import { toPrefixTsQuery } from '../domain/text'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { actorVisibleTo, documentVisibleTo } from './record-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

export { documentVisibleTo }

/** One document if the viewer may see it, with its issuer's and last editor's names. */
export function getDocumentForUser(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  return db
    .selectFrom('documents')
    .leftJoin('actors as issuer', 'issuer.id', 'documents.issuerId')
    .leftJoin('users as editor', 'editor.id', 'documents.updatedBy')
    .selectAll('documents')
    .select(['issuer.name as issuerName', 'editor.name as updatedByName'])
    .where('documents.id', '=', id)
    .where(documentVisibleTo(viewer))
    .executeTakeFirst()
}

export type DocumentRecord = NonNullable<Awaited<ReturnType<typeof getDocumentForUser>>>

const SOURCE_COLUMNS = [
  'sources.id',
  'sources.title',
  'sources.publisher',
  'sources.publishedOn',
  'sources.publishedPrecision',
  'sources.url',
  'sources.urlMissing',
] as const

/** Everything the document page shows; null when there is no such document or it is hidden. */
export async function getDocumentPage(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  const document = await db
    .selectFrom('documents')
    .leftJoin('actors as issuer', 'issuer.id', 'documents.issuerId')
    .selectAll('documents')
    .select(['issuer.name as issuerName'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('documentQuotes as quote')
          .leftJoin('actors as speaker', 'speaker.id', 'quote.actorId')
          .select([
            'quote.id',
            'quote.actorId',
            'quote.speakerLabel',
            'quote.body',
            'quote.position',
            'speaker.name as speakerName',
            'speaker.kind as speakerKind',
            'speaker.politicalGroup as speakerGroup',
          ])
          .whereRef('quote.documentId', '=', 'documents.id')
          .orderBy('quote.position')
          .orderBy('quote.id'),
      ).as('quotes'),
      jsonArrayFrom(
        eb
          .selectFrom('documentCases')
          .innerJoin('cases', 'cases.id', 'documentCases.caseId')
          .select(['cases.id', 'cases.slug', 'cases.fullName', 'cases.visibility'])
          .whereRef('documentCases.documentId', '=', 'documents.id')
          .orderBy('cases.fullName'),
      ).as('cases'),
    ])
    .where('documents.id', '=', id)
    .where(documentVisibleTo(viewer))
    .executeTakeFirst()
  if (!document) return null

  const citations = await db
    .selectFrom('citations')
    .innerJoin('sources', 'sources.id', 'citations.sourceId')
    .leftJoin('documentQuotes as quote', 'quote.id', 'citations.documentQuoteId')
    .select(['citations.id as citationId', 'citations.documentQuoteId', 'citations.locator'])
    .select(SOURCE_COLUMNS)
    .where((eb) => eb.or([eb('citations.documentId', '=', id), eb('quote.documentId', '=', id)]))
    .orderBy('citations.id')
    .execute()
  const sourcesOf = (quoteId: number | null) =>
    citations.filter((c) => c.documentQuoteId === quoteId)

  const rendered = renderDocumentFootnotes({
    body: { text: document.body, sources: sourcesOf(null) },
    quotes: document.quotes.map((quote) => ({ text: quote.body, sources: sourcesOf(quote.id) })),
  })
  const { quotes, cases, body, ...record } = document
  return {
    record,
    bodyHtml: rendered.body.html,
    quotes: quotes.map((quote, index) => ({
      ...quote,
      html: rendered.quotes[index]!.html,
      unmarked: rendered.quotes[index]!.unmarked,
    })),
    cases,
    citations,
    footnotes: rendered.footnotes.map(({ citationId: _c, documentQuoteId: _q, ...f }) => f),
    hasBody: body.trim() !== '',
  }
}

export type DocumentPage = NonNullable<Awaited<ReturnType<typeof getDocumentPage>>>

/** The actors a form offers (issuer, speaker): every actor the viewer may see, by name. */
export function listActorOptions(db: Db, { viewer }: { viewer: Viewer }) {
  return db
    .selectFrom('actors')
    .select(['id', 'name', 'kind'])
    .where(actorVisibleTo(viewer))
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(5000)
    .execute()
}

export type ActorOption = Awaited<ReturnType<typeof listActorOptions>>[number]

/** Visible cases whose name, alias or summary match the words typed (the start of a word is enough). */
export async function findCasesToLink(
  db: Db,
  { viewer, query, limit = 20 }: { viewer: Viewer; query: string; limit?: number },
) {
  const tsQuery = toPrefixTsQuery(query)
  if (!tsQuery) return []
  // toPrefixTsQuery keeps only letters and digits, and the result is a bound parameter.
  return db
    .selectFrom('cases')
    .select(['cases.id', 'cases.slug', 'cases.fullName', 'cases.visibility'])
    .where(caseVisibleTo(viewer))
    .where(sql<SqlBool>`${sql.ref('cases.searchVector')} @@ to_tsquery('simple', ${tsQuery})`)
    .orderBy('cases.fullName')
    .limit(limit)
    .execute()
}

/** The cases a document is linked to, by name. */
export function listLinkedCases(db: Db, documentId: number) {
  return db
    .selectFrom('documentCases')
    .innerJoin('cases', 'cases.id', 'documentCases.caseId')
    .select(['cases.id', 'cases.slug', 'cases.fullName', 'cases.visibility'])
    .where('documentCases.documentId', '=', documentId)
    .orderBy('cases.fullName')
    .execute()
}

/** The case with this id if the viewer may see it. */
export function getVisibleCaseById(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  return db
    .selectFrom('cases')
    .select(['cases.id', 'cases.slug', 'cases.fullName'])
    .where('cases.id', '=', id)
    .where(caseVisibleTo(viewer))
    .executeTakeFirst()
}
