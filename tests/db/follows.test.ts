// Following cases, visits and the updates inbox on both databases: what counts as news (others'
// changes after the last visit or the follow), what the list marks, the navigation count, "mark all
// as read", and that a restricted case leaves the inbox when its grant is revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { grantCaseAccess, revokeCaseAccess } from '../../app/models/case-access.server'
import { getCaseNews } from '../../app/models/case-changes.server'
import {
  changedCaseIds,
  followCase,
  recordVisit,
  unfollowCase,
} from '../../app/models/case-follow.server'
import { recordStatusEvent, type StatusEventFields } from '../../app/models/status-event.server'
import { countUpdatedCases, listUpdates, markAllRead } from '../../app/models/updates.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const sentenced: StatusEventFields = {
  eventDate: '2024-03-12',
  datePrecision: 'day',
  custodyState: 'imprisoned',
  legalStage: 'sentenced',
  releaseReason: null,
  location: null,
  description: 'Sentenced to six years.',
  certainty: 'confirmed',
}

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000)

describe.each(backends())('following cases on %s', (backend) => {
  let database: TestDatabase
  let reader: Viewer
  let author: Viewer
  let admin: Viewer

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const db = database.db
    reader = await makeUser(db, 'editor', 'Reader')
    author = await makeUser(db, 'editor', 'Author')
    admin = await makeUser(db, 'admin', 'Admin')
  })
  afterAll(() => database?.close())

  async function addEvent(caseId: number, by: Viewer, description = 'Sentenced to six years.') {
    return recordStatusEvent(database.db, {
      actor: { userId: by.id },
      caseId,
      fields: { ...sentenced, description },
    })
  }

  /** Puts the reader's news clock for a case in the past, as if followed or seen a while ago. */
  async function followedAWhileAgo(caseId: number) {
    await followCase(database.db, { userId: reader.id, caseId })
    await database.db
      .updateTable('caseFollows')
      .set({ createdAt: minutesAgo(10) } as never)
      .where('userId', '=', reader.id)
      .where('caseId', '=', caseId)
      .execute()
  }

  it('follows once however often asked, and unfollows', async () => {
    const db = database.db
    const c = await makeCase(db, { fullName: 'Follow Twice' })
    await followCase(db, { userId: reader.id, caseId: c.id })
    await followCase(db, { userId: reader.id, caseId: c.id })
    const rows = () => db.selectFrom('caseFollows').selectAll().where('caseId', '=', c.id).execute()
    expect(await rows()).toHaveLength(1)
    expect((await getCaseNews(db, { viewer: reader, caseId: c.id })).following).toBe(true)
    await unfollowCase(db, { userId: reader.id, caseId: c.id })
    expect(await rows()).toHaveLength(0)
  })

  it("marks another user's new event since the last visit, not one's own, and not a case never opened", async () => {
    const db = database.db
    const seen = await makeCase(db, { fullName: 'Seen Before' })
    const never = await makeCase(db, { fullName: 'Never Opened' })
    await recordVisit(db, { userId: reader.id, caseId: seen.id, at: minutesAgo(5) })
    const event = await addEvent(seen.id, author)
    await addEvent(never.id, author)
    expect(await changedCaseIds(db, { viewer: reader, caseIds: [seen.id, never.id] })).toEqual([
      seen.id,
    ])
    const news = await getCaseNews(db, { viewer: reader, caseId: seen.id })
    expect(news.events).toEqual([event.id])
    expect(news.caseChanged).toBe(true)

    // Seen now: nothing is new any more. A visit never moves back in time.
    await recordVisit(db, { userId: reader.id, caseId: seen.id })
    await recordVisit(db, { userId: reader.id, caseId: seen.id, at: minutesAgo(60) })
    expect(await changedCaseIds(db, { viewer: reader, caseIds: [seen.id] })).toEqual([])
    expect((await getCaseNews(db, { viewer: reader, caseId: seen.id })).events).toEqual([])

    // The author's own change is not news to the author.
    await recordVisit(db, { userId: author.id, caseId: seen.id, at: minutesAgo(5) })
    await addEvent(seen.id, author, 'Appeal lodged.')
    expect(await changedCaseIds(db, { viewer: author, caseIds: [seen.id] })).toEqual([])
  })

  it('lists the changes to followed cases newest first, grouped by case, with a capped count', async () => {
    const db = database.db
    const older = await makeCase(db, { fullName: 'Ольга Первая' })
    const newer = await makeCase(db, { fullName: '刘晓波 Second' })
    const quiet = await makeCase(db, { fullName: 'Quiet Case' })
    for (const c of [older, newer, quiet]) await followedAWhileAgo(c.id)
    await markAllRead(db, { userId: reader.id })
    await new Promise((r) => setTimeout(r, 5))
    await addEvent(older.id, author, 'Transferred to a colony.')
    await new Promise((r) => setTimeout(r, 5))
    await addEvent(newer.id, author, 'Hearing postponed.')
    await db
      .insertInto('documents')
      .values({
        kind: 'statement',
        title: 'Statement on 刘晓波',
        createdBy: author.id,
        updatedBy: author.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then(({ id }) =>
        db.insertInto('documentCases').values({ documentId: id, caseId: newer.id }).execute(),
      )

    const inbox = await listUpdates(db, { viewer: reader })
    const names = inbox.cases.map((c) => c.fullName)
    expect(names.slice(0, 2)).toEqual(['刘晓波 Second', 'Ольга Первая'])
    expect(names).not.toContain('Quiet Case')
    const newest = inbox.cases[0]!
    expect(newest.entries.map((e) => e.kind).sort()).toEqual(['case', 'document', 'event'])
    expect(newest.entries.find((e) => e.kind === 'event')).toMatchObject({
      isNew: true,
      title: 'Hearing postponed.',
      custodyState: 'imprisoned',
    })
    expect(newest.entries.find((e) => e.kind === 'document')).toMatchObject({
      isNew: true,
      title: 'Statement on 刘晓波',
      recordKind: 'statement',
    })
    const count = await countUpdatedCases(db, { viewer: reader })
    expect(count).toBe(inbox.total)
    expect(count).toBeGreaterThanOrEqual(2)

    // Mark all as read empties the inbox and the count.
    await markAllRead(db, { userId: reader.id })
    expect(await countUpdatedCases(db, { viewer: reader })).toBe(0)
    expect((await listUpdates(db, { viewer: reader })).cases).toEqual([])
  })

  it('bounds each case to a few entries and says how many more', async () => {
    const db = database.db
    const busy = await makeCase(db, { fullName: 'Busy Case' })
    await followedAWhileAgo(busy.id)
    for (let i = 0; i < 8; i++) await addEvent(busy.id, author, `Entry ${i}`)
    const inbox = await listUpdates(db, { viewer: reader })
    const row = inbox.cases.find((c) => c.id === busy.id)!
    expect(row.entries).toHaveLength(5)
    // 8 events and the case record itself.
    expect(row.more).toBe(4)
    await markAllRead(db, { userId: reader.id })
  })

  it('drops a restricted case from the inbox and the count when its grant is revoked', async () => {
    const db = database.db
    const hidden = await makeCase(db, { fullName: 'Restricted Person', visibility: 'restricted' })
    await grantCaseAccess(db, { actor: { userId: admin.id }, caseId: hidden.id, userId: reader.id })
    await followedAWhileAgo(hidden.id)
    await addEvent(hidden.id, admin, 'Moved to an unknown place.')
    expect((await listUpdates(db, { viewer: reader })).cases.map((c) => c.fullName)).toEqual([
      'Restricted Person',
    ])
    expect(await countUpdatedCases(db, { viewer: reader })).toBe(1)

    await revokeCaseAccess(db, {
      actor: { userId: admin.id },
      caseId: hidden.id,
      userId: reader.id,
    })
    expect((await listUpdates(db, { viewer: reader })).cases).toEqual([])
    expect(await countUpdatedCases(db, { viewer: reader })).toBe(0)
    expect(await changedCaseIds(db, { viewer: reader, caseIds: [hidden.id] })).toEqual([])
  })

  it('counts at most 100 followed cases with news (the navigation shows 99+)', async () => {
    const db = database.db
    const ids: number[] = []
    for (let i = 0; i < 101; i++) ids.push((await makeCase(db, { fullName: `Many ${i}` })).id)
    await db
      .insertInto('caseFollows')
      .values(ids.map((caseId) => ({ userId: admin.id, caseId, createdAt: minutesAgo(10) })))
      .execute()
    // Cases created by someone else (the fixture's null actor) after the follow: all are news.
    await db.updateTable('cases').set({ updatedAt: new Date() }).where('id', 'in', ids).execute()
    expect(await countUpdatedCases(db, { viewer: admin })).toBe(100)
  })
})
