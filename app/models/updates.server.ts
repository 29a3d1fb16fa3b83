// The updates inbox (/updates) and its count in the navigation: what changed on the cases a user
// follows since they last saw each one, newest first, grouped by case. Bounded by the user's marked
// follows (a partial index kept by triggers) and, per case, by index lookups on case_id; the
// visibility rules of the case list, documents and actions apply, so a restricted case leaves the
// inbox with its grant.
import { sql, type Kysely, type SqlBool } from 'kysely'
import type { Database } from '../../db/schema'
import { latestChangeAfter, sinceExpression } from './case-follow.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { changesOf, type UpdateEntry } from './update-changes.server'

export type { UpdateEntry } from './update-changes.server'

type Db = Kysely<Database>

export const UPDATES_PAGE_SIZE = 20
/** Entries shown per case; the rest are counted ("and 4 more"). */
export const ENTRIES_PER_CASE = 5
/** The navigation shows "99+" beyond this: counting stops at 100 followed cases with news. */
export const COUNT_CAP = 99

/**
 * The followed cases the viewer may see that may have news, each with where its news starts and its
 * latest change. Only the follows the triggers marked (`news_at`, migration 0014: a change by someone
 * else after the news' start) are read, through their partial index, so the cost follows the marked
 * cases and not every follow; each is then checked with the exact rule, visibility included.
 */
function followedWithLatest(db: Db, viewer: Viewer) {
  return db
    .selectFrom('caseFollows as follow')
    .innerJoin('cases', 'cases.id', 'follow.caseId')
    .leftJoin('caseVisits as visit', (join) =>
      join.onRef('visit.caseId', '=', 'follow.caseId').on('visit.userId', '=', viewer.id),
    )
    .where('follow.userId', '=', viewer.id)
    .where('follow.newsAt', 'is not', null)
    .where(sql<SqlBool>`${sql.ref('follow.newsAt')} > ${sinceExpression}`)
    .where(caseVisibleTo(viewer))
    .select((eb) => [
      'cases.id',
      'cases.slug',
      'cases.fullName',
      'cases.visibility',
      'cases.currentCustodyState',
      'cases.currentLegalStage',
      sinceExpression.as('since'),
      latestChangeAfter(eb, viewer, sinceExpression).as('latest'),
    ])
}

/** How many followed cases have news for the viewer, counted up to COUNT_CAP + 1 ("99+"). */
export async function countUpdatedCases(db: Db, { viewer }: { viewer: Viewer }): Promise<number> {
  const row = await db
    .selectFrom(
      db
        .selectFrom(followedWithLatest(db, viewer).as('c'))
        .select('c.id')
        .where('c.latest', 'is not', null)
        .limit(COUNT_CAP + 1)
        .as('capped'),
    )
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

/** The entries of the given followed cases after each one's `since`, at most ENTRIES_PER_CASE each. */
async function entriesOf(db: Db, viewer: Viewer, caseIds: number[]) {
  if (caseIds.length === 0) return []
  const all = changesOf(db, viewer, caseIds)
  const { rows } = await sql<UpdateEntry & { rank: number; total: number }>`
    select * from (
      select u.*, row_number() over (partition by u.case_id order by u.at desc, u.kind, u.id) as rank,
             count(*) over (partition by u.case_id) as total
      from (${all}) as u
    ) as ranked
    where ranked.rank <= ${ENTRIES_PER_CASE}
    order by ranked.case_id, ranked.rank`.execute(db)
  return rows.map((r) => ({ ...r, at: new Date(r.at), total: Number(r.total) }))
}

export type UpdatedCase = {
  id: number
  slug: string
  fullName: string
  visibility: string
  currentCustodyState: string | null
  currentLegalStage: string | null
  since: Date
  latest: Date
  entries: UpdateEntry[]
  more: number
}

/** One page of the inbox: followed cases with news, the latest first, each with its newest entries. */
export async function listUpdates(
  db: Db,
  { viewer, page = 1 }: { viewer: Viewer; page?: number },
): Promise<{ cases: UpdatedCase[]; total: number; page: number; pageCount: number }> {
  const rows = await db
    .selectFrom(followedWithLatest(db, viewer).as('c'))
    .selectAll('c')
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('c.latest', 'is not', null)
    .orderBy('c.latest', 'desc')
    .orderBy('c.id')
    .limit(UPDATES_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * UPDATES_PAGE_SIZE)
    .execute()
  // A page past the end (a stale link after "mark all as read") answers with the first page.
  if (rows.length === 0 && page > 1) return listUpdates(db, { viewer, page: 1 })
  const total = rows.length > 0 ? Number(rows[0]!.total) : 0
  const pageCount = Math.max(1, Math.ceil(total / UPDATES_PAGE_SIZE))
  const entries = await entriesOf(
    db,
    viewer,
    rows.map((r) => r.id),
  )
  return {
    total,
    page,
    pageCount,
    cases: rows.map(({ total: _total, ...row }) => {
      const own = entries.filter((e) => e.caseId === row.id)
      return {
        ...row,
        since: new Date(row.since!),
        latest: new Date(row.latest!),
        entries: own.map(({ rank: _rank, total: _n, ...e }) => e),
        more: Math.max(0, (own[0]?.total ?? 0) - own.length),
      }
    }),
  }
}

/** "Mark all as read": every followed case is seen as of now. Not undoable; it only moves times. */
export async function markAllRead(
  db: Db,
  { userId, at = new Date() }: { userId: number; at?: Date },
) {
  const result = await sql`
    insert into case_visits (user_id, case_id, seen_at)
    select f.user_id, f.case_id, ${at} from case_follows as f where f.user_id = ${userId}
    on conflict (user_id, case_id) do update set seen_at = excluded.seen_at`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}

export type CaseChangeCounts = {
  id: number
  slug: string
  fullName: string
  visibility: string
  consent: string
  counts: Record<UpdateEntry['kind'], number>
}

/**
 * For the e-mail digest: the followed cases with news (the latest `limit`), each with how many
 * events, documents, actions and record changes it has, and the number of such cases in all.
 */
export async function countUpdatesByCase(
  db: Db,
  { viewer, limit = 50 }: { viewer: Viewer; limit?: number },
): Promise<{ cases: CaseChangeCounts[]; total: number }> {
  const rows = await db
    .selectFrom(followedWithLatest(db, viewer).as('c'))
    .innerJoin('cases', 'cases.id', 'c.id')
    .select(['c.id', 'c.slug', 'c.fullName', 'c.visibility', 'cases.consent'])
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('c.latest', 'is not', null)
    .orderBy('c.latest', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute()
  if (rows.length === 0) return { cases: [], total: 0 }
  const { rows: counts } = await sql<{ caseId: number; kind: UpdateEntry['kind']; n: number }>`
    select u.case_id, u.kind, count(*)::int as n from (${changesOf(
      db,
      viewer,
      rows.map((r) => r.id),
    )}) as u group by u.case_id, u.kind`.execute(db)
  return {
    total: Number(rows[0]!.total),
    cases: rows.map(({ total: _total, ...row }) => {
      const of = (kind: UpdateEntry['kind']) =>
        counts.find((c) => c.caseId === row.id && c.kind === kind)?.n ?? 0
      return {
        ...row,
        counts: {
          case: of('case'),
          event: of('event'),
          document: of('document'),
          action: of('action'),
        },
      }
    }),
  }
}
