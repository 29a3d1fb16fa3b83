// Following a case and "changed since your last visit" (issue 13 §3). A follow and a visit are one
// row each, keyed (user_id, case_id). Only POSTs write here: the case page reads the previous visit
// in its loader, then the page (or its "Mark as seen" button) posts the new one, so a GET never
// writes and reads could go to a replica.
import { sql, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { actionVisibleTo, documentVisibleTo } from './record-visibility.server'

type Db = Kysely<Database>

/** The id of a case the viewer may see, or undefined (the route answers 404). */
export async function findVisibleCase(db: Db, { slug, viewer }: { slug: string; viewer: Viewer }) {
  return db
    .selectFrom('cases')
    .select(['cases.id', 'cases.slug'])
    .where('cases.slug', '=', slug)
    .where(caseVisibleTo(viewer))
    .executeTakeFirst()
}

export async function followCase(db: Db, { userId, caseId }: { userId: number; caseId: number }) {
  await db
    .insertInto('caseFollows')
    .values({ userId, caseId })
    .onConflict((oc) => oc.columns(['userId', 'caseId']).doNothing())
    .execute()
}

export async function unfollowCase(db: Db, { userId, caseId }: { userId: number; caseId: number }) {
  await db
    .deleteFrom('caseFollows')
    .where('userId', '=', userId)
    .where('caseId', '=', caseId)
    .execute()
}

/**
 * Records that the user has seen the case as it was at `at` (when the page read it; never later
 * than now): one upsert on the primary key. A visit never moves back in time.
 */
export async function recordVisit(
  db: Db,
  { userId, caseId, at }: { userId: number; caseId: number; at?: Date },
) {
  const now = new Date()
  const seenAt = at && at.getTime() < now.getTime() ? at : now
  await db
    .insertInto('caseVisits')
    .values({ userId, caseId, seenAt })
    .onConflict((oc) =>
      oc
        .columns(['userId', 'caseId'])
        .doUpdateSet({ seenAt: sql`greatest(${sql.ref('caseVisits.seenAt')}, excluded.seen_at)` }),
    )
    .execute()
}

/**
 * Where "changed since" starts for this user and case: their last visit, or, for a followed case
 * they never opened, the moment they followed it. Null when neither: nothing is marked then, since
 * every entry would be new.
 */
export const sinceExpression = sql<Date | null>`coalesce(${sql.ref('visit.seenAt')}, ${sql.ref(
  'follow.createdAt',
)})`

/** The changes a user did not make themselves: their own edits are not news to them. */
const byOthers = (column: string, viewer: Viewer) =>
  sql<SqlBool>`${sql.ref(column)} is distinct from ${viewer.id}`

type CaseScope = ExpressionBuilder<Database, 'cases'>

/**
 * The latest change to a case after `since` that the viewer may see and did not make: the case
 * record itself (its details, or its state as the timeline moved it), its events, and the documents
 * and actions linked to it. Each part reads one case's few rows through an index on case_id.
 */
export function latestChangeAfter(eb: CaseScope, viewer: Viewer, since: typeof sinceExpression) {
  const ownRow = sql<Date | null>`case when ${sql.ref('cases.updatedAt')} > ${since} and ${byOthers(
    'cases.updatedBy',
    viewer,
  )} then ${sql.ref('cases.updatedAt')} end`
  const events = eb
    .selectFrom('statusEvents as e')
    .select(sql<Date | null>`max(${sql.ref('e.updatedAt')})`.as('at'))
    .whereRef('e.caseId', '=', 'cases.id')
    .where(sql<SqlBool>`${sql.ref('e.updatedAt')} > ${since}`)
    .where(byOthers('e.updatedBy', viewer))
  const documents = eb
    .selectFrom('documentCases as dc')
    .innerJoin('documents', 'documents.id', 'dc.documentId')
    .select(sql<Date | null>`max(${sql.ref('documents.updatedAt')})`.as('at'))
    .whereRef('dc.caseId', '=', 'cases.id')
    .where(sql<SqlBool>`${sql.ref('documents.updatedAt')} > ${since}`)
    .where(byOthers('documents.updatedBy', viewer))
    .where(documentVisibleTo(viewer))
  const actions = eb
    .selectFrom('actionCases as ac')
    .innerJoin('advocacyActions', 'advocacyActions.id', 'ac.actionId')
    .select(sql<Date | null>`max(${sql.ref('advocacyActions.updatedAt')})`.as('at'))
    .whereRef('ac.caseId', '=', 'cases.id')
    .where(sql<SqlBool>`${sql.ref('advocacyActions.updatedAt')} > ${since}`)
    .where(byOthers('advocacyActions.updatedBy', viewer))
    .where(actionVisibleTo(viewer))
  return sql<Date | null>`greatest(${ownRow}, (${events}), (${documents}), (${actions}))`
}

/**
 * For the rows of one case-list page: which cases changed since this user last opened them (or
 * followed them). Cases never opened nor followed are not marked. One statement for ≤ 50 ids.
 */
export async function changedCaseIds(
  db: Db,
  { viewer, caseIds }: { viewer: Viewer; caseIds: number[] },
): Promise<number[]> {
  if (caseIds.length === 0) return []
  const rows = await db
    .selectFrom('cases')
    .leftJoin('caseVisits as visit', (join) =>
      join.onRef('visit.caseId', '=', 'cases.id').on('visit.userId', '=', viewer.id),
    )
    .leftJoin('caseFollows as follow', (join) =>
      join.onRef('follow.caseId', '=', 'cases.id').on('follow.userId', '=', viewer.id),
    )
    .select('cases.id')
    .where('cases.id', 'in', caseIds)
    .where(caseVisibleTo(viewer))
    .where(sql<SqlBool>`${sinceExpression} is not null`)
    .where((eb) => sql<SqlBool>`${latestChangeAfter(eb, viewer, sinceExpression)} is not null`)
    .execute()
  return rows.map((r) => r.id)
}
