// Over 300 lines: the timeline writes build on the case the first tests create, in one database per
// backend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getCaseForUser, updateCase, type CaseFields } from '../../app/models/case.server'
import {
  deleteStatusEvent,
  recordStatusEvent,
  updateStatusEvent,
  type StatusEventFields,
} from '../../app/models/status-event.server'
import { caseFields, makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const detained: StatusEventFields = {
  eventDate: '2023-02-14',
  datePrecision: 'day',
  custodyState: 'detained',
  legalStage: null,
  releaseReason: null,
  location: 'Moscow',
  description: 'Arrested at the airport.',
  certainty: 'confirmed',
}

describe.each(backends())('case and timeline writes on %s', (backend) => {
  let database: TestDatabase
  let editor: { id: number; role: 'editor' }

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const user = await makeUser(database.db, 'editor', 'Eve Editor')
    editor = { id: user.id, role: 'editor' }
  })
  afterAll(() => database.close())

  const auditRows = (caseId: number) =>
    database.db
      .selectFrom('auditEvents')
      .select(['entity', 'action', 'changes', 'userId'])
      .where('caseId', '=', caseId)
      .orderBy('id')
      .execute()

  it('lets exactly one of two concurrent saves with the same version through', async () => {
    const { id } = await makeCase(database.db, { fullName: 'Concurrent Case' })
    const actor = { userId: editor.id }
    const results = await Promise.all([
      updateCase(database.db, {
        actor,
        id,
        version: 1,
        fields: caseFields({ fullName: 'Concurrent Case', summary: 'first' }),
      }),
      updateCase(database.db, {
        actor,
        id,
        version: 1,
        fields: caseFields({ fullName: 'Concurrent Case', summary: 'second' }),
      }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const stale = results.find((r) => !r.ok)
    expect(stale && !stale.ok && stale.current.updatedByName).toBe('Eve Editor')
    const row = await database.db
      .selectFrom('cases')
      .select(['version', 'summary'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.version).toBe(2)
    expect(['first', 'second']).toContain(row.summary)
    expect((await auditRows(id)).filter((r) => r.action === 'update')).toHaveLength(1)
  })

  it('records a case update with each changed field, and sensitive fields without their values', async () => {
    const { id } = await makeCase(database.db, {
      fullName: 'Audit Case',
      grounds: ['journalism'],
      internalNotes: 'secret A',
    })
    const created = await auditRows(id)
    expect(created).toHaveLength(1)
    expect(created[0]!.changes).toContainEqual({ field: 'grounds', sensitive: true })
    expect(JSON.stringify(created[0]!.changes)).not.toContain('journalism')
    expect(JSON.stringify(created[0]!.changes)).not.toContain('secret A')

    const result = await updateCase(database.db, {
      actor: { userId: editor.id },
      id,
      version: 1,
      fields: caseFields({
        fullName: 'Audit Case',
        grounds: ['sexual_orientation'],
        internalNotes: 'secret B',
        riskLevel: 'critical',
      }),
    })
    expect(result.ok).toBe(true)
    const rows = await auditRows(id)
    expect(rows).toHaveLength(2)
    expect(rows[1]).toMatchObject({ entity: 'case', action: 'update', userId: editor.id })
    expect(rows[1]!.changes).toEqual([
      { field: 'grounds', sensitive: true },
      { field: 'riskLevel', old: 'high', new: 'critical' },
      { field: 'internalNotes', sensitive: true },
    ])
    expect(JSON.stringify(rows)).not.toMatch(/sexual_orientation|secret B/)
  })

  it('saves gender and date of birth, keeps their values out of the audit rows, and keeps them when an edit leaves them out', async () => {
    const { id, slug } = await makeCase(database.db, {
      fullName: '刘晓波',
      gender: 'male',
      dateOfBirth: '1955-12-28',
      dateOfBirthPrecision: 'day',
    })
    expect(slug).toMatch(/^liu-xiao-bo/)
    const created = await auditRows(id)
    expect(created[0]!.changes).toContainEqual({ field: 'gender', sensitive: true })
    expect(created[0]!.changes).toContainEqual({ field: 'dateOfBirth', sensitive: true })
    expect(JSON.stringify(created)).not.toMatch(/1955|"male"/)

    const edit = (version: number, fields: Partial<CaseFields>) =>
      updateCase(database.db, {
        actor: { userId: editor.id },
        id,
        version,
        fields: caseFields({ fullName: '刘晓波', ...fields }),
      })
    // Code that predates the fields (it leaves them out) changes neither.
    expect((await edit(1, { summary: 'Nobel Peace Prize 2010' })).ok).toBe(true)
    const admin = { id: 0, role: 'admin' as const }
    let saved = await getCaseForUser(database.db, { slug, viewer: admin })
    expect(saved).toMatchObject({
      gender: 'male',
      dateOfBirth: '1955-12-28',
      dateOfBirthPrecision: 'day',
    })
    expect(
      (
        await edit(2, {
          summary: 'Nobel Peace Prize 2010',
          dateOfBirth: '1955-01-01',
          dateOfBirthPrecision: 'year',
        })
      ).ok,
    ).toBe(true)
    saved = await getCaseForUser(database.db, { slug, viewer: admin })
    expect(saved).toMatchObject({ dateOfBirth: '1955-01-01', dateOfBirthPrecision: 'year' })
    const rows = await auditRows(id)
    expect(rows.at(-2)!.changes).toEqual([
      { field: 'summary', old: null, new: 'Nobel Peace Prize 2010' },
    ])
    expect(rows.at(-1)!.changes).toEqual([
      { field: 'dateOfBirth', sensitive: true },
      { field: 'dateOfBirthPrecision', sensitive: true },
    ])
    expect(JSON.stringify(rows)).not.toMatch(/1955|"year"|"day"/)
  })

  it('refuses a date of birth without its precision, and a gender outside the vocabulary', async () => {
    const { id } = await makeCase(database.db, { fullName: 'Constraint Case' })
    await expect(
      database.db
        .updateTable('cases')
        .set({ dateOfBirth: '1980-01-01' })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow()
    await expect(
      database.db
        .updateTable('cases')
        .set({ gender: 'robot' as never })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow()
  })

  it('gives a case named after a page under /cases/ a suffixed slug', async () => {
    const { slug } = await makeCase(database.db, { fullName: 'Import' })
    expect(slug).toMatch(/^import-[a-z0-9]{6}$/)
  })

  it('keeps the derived state right through back-dated events, edits and deletions, with one audit row each', async () => {
    const { id: caseId } = await makeCase(database.db, { fullName: 'Timeline Case' })
    const actor = { userId: editor.id }
    const newSource = {
      title: 'Arrest report',
      publisher: 'Example News',
      publishedOn: '2023-02-15',
      url: 'https://news.example.org/arrest',
    }
    const first = await recordStatusEvent(database.db, {
      actor,
      caseId,
      fields: detained,
      newSource,
    })
    expect(first.reusedSource).toBe(false)
    const released = await recordStatusEvent(database.db, {
      actor,
      caseId,
      fields: {
        ...detained,
        eventDate: '2024-01-10',
        custodyState: 'released',
        releaseReason: 'pardon_or_amnesty',
      },
      // The same URL again is reused, not duplicated.
      newSource: { ...newSource, title: 'Same link, other title' },
    })
    expect(released.reusedSource).toBe(true)
    expect(
      await database.db
        .selectFrom('sources')
        .select('id')
        .where('url', '=', newSource.url)
        .execute(),
    ).toHaveLength(1)

    const state = () =>
      database.db
        .selectFrom('cases')
        .select(['currentCustodyState', 'detainedSince', 'version'])
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow()
    expect(await state()).toMatchObject({
      currentCustodyState: 'released',
      detainedSince: null,
      version: 3,
    })

    // Back-date the release before the arrest: detained again, since the arrest.
    const event = await database.db
      .selectFrom('statusEvents')
      .select(['id', 'version'])
      .where('id', '=', released.id)
      .executeTakeFirstOrThrow()
    const updated = await updateStatusEvent(database.db, {
      actor,
      caseId,
      eventId: event.id,
      version: event.version,
      fields: {
        ...detained,
        eventDate: '2022-12-01',
        custodyState: 'released',
        releaseReason: 'pardon_or_amnesty',
      },
      sourceIds: [],
    })
    expect(updated.ok).toBe(true)
    expect(await state()).toMatchObject({
      currentCustodyState: 'detained',
      detainedSince: '2023-02-14',
    })

    // A second save with the old version is refused and changes nothing.
    const stale = await updateStatusEvent(database.db, {
      actor,
      caseId,
      eventId: event.id,
      version: event.version,
      fields: { ...detained, description: 'stale' },
      sourceIds: [],
    })
    expect(stale.ok).toBe(false)

    expect(await deleteStatusEvent(database.db, { actor, caseId, eventId: first.id })).toBe(true)
    expect(await state()).toMatchObject({ currentCustodyState: 'released', detainedSince: null })

    const rows = await auditRows(caseId)
    expect(rows.map((r) => `${r.entity}:${r.action}`)).toEqual([
      'case:create',
      'status_event:create',
      'citation:create',
      'status_event:create',
      'citation:create',
      'status_event:update',
      'citation:delete',
      'citation:delete',
      'status_event:delete',
    ])
    const eventUpdate = rows[5]!.changes
    expect(eventUpdate).toContainEqual({ field: 'eventDate', old: '2024-01-10', new: '2022-12-01' })
    expect(
      await database.db
        .selectFrom('citations')
        .select('id')
        .where('statusEventId', '=', first.id)
        .execute(),
    ).toHaveLength(0)
  })

  it('hides a restricted case from users without access, and shows it to those granted and to admins', async () => {
    const { id, slug } = await makeCase(database.db, {
      fullName: 'Hidden Person',
      visibility: 'restricted',
    })
    const granted = await makeUser(database.db, 'viewer')
    const other = await makeUser(database.db, 'editor')
    const admin = await makeUser(database.db, 'admin')
    await database.db.insertInto('caseAccess').values({ caseId: id, userId: granted.id }).execute()
    expect(
      await getCaseForUser(database.db, { slug, viewer: { id: other.id, role: 'editor' } }),
    ).toBeUndefined()
    expect(
      await getCaseForUser(database.db, { slug, viewer: { id: granted.id, role: 'viewer' } }),
    ).toMatchObject({ id })
    expect(
      await getCaseForUser(database.db, { slug, viewer: { id: admin.id, role: 'admin' } }),
    ).toMatchObject({ id })
  })
})
