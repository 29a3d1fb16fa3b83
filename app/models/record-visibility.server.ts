// What a reader may see of records tied to cases: documents and actions linked to a case hidden from
// them, and citations of such records, are never listed nor counted. Shared by the source library
// and the actor pages.
import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { SEARCH_FOLD } from '../domain/source-schema'
import { caseVisibleTo, type Viewer } from './case-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

/** `column` lower-cased without accents, as foldSearchText folds what is typed. */
export function folded(column: string) {
  return sql<string>`translate(lower(${sql.ref(column)}), ${SEARCH_FOLD.from}, ${SEARCH_FOLD.to})`
}

const visibleCaseIds = (db: Db, viewer: Viewer) =>
  db.selectFrom('cases').select('cases.id').where(caseVisibleTo(viewer))

export const hiddenDocumentIds = (db: Db, viewer: Viewer) =>
  db
    .selectFrom('documentCases')
    .select('documentCases.documentId')
    .where('documentCases.caseId', 'not in', visibleCaseIds(db, viewer))

export const hiddenActionIds = (db: Db, viewer: Viewer) =>
  db
    .selectFrom('actionCases')
    .select('actionCases.actionId')
    .where('actionCases.caseId', 'not in', visibleCaseIds(db, viewer))

export function citationVisibleTo(db: Db, viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'citations'>) => {
    if (viewer.role === 'admin') return sql<SqlBool>`true`
    const hiddenDocuments = hiddenDocumentIds(db, viewer)
    const visibleEvents = db
      .selectFrom('statusEvents')
      .select('statusEvents.id')
      .where('statusEvents.caseId', 'in', visibleCaseIds(db, viewer))
    const hiddenQuotes = db
      .selectFrom('documentQuotes')
      .select('documentQuotes.id')
      .where('documentQuotes.documentId', 'in', hiddenDocuments)
    return eb.and([
      eb.or([
        eb('citations.caseId', 'is', null),
        eb('citations.caseId', 'in', visibleCaseIds(db, viewer)),
      ]),
      eb.or([
        eb('citations.statusEventId', 'is', null),
        eb('citations.statusEventId', 'in', visibleEvents),
      ]),
      eb.or([
        eb('citations.documentId', 'is', null),
        eb('citations.documentId', 'not in', hiddenDocuments),
      ]),
      eb.or([
        eb('citations.documentQuoteId', 'is', null),
        eb('citations.documentQuoteId', 'not in', hiddenQuotes),
      ]),
      eb.or([
        eb('citations.advocacyActionId', 'is', null),
        eb('citations.advocacyActionId', 'not in', hiddenActionIds(db, viewer)),
      ]),
    ])
  }
}
