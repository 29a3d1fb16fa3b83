// The changes to a user's followed cases after each one's `since` (last visit, or the follow): the
// events, documents, actions and case records changed by someone else, which the user may see. One
// union statement for a page of cases; the inbox and the digest read it (updates.server.ts).
import { sql, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import { sinceExpression } from './case-follow.server'
import type { Viewer } from './case-visibility.server'
import { actionVisibleTo, documentVisibleTo } from './record-visibility.server'

type Db = Kysely<Database>

export type UpdateEntry = {
  caseId: number
  kind: 'case' | 'event' | 'document' | 'action'
  id: number
  isNew: boolean
  at: Date
  title: string | null
  date: string | null
  precision: 'day' | 'month' | 'year' | null
  custodyState: string | null
  legalStage: string | null
  /** A document's or an action's kind. */
  recordKind: string | null
  /** An action's response. */
  response: string | null
}

/** Every change to the given followed cases after each one's `since`: one union of four parts. */
export function changesOf(db: Db, viewer: Viewer, caseIds: number[]) {
  const followed = () =>
    db
      .selectFrom('caseFollows as follow')
      .leftJoin('caseVisits as visit', (join) =>
        join.onRef('visit.caseId', '=', 'follow.caseId').on('visit.userId', '=', viewer.id),
      )
      .where('follow.userId', '=', viewer.id)
      .where('follow.caseId', 'in', caseIds)
  const since = sinceExpression
  const others = (column: string) => sql<SqlBool>`${sql.ref(column)} is distinct from ${viewer.id}`
  const events = followed()
    .innerJoin('statusEvents as e', 'e.caseId', 'follow.caseId')
    .where(sql<SqlBool>`${sql.ref('e.updatedAt')} > ${since}`)
    .where(others('e.updatedBy'))
    .select([
      'e.caseId',
      sql<string>`'event'`.as('kind'),
      'e.id',
      sql<boolean>`${sql.ref('e.createdAt')} > ${since}`.as('isNew'),
      'e.updatedAt as at',
      sql<string | null>`left(${sql.ref('e.description')}, 200)`.as('title'),
      sql<string | null>`${sql.ref('e.eventDate')}::text`.as('date'),
      sql<string | null>`${sql.ref('e.datePrecision')}`.as('precision'),
      sql<string | null>`${sql.ref('e.custodyState')}`.as('custodyState'),
      sql<string | null>`${sql.ref('e.legalStage')}`.as('legalStage'),
      sql<string | null>`null`.as('recordKind'),
      sql<string | null>`null`.as('response'),
    ])
  const documents = followed()
    .innerJoin('documentCases as dc', 'dc.caseId', 'follow.caseId')
    .innerJoin('documents', 'documents.id', 'dc.documentId')
    .where(sql<SqlBool>`${sql.ref('documents.updatedAt')} > ${since}`)
    .where(others('documents.updatedBy'))
    .where(documentVisibleTo(viewer))
    .select([
      'dc.caseId',
      sql<string>`'document'`.as('kind'),
      'documents.id',
      sql<boolean>`${sql.ref('documents.createdAt')} > ${since}`.as('isNew'),
      'documents.updatedAt as at',
      sql<string | null>`${sql.ref('documents.title')}`.as('title'),
      sql<string | null>`${sql.ref('documents.documentDate')}::text`.as('date'),
      sql<string | null>`${sql.ref('documents.datePrecision')}`.as('precision'),
      sql<string | null>`null`.as('custodyState'),
      sql<string | null>`null`.as('legalStage'),
      sql<string | null>`${sql.ref('documents.kind')}`.as('recordKind'),
      sql<string | null>`null`.as('response'),
    ])
  const actions = followed()
    .innerJoin('actionCases as ac', 'ac.caseId', 'follow.caseId')
    .innerJoin('advocacyActions as a', 'a.id', 'ac.actionId')
    .where(sql<SqlBool>`${sql.ref('a.updatedAt')} > ${since}`)
    .where(others('a.updatedBy'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('advocacyActions')
          .select('advocacyActions.id')
          .whereRef('advocacyActions.id', '=', 'a.id')
          .where(actionVisibleTo(viewer)),
      ),
    )
    .select([
      'ac.caseId',
      sql<string>`'action'`.as('kind'),
      'a.id',
      sql<boolean>`${sql.ref('a.createdAt')} > ${since}`.as('isNew'),
      'a.updatedAt as at',
      sql<string | null>`${sql.ref('a.title')}`.as('title'),
      sql<string | null>`${sql.ref('a.actionDate')}::text`.as('date'),
      sql<string | null>`${sql.ref('a.datePrecision')}`.as('precision'),
      sql<string | null>`null`.as('custodyState'),
      sql<string | null>`null`.as('legalStage'),
      sql<string | null>`${sql.ref('a.kind')}`.as('recordKind'),
      sql<string | null>`${sql.ref('a.response')}`.as('response'),
    ])
  const record = followed()
    .innerJoin('cases', 'cases.id', 'follow.caseId')
    .where(sql<SqlBool>`${sql.ref('cases.updatedAt')} > ${since}`)
    .where(others('cases.updatedBy'))
    .select([
      'cases.id as caseId',
      sql<string>`'case'`.as('kind'),
      'cases.id',
      sql<boolean>`false`.as('isNew'),
      'cases.updatedAt as at',
      sql<string | null>`null`.as('title'),
      sql<string | null>`null`.as('date'),
      sql<string | null>`null`.as('precision'),
      sql<string | null>`${sql.ref('cases.currentCustodyState')}`.as('custodyState'),
      sql<string | null>`${sql.ref('cases.currentLegalStage')}`.as('legalStage'),
      sql<string | null>`null`.as('recordKind'),
      sql<string | null>`null`.as('response'),
    ])
  return events.unionAll(documents).unionAll(actions).unionAll(record)
}
