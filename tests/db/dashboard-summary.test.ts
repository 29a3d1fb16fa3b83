// Over 300 lines: one small world written to step by step, each test building on the writes before
// it (events, then actions, then cases), so the readers' counts and the rebuilds see them all.
// The dashboard's summaries (migrations 0007 and 0010) are kept by triggers in the same transaction
// as every write: after each kind of write to events, actions, their links and cases,
// `case_activity`, `detention_start_counts`, `action_day_counts` and `advocacy_actions.restricted_case`
// equal a brute-force computation from the tables, the actions chart and key figures read from them
// count what the full visibility rule lets each reader see, and the migrations' backfills and
// `rebuild_summaries()` compute the same. "Needs attention" on today's date (where the summary is read rather
// than dated live) equals brute force for an admin, an editor with grants, and a viewer.
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/schema'
import * as m0007 from '../../db/migrations/0007_dashboard_summary'
import * as m0010 from '../../db/migrations/0010_action_day_counts'
import { latestDate, needsAttention } from '../../app/domain/attention'
import type { CustodyState } from '../../app/domain/vocabularies'
import type { Viewer } from '../../app/models/case-visibility.server'
import { countActionsByBucket } from '../../app/models/action-chart.server'
import { getKeyFigures, listNeedsAttention } from '../../app/models/dashboard.server'
import {
  TODAY,
  day,
  expectSummariesRight,
  storedActionDays,
  storedActivity,
  storedStarts,
  tables,
} from '../support/dashboard-summaries'
import { makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

describe.each(backends())('dashboard summaries on %s', (backend) => {
  let handle: TestDatabase
  let db: Kysely<Database>
  let viewers: Record<'admin' | 'editor' | 'viewer', Viewer>
  const ids: number[] = []

  beforeAll(async () => {
    handle = await openTestDatabase(backend)
    db = handle.db
    const [admin, editor, viewer] = [
      await makeUser(db, 'admin'),
      await makeUser(db, 'editor'),
      await makeUser(db, 'viewer'),
    ]
    viewers = {
      admin: { id: admin.id, role: 'admin' },
      editor: { id: editor.id, role: 'editor' },
      viewer: { id: viewer.id, role: 'viewer' },
    }
    const states: (CustodyState | null)[] = ['detained', 'imprisoned', 'released', null]
    const rows = await db
      .insertInto('cases')
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          slug: `summary-${i}`,
          fullName: `Summary Person ${i}`,
          visibility: i % 3 === 0 ? ('restricted' as const) : ('internal' as const),
          currentCustodyState: states[i % 4],
          detainedSince: i % 4 < 2 ? `20${10 + i}-0${1 + (i % 9)}-15` : null,
          detainedSincePrecision: i % 4 < 2 ? (['day', 'month', 'year'] as const)[i % 3] : null,
        })),
      )
      .returning('id')
      .execute()
    ids.push(...rows.map((r) => r.id))
    // The editor may see the first restricted case, not the others.
    await db.insertInto('caseAccess').values({ caseId: ids[0]!, userId: editor.id }).execute()
  }, 60_000)

  afterAll(async () => {
    await handle?.close()
  })

  it('starts with a row for every case and the detention starts counted', async () => {
    await expectSummariesRight(db)
  })

  it('follows events inserted, moved past or into the future, and deleted', async () => {
    const inserted = await db
      .insertInto('statusEvents')
      .values(
        ids.flatMap((caseId, i) => [
          { caseId, eventDate: day(-10 * i - 1), datePrecision: 'day' as const },
          { caseId, eventDate: day(-200 - i), datePrecision: 'day' as const },
          ...(i % 2 ? [{ caseId, eventDate: day(5 + i), datePrecision: 'day' as const }] : []),
        ]),
      )
      .returning(['id', 'caseId'])
      .execute()
    await expectSummariesRight(db)
    await db
      .updateTable('statusEvents')
      .set({ eventDate: day(3) })
      .where('id', '=', inserted[0]!.id)
      .execute()
    await db
      .updateTable('statusEvents')
      .set({ eventDate: day(-1) })
      .where('id', '=', inserted.at(-1)!.id)
      .execute()
    // An event moved to another case re-dates both.
    await db
      .updateTable('statusEvents')
      .set({ caseId: ids[5]! })
      .where('id', '=', inserted[3]!.id)
      .execute()
    await expectSummariesRight(db)
    await db.deleteFrom('statusEvents').where('id', '=', inserted[1]!.id).execute()
    await expectSummariesRight(db)
  })

  it('follows actions, their links (restricted cases make an action unseen for the others), dates and deletions', async () => {
    const actions = await db
      .insertInto('advocacyActions')
      .values(
        [-3, -40, -90, 7, -5].map((n, i) => ({
          kind: (['letter_to_authorities', 'urgent_appeal', 'meeting'] as const)[i % 3]!,
          title: `Action ${n}`,
          actionDate: day(n),
          datePrecision: i === 2 ? ('month' as const) : ('day' as const),
        })),
      )
      .returning('id')
      .execute()
    const [a, b, c, future, shared] = actions.map((x) => x.id) as [
      number,
      number,
      number,
      number,
      number,
    ]
    await db
      .insertInto('actionCases')
      .values([
        { actionId: a, caseId: ids[1]! },
        { actionId: b, caseId: ids[1]! },
        { actionId: b, caseId: ids[2]! },
        { actionId: c, caseId: ids[4]! },
        { actionId: future, caseId: ids[4]! },
        // Shared by an open case and two restricted ones.
        { actionId: shared, caseId: ids[2]! },
        { actionId: shared, caseId: ids[0]! },
        { actionId: shared, caseId: ids[3]! },
      ])
      .execute()
    await expectSummariesRight(db)
    // A restricted case linked later hides the action from the seen dates of the others.
    await db.insertInto('actionCases').values({ actionId: a, caseId: ids[6]! }).execute()
    await expectSummariesRight(db)
    await db
      .deleteFrom('actionCases')
      .where('actionId', '=', shared)
      .where('caseId', '=', ids[3]!)
      .execute()
    await expectSummariesRight(db)
    await db
      .updateTable('actionCases')
      .set({ caseId: ids[7]! })
      .where('actionId', '=', c)
      .where('caseId', '=', ids[4]!)
      .execute()
    await expectSummariesRight(db)
    await db
      .updateTable('advocacyActions')
      .set({ actionDate: day(-1) })
      .where('id', '=', b)
      .execute()
    await db
      .updateTable('advocacyActions')
      .set({ actionDate: day(-2) })
      .where('id', '=', future)
      .execute()
    await expectSummariesRight(db)
    await db.deleteFrom('advocacyActions').where('id', '=', a).execute()
    await expectSummariesRight(db)
  })

  it('follows cases: visibility, custody, detention start, new and deleted cases', async () => {
    await db
      .updateTable('cases')
      .set({ visibility: 'restricted' })
      .where('id', '=', ids[2]!)
      .execute()
    await expectSummariesRight(db)
    await db.updateTable('cases').set({ visibility: 'public' }).where('id', '=', ids[0]!).execute()
    await expectSummariesRight(db)
    await db
      .updateTable('cases')
      .set({
        currentCustodyState: 'detained',
        detainedSince: '2020-02-01',
        detainedSincePrecision: 'month',
      })
      .where('id', '=', ids[2]!)
      .execute()
    await db
      .updateTable('cases')
      .set({ currentCustodyState: 'released' })
      .where('id', '=', ids[1]!)
      .execute()
    await expectSummariesRight(db)
    const added = await db
      .insertInto('cases')
      .values({
        slug: 'summary-new',
        fullName: 'Summary New',
        currentCustodyState: 'imprisoned',
        detainedSince: '2019-01-01',
        detainedSincePrecision: 'year',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await expectSummariesRight(db)
    // A restricted case deleted: its links go by cascade, and the action it shared becomes seen.
    await db.deleteFrom('cases').where('id', '=', ids[3]!).execute()
    await db.deleteFrom('cases').where('id', '=', added.id).execute()
    await expectSummariesRight(db)
  })

  it('lists who needs attention on today’s date as brute force does, for each reader', async () => {
    const { cases, events, actions, links } = await tables(db)
    const grants = await db.selectFrom('caseAccess').select(['caseId', 'userId']).execute()
    for (const viewer of Object.values(viewers)) {
      const maySee = (id: number) =>
        viewer.role === 'admin' ||
        cases.find((c) => c.id === id)!.visibility !== 'restricted' ||
        grants.some((g) => g.caseId === id && g.userId === viewer.id)
      // An action is seen when every case it is linked to is.
      const visibleActions = actions.filter((a) =>
        links.filter((l) => l.actionId === a.id).every((l) => maySee(l.caseId)),
      )
      const expected = cases
        .filter((c) => maySee(c.id))
        .map((c) => ({
          id: c.id,
          state: c.currentCustodyState,
          last: latestDate(
            [
              ...events.filter((e) => e.caseId === c.id).map((e) => e.eventDate),
              ...visibleActions
                .filter((a) => links.some((l) => l.actionId === a.id && l.caseId === c.id))
                .map((a) => a.actionDate),
            ],
            TODAY,
          ),
        }))
        .filter((c) =>
          needsAttention({ custodyState: c.state, lastActivityDate: c.last, today: TODAY }),
        )
        .sort((x, y) =>
          x.last === y.last
            ? x.id - y.id
            : x.last === null
              ? -1
              : y.last === null
                ? 1
                : x.last < y.last
                  ? -1
                  : 1,
        )
      for (const limit of [2, 50]) {
        const listed = await listNeedsAttention(db, { viewer, today: TODAY, limit })
        expect(listed.map((r) => [r.id, r.lastActivityDate])).toEqual(
          expected.slice(0, limit).map((c) => [c.id, c.last]),
        )
        expect(listed[0]?.total ?? 0).toBe(expected.length)
      }
    }
  })

  it('counts the actions each reader may see from the daily summary, as the full rule does', async () => {
    // More actions: one for no case, one shared with the editor's granted restricted case only, one
    // a year old with year precision.
    const more = await db
      .insertInto('advocacyActions')
      .values([
        { kind: 'meeting', title: 'No case', actionDate: day(-10), datePrecision: 'day' },
        { kind: 'urgent_appeal', title: 'Granted', actionDate: day(-12), datePrecision: 'day' },
        { kind: 'meeting', title: 'Old', actionDate: day(-45), datePrecision: 'year' },
      ])
      .returning('id')
      .execute()
    await db
      .insertInto('actionCases')
      .values([
        { actionId: more[1]!.id, caseId: ids[0]! },
        { actionId: more[2]!.id, caseId: ids[9]! },
      ])
      .execute()
    await db
      .updateTable('cases')
      .set({ visibility: 'restricted' })
      .where('id', '=', ids[0]!)
      .execute()
    await expectSummariesRight(db)
    const { cases, actions, links } = await tables(db)
    const grants = await db.selectFrom('caseAccess').select(['caseId', 'userId']).execute()
    const range = { from: day(-120), to: day(30) }
    for (const viewer of Object.values(viewers)) {
      const hidden = new Set(
        cases
          .filter(
            (c) =>
              viewer.role !== 'admin' &&
              c.visibility === 'restricted' &&
              !grants.some((g) => g.caseId === c.id && g.userId === viewer.id),
          )
          .map((c) => c.id),
      )
      const seen = actions.filter(
        (a) => !links.some((l) => l.actionId === a.id && hidden.has(l.caseId)),
      )
      const inRange = seen.filter((a) => a.actionDate >= range.from && a.actionDate <= range.to)
      const expected = new Map<string, number>()
      for (const a of inRange) {
        const bucket = a.datePrecision === 'year' ? null : `${a.actionDate.slice(0, 7)}-01`
        const key = `${bucket}|${a.kind}`
        expected.set(key, (expected.get(key) ?? 0) + 1)
      }
      const counted = await countActionsByBucket(db, { viewer, range, unit: 'month' })
      expect(
        counted.map((c) => `${c.bucket}|${c.kind}|${c.count}`).sort(),
        `${viewer.role}'s chart`,
      ).toEqual([...expected].map(([k, n]) => `${k}|${n}`).sort())
      const figures = await getKeyFigures(db, { viewer, today: TODAY })
      const within = (from: number, to: number) =>
        seen.filter((a) => a.actionDate >= day(from) && a.actionDate <= day(to)).length
      expect([figures.last30, figures.previous30], `${viewer.role}'s key figures`).toEqual([
        within(-29, 0),
        within(-59, -30),
      ])
    }
    // The editor sees the action linked only to their granted case; the viewer does not.
    const editorChart = await countActionsByBucket(db, {
      viewer: viewers.editor,
      range: { from: day(-12), to: day(-12) },
      unit: 'month',
    })
    const viewerChart = await countActionsByBucket(db, {
      viewer: viewers.viewer,
      range: { from: day(-12), to: day(-12) },
      unit: 'month',
    })
    expect(editorChart.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(
      viewerChart.reduce((n, c) => n + c.count, 0),
    )
  })

  it('rebuilds every summary from the tables with rebuild_summaries()', async () => {
    const before = [await storedActivity(db), await storedStarts(db), await storedActionDays(db)]
    await sql`truncate action_day_counts, case_activity, detention_start_counts`.execute(db)
    await sql`update advocacy_actions set restricted_case = -1 - restricted_case`.execute(db)
    await sql`select rebuild_summaries()`.execute(db)
    expect([await storedActivity(db), await storedStarts(db), await storedActionDays(db)]).toEqual(
      before,
    )
    await expectSummariesRight(db)
  })

  it('backfills the same summaries when migrated over existing data', async () => {
    const before = await storedActivity(db)
    const actionDays = await storedActionDays(db)
    await m0010.down(db)
    await m0007.down(db)
    await m0007.up(db)
    await m0010.up(db)
    expect(await storedActivity(db)).toEqual(before)
    expect(await storedActionDays(db)).toEqual(actionDays)
    await expectSummariesRight(db)
  })
})
