// What the public may see (DESIGN.md, "Outward faces"): a case whose visibility is `public` AND whose
// consent is `given`; nothing a hidden case also uses (a document linked to it, a source cited for
// it); the display name when one is set. Shared by the public page and the public feeds.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'

/** Longer than any slug the app makes: such an address is not looked up. */
export const MAX_SLUG_LENGTH = 200

/** `alias` (a `cases` row) is a case the public may not see: not public, or public without consent. */
export function hiddenCase(alias: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.visibility`)} <> 'public' or ${sql.ref(`${alias}.consent`)} <> 'given')`
}

export function publicCase(eb: ExpressionBuilder<Database, 'cases'>) {
  return eb.and([eb('cases.visibility', '=', 'public'), eb('cases.consent', '=', 'given')])
}

/** A document linked to a hidden case is hidden: its title may name that case. */
export function documentLinkedToHiddenCase(eb: ExpressionBuilder<Database, 'documents'>) {
  return eb.exists(
    eb
      .selectFrom('documentCases as hiddenLink')
      .innerJoin('cases as hidden', 'hidden.id', 'hiddenLink.caseId')
      .select('hiddenLink.caseId')
      .whereRef('hiddenLink.documentId', '=', 'documents.id')
      .where(hiddenCase('hidden')),
  )
}

/**
 * A source cited anywhere for a hidden case — its facts, an event, a document or quote linked to
 * it, an action for it — is left out: a news article on two people names both.
 */
export function sourceCitedForHiddenCase(eb: ExpressionBuilder<Database, 'sources'>) {
  const hiddenCaseExists = (idColumn: string) =>
    sql<SqlBool>`exists (select 1 from cases as hidden where hidden.id = ${sql.ref(idColumn)} and ${hiddenCase('hidden')})`
  return eb.exists(
    eb
      .selectFrom('citations as other')
      .select('other.id')
      .whereRef('other.sourceId', '=', 'sources.id')
      .where((inner) =>
        inner.or([
          hiddenCaseExists('other.caseId'),
          inner.exists(
            inner
              .selectFrom('statusEvents as otherEvent')
              .select('otherEvent.id')
              .whereRef('otherEvent.id', '=', 'other.statusEventId')
              .where(hiddenCaseExists('otherEvent.caseId')),
          ),
          inner.exists(
            inner
              .selectFrom('documentCases as otherDoc')
              .leftJoin(
                'documentQuotes as otherQuote',
                'otherQuote.documentId',
                'otherDoc.documentId',
              )
              .select('otherDoc.caseId')
              .where((w) =>
                w.or([
                  w('otherDoc.documentId', '=', w.ref('other.documentId')),
                  w('otherQuote.id', '=', w.ref('other.documentQuoteId')),
                ]),
              )
              .where(hiddenCaseExists('otherDoc.caseId')),
          ),
          inner.exists(
            inner
              .selectFrom('actionCases as otherAction')
              .select('otherAction.caseId')
              .whereRef('otherAction.actionId', '=', 'other.advocacyActionId')
              .where(hiddenCaseExists('otherAction.caseId')),
          ),
        ]),
      ),
  )
}

/** The name the public sees: the display name when one is set (then no alias either). */
export function publicNames(row: {
  fullName: string
  displayName: string | null
  aliases: string[]
}) {
  const displayName = row.displayName?.trim()
  return displayName
    ? { name: displayName, aliases: [] }
    : { name: row.fullName, aliases: row.aliases }
}

/** The public name alone (the feeds name each entry's case). */
export const publicNameOf = (row: { fullName: string; displayName: string | null }) =>
  publicNames({ ...row, aliases: [] }).name
