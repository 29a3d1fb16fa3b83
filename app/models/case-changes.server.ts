// What changed on one case since this user's previous visit, for the case page's highlights and the
// updates inbox. Read-only: the visit itself is recorded by a POST after the page has loaded.
import { sql, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import { formatVisitTime, visitSummary } from '../domain/follow'
import type { Viewer } from './case-visibility.server'
import { actionVisibleTo, documentVisibleTo } from './record-visibility.server'

type Db = Kysely<Database>

export type CaseFollowState = {
  following: boolean
  /** When this user last marked the case as seen; null if never. */
  seenAt: Date | null
  /** Where "new to you" starts: the last visit, or the follow for a followed case never opened. */
  since: Date | null
}

export async function getCaseFollowState(
  db: Db,
  { viewer, caseId }: { viewer: Viewer; caseId: number },
): Promise<CaseFollowState> {
  const row = await db
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('one'))
    .select((eb) => [
      eb
        .selectFrom('caseFollows')
        .select('caseFollows.createdAt')
        .where('caseFollows.userId', '=', viewer.id)
        .where('caseFollows.caseId', '=', caseId)
        .as('followedAt'),
      eb
        .selectFrom('caseVisits')
        .select('caseVisits.seenAt')
        .where('caseVisits.userId', '=', viewer.id)
        .where('caseVisits.caseId', '=', caseId)
        .as('seenAt'),
    ])
    .executeTakeFirstOrThrow()
  const followedAt = row.followedAt ? new Date(row.followedAt) : null
  const seenAt = row.seenAt ? new Date(row.seenAt) : null
  return { following: followedAt !== null, seenAt, since: seenAt ?? followedAt }
}

export type NewOnCase = {
  caseChanged: boolean
  events: number[]
  documents: number[]
  actions: number[]
}

const NOTHING_NEW: NewOnCase = { caseChanged: false, events: [], documents: [], actions: [] }

/**
 * The events, documents and actions of a case changed after `since` by someone else, which the
 * viewer may see, and whether the case record itself changed. Bounded: a case page shows them all
 * anyway; at most 200 of each kind are named.
 */
export async function newOnCase(
  db: Db,
  { viewer, caseId, since }: { viewer: Viewer; caseId: number; since: Date | null },
): Promise<NewOnCase> {
  if (!since) return NOTHING_NEW
  const others = (column: string) => sql<SqlBool>`${sql.ref(column)} is distinct from ${viewer.id}`
  const rows = await db
    .selectFrom('statusEvents as e')
    .select([sql<string>`'event'`.as('kind'), 'e.id'])
    .where('e.caseId', '=', caseId)
    .where('e.updatedAt', '>', since)
    .where(others('e.updatedBy'))
    .unionAll(
      db
        .selectFrom('documentCases as dc')
        .innerJoin('documents', 'documents.id', 'dc.documentId')
        .select([sql<string>`'document'`.as('kind'), 'documents.id'])
        .where('dc.caseId', '=', caseId)
        .where('documents.updatedAt', '>', since)
        .where(others('documents.updatedBy'))
        .where(documentVisibleTo(viewer)),
    )
    .unionAll(
      db
        .selectFrom('actionCases as ac')
        .innerJoin('advocacyActions', 'advocacyActions.id', 'ac.actionId')
        .select([sql<string>`'action'`.as('kind'), 'advocacyActions.id'])
        .where('ac.caseId', '=', caseId)
        .where('advocacyActions.updatedAt', '>', since)
        .where(others('advocacyActions.updatedBy'))
        .where(actionVisibleTo(viewer)),
    )
    .unionAll(
      db
        .selectFrom('cases')
        .select([sql<string>`'case'`.as('kind'), 'cases.id'])
        .where('cases.id', '=', caseId)
        .where('cases.updatedAt', '>', since)
        .where(others('cases.updatedBy')),
    )
    .limit(601)
    .execute()
  const of = (kind: string) =>
    rows
      .filter((r) => r.kind === kind)
      .map((r) => r.id)
      .slice(0, 200)
  return {
    caseChanged: rows.some((r) => r.kind === 'case'),
    events: of('event'),
    documents: of('document'),
    actions: of('action'),
  }
}

/** Everything the case page needs to mark what is new to this reader: two small statements. */
export async function getCaseNews(
  db: Db,
  { viewer, caseId }: { viewer: Viewer; caseId: number },
): Promise<
  CaseFollowState & NewOnCase & { readAt: Date; summary: ReturnType<typeof visitSummary> }
> {
  // Taken before reading: the visit the page then posts covers only what this view showed, so a
  // change saved while the page was loading is still news next time.
  const readAt = new Date()
  const state = await getCaseFollowState(db, { viewer, caseId })
  // Worded here, so the page's script carries no date formatting nor plurals.
  const seenLabel = state.seenAt ? formatVisitTime(state.seenAt) : null
  const news = await newOnCase(db, { viewer, caseId, since: state.since })
  const newCount = news.events.length + news.documents.length + news.actions.length
  return {
    readAt,
    summary: visitSummary({ seenLabel, newCount, caseChanged: news.caseChanged }),
    ...state,
    ...news,
  }
}
