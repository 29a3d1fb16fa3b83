// The marks that keep the navigation's updates count cheap at any number of follows (migration 0014):
// a change by someone else marks the follow, the follower's own change does not, a visit past it
// clears it, and the count and the inbox read only marked follows — yet always agree with the exact
// rule applied to every follow (`changedCaseIds`, which reads no mark). Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAction } from '../../app/models/action-write.server'
import { changedCaseIds, followCase, recordVisit } from '../../app/models/case-follow.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { countUpdatedCases, listUpdates, markAllRead } from '../../app/models/updates.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000)

describe.each(backends())('follow marks on %s', (backend) => {
  let database: TestDatabase
  let reader: Viewer
  let author: Viewer
  const followed: number[] = []

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    reader = await makeUser(database.db, 'editor', 'Mark Reader')
    author = await makeUser(database.db, 'editor', 'Mark Author')
  })
  afterAll(() => database?.close())

  const marked = async () =>
    (
      await database.db
        .selectFrom('caseFollows')
        .select('caseId')
        .where('userId', '=', reader.id)
        .where('newsAt', 'is not', null)
        .orderBy('caseId')
        .execute()
    ).map((r) => r.caseId)

  /** The count and the inbox (marked follows only) say what the exact rule says of every follow. */
  async function expectAgreement() {
    const exact = await changedCaseIds(database.db, { viewer: reader, caseIds: followed })
    const inbox = await listUpdates(database.db, { viewer: reader })
    expect(await countUpdatedCases(database.db, { viewer: reader })).toBe(exact.length)
    expect(inbox.cases.map((c) => c.id).sort((a, b) => a - b)).toEqual(
      [...exact].sort((a, b) => a - b),
    )
    return exact
  }

  const event = (caseId: number, by: Viewer, description: string) =>
    recordStatusEvent(database.db, {
      actor: { userId: by.id },
      caseId,
      fields: {
        eventDate: '2024-03-12',
        datePrecision: 'day',
        custodyState: 'imprisoned',
        legalStage: 'sentenced',
        releaseReason: null,
        location: null,
        description,
        certainty: 'confirmed',
      },
    })

  it('starts unmarked, is marked by a change by someone else, and not by the follower’s own', async () => {
    const db = database.db
    const a = await makeCase(db, { fullName: 'Mark A' })
    const b = await makeCase(db, { fullName: 'Mark B' })
    for (const c of [a, b]) {
      await followCase(db, { userId: reader.id, caseId: c.id })
      followed.push(c.id)
    }
    expect(await marked()).toEqual([])
    expect(await expectAgreement()).toEqual([])

    await event(a.id, author, 'Moved to a colony.')
    await event(b.id, reader, 'Recorded by the reader.')
    expect(await marked()).toEqual([a.id])
    expect(await expectAgreement()).toEqual([a.id])
  })

  it('a visit past the change clears the mark; one read before the change keeps it', async () => {
    const db = database.db
    const [a, b] = followed as [number, number]
    await recordVisit(db, { userId: reader.id, caseId: a })
    expect(await marked()).toEqual([])
    expect(await expectAgreement()).toEqual([])

    const readAt = new Date()
    await new Promise((r) => setTimeout(r, 5))
    await event(b, author, 'Hearing set.')
    await recordVisit(db, { userId: reader.id, caseId: b, at: readAt })
    expect(await marked()).toEqual([b])
    expect(await expectAgreement()).toEqual([b])
    await markAllRead(db, { userId: reader.id })
    expect(await marked()).toEqual([])
    expect(await expectAgreement()).toEqual([])
  })

  it('an action linked to the case and a document edited later mark it', async () => {
    const db = database.db
    const [a, b] = followed as [number, number]
    await createAction(db, {
      actor: { userId: author.id },
      viewer: author,
      fields: {
        kind: 'letter_to_authorities',
        title: 'Letter to the prosecutor',
        actionDate: '2024-05-02',
        datePrecision: 'day',
        actorId: null,
        targetId: null,
        documentId: null,
        response: 'none',
        outcomeNotes: '',
      },
      caseIds: [a],
      sourceIds: [],
    })
    expect(await marked()).toEqual([a])
    const { id: documentId } = await db
      .insertInto('documents')
      .values({ kind: 'statement', title: 'Draft', createdBy: reader.id, updatedBy: reader.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('documentCases').values({ documentId, caseId: b }).execute()
    // The reader's own document is not news to them, until someone else edits it.
    expect(await marked()).toEqual([a])
    await db
      .updateTable('documents')
      .set({ title: 'Statement', updatedBy: author.id, updatedAt: new Date() })
      .where('id', '=', documentId)
      .execute()
    expect(await marked()).toEqual([a, b])
    expect(await expectAgreement()).toEqual([a, b])
    await markAllRead(db, { userId: reader.id })
  })

  it('a follow dated back, or made after a visit older than a change, finds the news it has', async () => {
    const db = database.db
    const c = await makeCase(db, { fullName: 'Mark C' })
    await recordVisit(db, { userId: reader.id, caseId: c.id, at: minutesAgo(10) })
    await event(c.id, author, 'Released on bail.')
    await followCase(db, { userId: reader.id, caseId: c.id })
    followed.push(c.id)
    expect(await marked()).toEqual([c.id])
    expect(await expectAgreement()).toEqual([c.id])
    await markAllRead(db, { userId: reader.id })

    const d = await makeCase(db, { fullName: 'Mark D' })
    await event(d.id, author, 'Detained.')
    await followCase(db, { userId: reader.id, caseId: d.id })
    followed.push(d.id)
    expect(await marked()).toEqual([])
    await db
      .updateTable('caseFollows')
      .set({ createdAt: minutesAgo(10) } as never)
      .where('userId', '=', reader.id)
      .where('caseId', '=', d.id)
      .execute()
    expect(await marked()).toEqual([d.id])
    expect(await expectAgreement()).toEqual([d.id])
  })

  it('a thousand follows without news leave nothing marked for the count to read', async () => {
    const db = database.db
    await markAllRead(db, { userId: reader.id })
    const many = await db
      .insertInto('cases')
      .values(
        Array.from({ length: 1000 }, (_, i) => ({
          slug: `quiet-follow-${i}`,
          fullName: `Quiet Follow ${i}`,
          createdBy: author.id,
          updatedBy: author.id,
        })),
      )
      .returning('id')
      .execute()
    await db
      .insertInto('caseFollows')
      .values(many.map(({ id }) => ({ userId: reader.id, caseId: id })))
      .execute()
    followed.push(...many.map((r) => r.id))
    expect(await marked()).toEqual([])
    expect(await expectAgreement()).toEqual([])
    await event(many[500]!.id, author, 'The one with news.')
    expect(await marked()).toEqual([many[500]!.id])
    expect(await expectAgreement()).toEqual([many[500]!.id])
  })
})
