// The document list: search, filters and pages, and the values its filters offer. Every statement
// starts from documentVisibleTo, so a document the user may not see is never listed nor counted.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import { DOCUMENT_PAGE_SIZE, type DocumentListQuery } from '../domain/document-filters'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { documentVisibleTo } from './document.server'

type Db = Kysely<Database>

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function documentMatches(viewer: Viewer, { filters, range }: DocumentListQuery) {
  return (eb: ExpressionBuilder<Database, 'documents'>) => {
    const conditions: Expression<SqlBool>[] = [documentVisibleTo(viewer)(eb)]
    // Every word typed must appear in the title or the text (case-insensitive).
    for (const word of filters.q.split(/\s+/).filter(Boolean).slice(0, 8)) {
      const pattern = likePattern(word)
      conditions.push(
        eb.or([eb('documents.title', 'ilike', pattern), eb('documents.body', 'ilike', pattern)]),
      )
    }
    if (filters.kind) conditions.push(eb('documents.kind', '=', filters.kind))
    if (filters.status) conditions.push(eb('documents.status', '=', filters.status))
    if (filters.language) conditions.push(eb('documents.language', '=', filters.language))
    if (filters.issuer) conditions.push(eb('documents.issuerId', '=', filters.issuer))
    if (range.fromDate) conditions.push(eb('documents.documentDate', '>=', range.fromDate))
    if (range.toDate) conditions.push(eb('documents.documentDate', '<=', range.toDate))
    if (filters.case) {
      conditions.push(
        eb.exists(
          eb
            .selectFrom('documentCases as filterLink')
            .innerJoin('cases as filterCase', 'filterCase.id', 'filterLink.caseId')
            .select('filterLink.caseId')
            .whereRef('filterLink.documentId', '=', 'documents.id')
            .where('filterCase.slug', '=', filters.case),
        ),
      )
    }
    return eb.and(conditions)
  }
}

/** One page of the documents a viewer may see, newest first; a page past the end is the last one. */
export async function listDocumentsForUser(
  db: Db,
  { viewer, query }: { viewer: Viewer; query: DocumentListQuery },
): Promise<{
  documents: Awaited<ReturnType<typeof pageRows>>
  total: number
  page: number
  pageCount: number
}> {
  const rows = await pageRows(db, viewer, query, query.page)
  const total = rows[0]?.total ?? 0
  if (rows.length === 0 && query.page > 1) {
    const { count } = await db
      .selectFrom('documents')
      .select(sql<number>`count(*)::int`.as('count'))
      .where(documentMatches(viewer, query))
      .executeTakeFirstOrThrow()
    const last = Math.max(1, Math.ceil(count / DOCUMENT_PAGE_SIZE))
    if (last < query.page)
      return listDocumentsForUser(db, { viewer, query: { ...query, page: last } })
  }
  return {
    documents: rows,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / DOCUMENT_PAGE_SIZE)),
  }
}

function pageRows(db: Db, viewer: Viewer, query: DocumentListQuery, page: number) {
  return db
    .selectFrom('documents')
    .leftJoin('actors as issuer', 'issuer.id', 'documents.issuerId')
    .select([
      'documents.id',
      'documents.kind',
      'documents.title',
      'documents.place',
      'documents.documentDate',
      'documents.datePrecision',
      'documents.language',
      'documents.status',
      'documents.issuerId',
      'issuer.name as issuerName',
      sql<number>`(count(*) over ())::int`.as('total'),
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('documentCases')
          .innerJoin('cases', 'cases.id', 'documentCases.caseId')
          .select(['cases.slug', 'cases.fullName'])
          .whereRef('documentCases.documentId', '=', 'documents.id')
          .orderBy('cases.fullName'),
      ).as('cases'),
    )
    .where(documentMatches(viewer, query))
    .orderBy(sql`${sql.ref('documents.documentDate')} desc nulls last`)
    .orderBy('documents.id', 'desc')
    .limit(DOCUMENT_PAGE_SIZE)
    .offset((page - 1) * DOCUMENT_PAGE_SIZE)
    .execute()
}

export type DocumentFilterOption = { value: string; label: string }
export type DocumentFilterOptions = Record<'issuer' | 'language' | 'case', DocumentFilterOption[]>

/**
 * The issuers, languages and cases of the documents a viewer may see, for the filter selects: one
 * statement (a UNION ALL of three GROUP BYs).
 */
export async function listDocumentFilterOptions(
  db: Db,
  { viewer }: { viewer: Viewer },
): Promise<DocumentFilterOptions> {
  const rows = await db
    .selectFrom('documents')
    .innerJoin('actors', 'actors.id', 'documents.issuerId')
    .select([
      sql<string>`'issuer'`.as('facet'),
      sql<string>`${sql.ref('actors.id')}::text`.as('value'),
      'actors.name as label',
    ])
    .where(documentVisibleTo(viewer))
    .groupBy(['actors.id', 'actors.name'])
    .unionAll(
      db
        .selectFrom('documents')
        .select([
          sql<string>`'language'`.as('facet'),
          'documents.language as value',
          'documents.language as label',
        ])
        .where(documentVisibleTo(viewer))
        .groupBy('documents.language'),
    )
    .unionAll(
      db
        .selectFrom('documents')
        .innerJoin('documentCases', 'documentCases.documentId', 'documents.id')
        .innerJoin('cases', 'cases.id', 'documentCases.caseId')
        .select([sql<string>`'case'`.as('facet'), 'cases.slug as value', 'cases.fullName as label'])
        .where(documentVisibleTo(viewer))
        .where(caseVisibleTo(viewer))
        .groupBy(['cases.slug', 'cases.fullName']),
    )
    .execute()
  const options: DocumentFilterOptions = { issuer: [], language: [], case: [] }
  for (const row of rows) options[row.facet as keyof DocumentFilterOptions].push(row)
  for (const list of Object.values(options))
    list.sort((a, b) => a.label.localeCompare(b.label, 'en'))
  return options
}
