// What a reader may see of records tied to cases: documents and actions linked to a case hidden from
// them, citations of such records, and the actors and sources seen only there, are never listed nor
// counted (ADR 008). Shared by every model that lists documents, actions, citations, actors, sources.
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

/**
 * A document is seen by whoever may see every case it is linked to: one restricted case the viewer
 * was not granted hides it (its text may speak of that case). A document with no case is seen by
 * every signed-in user. Admins see all.
 */
export function documentVisibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'documents'>) => {
    if (viewer.role === 'admin') return sql<SqlBool>`true`
    return eb.not(
      eb.exists(
        eb
          .selectFrom('documentCases as hiddenLink')
          .innerJoin('cases as hiddenCase', 'hiddenCase.id', 'hiddenLink.caseId')
          .select('hiddenLink.caseId')
          .whereRef('hiddenLink.documentId', '=', 'documents.id')
          .where('hiddenCase.visibility', '=', 'restricted')
          .where((inner) =>
            inner.not(
              inner.exists(
                inner
                  .selectFrom('caseAccess')
                  .select('caseAccess.caseId')
                  .whereRef('caseAccess.caseId', '=', 'hiddenCase.id')
                  .where('caseAccess.userId', '=', viewer.id),
              ),
            ),
          ),
      ),
    )
  }
}

/**
 * An action is seen by whoever may see every case it is linked to, as documents are: its title and
 * notes may name a restricted person. One linked restricted case the viewer may not see hides it; an
 * action for no case is seen by everyone signed in. An action linked to no restricted case
 * (`restricted_case` 0, kept by triggers, migration 0010) is seen without looking at its links.
 */
export function actionVisibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'advocacyActions'>) => {
    if (viewer.role === 'admin') return sql<SqlBool>`true`
    return eb.or([
      eb('advocacyActions.restrictedCase', '=', 0),
      eb.not(
        eb.exists(
          eb
            .selectFrom('actionCases')
            .innerJoin('cases', 'cases.id', 'actionCases.caseId')
            .select('actionCases.caseId')
            .whereRef('actionCases.actionId', '=', 'advocacyActions.id')
            .where((inner) => inner.not(caseVisibleTo(viewer)(inner))),
        ),
      ),
    ])
  }
}

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

/**
 * A citation is seen when what it cites is seen (it cites exactly one thing). Correlated on the
 * citation's own row, so a query over one source's citations reads a few index entries rather than
 * every visible case, event, document and action.
 */
export function citationVisibleTo(_db: Db, viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'citations'>) => {
    if (viewer.role === 'admin') return sql<SqlBool>`true`
    return eb.or([
      eb.exists(
        eb
          .selectFrom('cases')
          .select('cases.id')
          .whereRef('cases.id', '=', 'citations.caseId')
          .where(caseVisibleTo(viewer)),
      ),
      eb.exists(
        eb
          .selectFrom('statusEvents')
          .innerJoin('cases', 'cases.id', 'statusEvents.caseId')
          .select('statusEvents.id')
          .whereRef('statusEvents.id', '=', 'citations.statusEventId')
          .where(caseVisibleTo(viewer)),
      ),
      eb.exists(
        eb
          .selectFrom('documents')
          .select('documents.id')
          .whereRef('documents.id', '=', 'citations.documentId')
          .where(documentVisibleTo(viewer)),
      ),
      eb.exists(
        eb
          .selectFrom('documentQuotes')
          .innerJoin('documents', 'documents.id', 'documentQuotes.documentId')
          .select('documentQuotes.id')
          .whereRef('documentQuotes.id', '=', 'citations.documentQuoteId')
          .where(documentVisibleTo(viewer)),
      ),
      eb.exists(
        eb
          .selectFrom('advocacyActions')
          .select('advocacyActions.id')
          .whereRef('advocacyActions.id', '=', 'citations.advocacyActionId')
          .where(actionVisibleTo(viewer)),
      ),
    ])
  }
}

/**
 * A source is seen when nothing cites it yet (just added to the library) or when at least one of
 * its citations is seen: a source cited only for records the reader may not see is hidden, since its
 * title often names the person. For queries on `sources`; admins see all.
 */
export function sourceVisibleTo(db: Db, viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'sources'>) => {
    if (viewer.role === 'admin') return sql<SqlBool>`true`
    const citing = () =>
      eb
        .selectFrom('citations')
        .select('citations.id')
        .whereRef('citations.sourceId', '=', 'sources.id')
    return eb.or([
      eb.not(eb.exists(citing())),
      eb.exists(citing().where(citationVisibleTo(db, viewer))),
    ])
  }
}

/**
 * An actor is seen when they appear nowhere yet, or at least once where the reader may look: as the
 * issuer of a visible document, the speaker of a quote in one, the actor or target of a visible
 * action, or the sponsor of a visible case. An actor seen only on records the reader may not see is
 * hidden. For queries on `actors`; admins see all.
 */
export function actorVisibleTo(viewer: Viewer) {
  return (eb: ExpressionBuilder<Database, 'actors'>) => {
    if (viewer.role === 'admin') return sql<SqlBool>`true`
    const quotes = () =>
      eb
        .selectFrom('documentQuotes')
        .select('documentQuotes.id')
        .whereRef('documentQuotes.actorId', '=', 'actors.id')
    const visibleQuotes = () =>
      eb
        .selectFrom('documentQuotes')
        .innerJoin('documents', 'documents.id', 'documentQuotes.documentId')
        .select('documentQuotes.id')
        .whereRef('documentQuotes.actorId', '=', 'actors.id')
        .where(documentVisibleTo(viewer))
    const issued = () =>
      eb
        .selectFrom('documents')
        .select('documents.id')
        .whereRef('documents.issuerId', '=', 'actors.id')
    const actions = (role: 'actorId' | 'targetId') =>
      eb
        .selectFrom('advocacyActions')
        .select('advocacyActions.id')
        .whereRef(`advocacyActions.${role}`, '=', 'actors.id')
    const sponsored = () =>
      eb
        .selectFrom('caseSponsors')
        .innerJoin('cases', 'cases.id', 'caseSponsors.caseId')
        .select('caseSponsors.caseId')
        .whereRef('caseSponsors.actorId', '=', 'actors.id')
    return eb.or([
      eb.and([
        eb.not(eb.exists(quotes())),
        eb.not(eb.exists(issued())),
        eb.not(eb.exists(actions('actorId'))),
        eb.not(eb.exists(actions('targetId'))),
        eb.not(eb.exists(sponsored())),
      ]),
      eb.exists(visibleQuotes()),
      eb.exists(issued().where(documentVisibleTo(viewer))),
      eb.exists(actions('actorId').where(actionVisibleTo(viewer))),
      eb.exists(actions('targetId').where(actionVisibleTo(viewer))),
      eb.exists(sponsored().where(caseVisibleTo(viewer))),
    ])
  }
}
