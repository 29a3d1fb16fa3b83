import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActorFields } from '../../app/domain/actor-schema'
import { createActor, getActorPage, listActors, updateActor } from '../../app/models/actor.server'
import { mergeActors, previewMerge } from '../../app/models/actor-merge.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const fields = (overrides: Partial<ActorFields> = {}): ActorFields => ({
  kind: 'mep',
  name: 'Test Actor',
  politicalGroup: null,
  roles: [],
  committees: [],
  organisation: null,
  office: null,
  email: null,
  phone: null,
  country: null,
  notes: '',
  ...overrides,
})

describe.each(backends())('actors on %s', (backend) => {
  let database: TestDatabase
  let editor: { id: number; role: 'editor' }
  const actor = () => ({ userId: editor.id, requestId: 'test' })

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    editor = { id: (await makeUser(database.db, 'editor', 'Eve Editor')).id, role: 'editor' }
  })
  afterAll(() => database.close())

  const make = async (overrides: Partial<ActorFields>) =>
    (await createActor(database.db, { actor: actor(), fields: fields(overrides) })).id

  const auditCount = async () =>
    (await database.db.selectFrom('auditEvents').select('id').execute()).length

  it('merges a duplicate: every reference moves, empty fields fill, the duplicate goes, one audit', async () => {
    const kept = await make({
      name: 'Malin Björk',
      politicalGroup: 'The Left',
      roles: ['Vice-President of the LGBTI Intergroup'],
    })
    const duplicate = await make({
      name: 'Malin Bjork',
      politicalGroup: 'GUE/NGL',
      committees: ['AFET'],
      email: 'malin@example.org',
    })
    const other = await make({ kind: 'authority', name: 'Chechen authorities' })
    const db = database.db
    const doc = await db
      .insertInto('documents')
      .values({ kind: 'press_release', title: 'Release', issuerId: duplicate })
      .returning('id')
      .executeTakeFirstOrThrow()
    const quotes = await db
      .insertInto('documentQuotes')
      .values([
        { documentId: doc.id, actorId: duplicate, body: 'First.' },
        { documentId: doc.id, actorId: duplicate, body: 'Second.', position: 1 },
        { documentId: doc.id, actorId: other, body: 'Not moved.', position: 2 },
      ])
      .returning('id')
      .execute()
    const actions = await db
      .insertInto('advocacyActions')
      .values([
        {
          kind: 'letter_to_authorities',
          actionDate: '2023-03-01',
          datePrecision: 'day',
          actorId: duplicate,
          targetId: other,
        },
        {
          kind: 'meeting',
          actionDate: '2023-03-02',
          datePrecision: 'day',
          actorId: other,
          targetId: duplicate,
        },
      ])
      .returning('id')
      .execute()

    const preview = await previewMerge(db, { keptId: kept, removedId: duplicate, viewer: editor })
    expect(preview?.moves).toEqual({
      quotes: 2,
      documents: 1,
      actionsAsActor: 1,
      actionsAsTarget: 1,
      sponsorships: 0,
      sponsorshipsAlreadyKept: 0,
    })
    expect(preview?.movesNotShown).toBe(false)
    expect(preview?.fills.map((f) => f.field)).toEqual(['committees', 'email'])

    const before = await auditCount()
    const result = await mergeActors(db, {
      actor: actor(),
      viewer: editor,
      keptId: kept,
      removedId: duplicate,
      keptVersion: 1,
      removedVersion: 1,
    })
    expect(result.ok).toBe(true)

    const quoteActors = await db
      .selectFrom('documentQuotes')
      .select(['id', 'actorId'])
      .orderBy('id')
      .execute()
    expect(quoteActors).toEqual([
      { id: quotes[0]!.id, actorId: kept },
      { id: quotes[1]!.id, actorId: kept },
      { id: quotes[2]!.id, actorId: other },
    ])
    expect(
      (
        await db
          .selectFrom('documents')
          .select('issuerId')
          .where('id', '=', doc.id)
          .executeTakeFirstOrThrow()
      ).issuerId,
    ).toBe(kept)
    const actionRows = await db
      .selectFrom('advocacyActions')
      .select(['actorId', 'targetId'])
      .orderBy('id')
      .execute()
    expect(actionRows).toEqual([
      { actorId: kept, targetId: other },
      { actorId: other, targetId: kept },
    ])
    const references = await Promise.all([
      db.selectFrom('documentQuotes').select('id').where('actorId', '=', duplicate).execute(),
      db.selectFrom('documents').select('id').where('issuerId', '=', duplicate).execute(),
      db
        .selectFrom('advocacyActions')
        .select('id')
        .where((eb) => eb.or([eb('actorId', '=', duplicate), eb('targetId', '=', duplicate)]))
        .execute(),
      db.selectFrom('actors').select('id').where('id', '=', duplicate).execute(),
    ])
    expect(references.map((rows) => rows.length)).toEqual([0, 0, 0, 0])

    const keptRow = await db
      .selectFrom('actors')
      .selectAll()
      .where('id', '=', kept)
      .executeTakeFirstOrThrow()
    expect(keptRow).toMatchObject({
      name: 'Malin Björk',
      politicalGroup: 'The Left',
      roles: ['Vice-President of the LGBTI Intergroup'],
      committees: ['AFET'],
      email: 'malin@example.org',
      version: 2,
      updatedBy: editor.id,
    })

    expect(await auditCount()).toBe(before + 2)
    const merge = await db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'merge')
      .where('entityId', '=', String(kept))
      .executeTakeFirstOrThrow()
    expect(merge).toMatchObject({ entity: 'actor', userId: editor.id, requestId: 'test' })
    expect(merge.changes).toEqual([
      { field: 'mergedActor', old: { id: duplicate, name: 'Malin Bjork', kind: 'mep' } },
      { field: 'documentQuotes.actorId', new: [quotes[0]!.id, quotes[1]!.id] },
      { field: 'documents.issuerId', new: [doc.id] },
      { field: 'advocacyActions.actorId', new: [actions[0]!.id] },
      { field: 'advocacyActions.targetId', new: [actions[1]!.id] },
      { field: 'committees', old: [], new: ['AFET'] },
      { field: 'email', old: null, new: 'malin@example.org' },
    ])
  })

  it('refuses a self-merge and a merge of versions changed since the preview, changing nothing', async () => {
    const a = await make({ name: 'Same Person' })
    const b = await make({ name: 'Same Persón' })
    const before = await auditCount()
    const merge = (keptId: number, removedId: number, removedVersion = 1) =>
      mergeActors(database.db, {
        actor: actor(),
        viewer: editor,
        keptId,
        removedId,
        keptVersion: 1,
        removedVersion,
      })
    expect(await merge(a, a)).toEqual({ ok: false, reason: 'self' })
    expect(await merge(a, b, 7)).toEqual({ ok: false, reason: 'stale' })
    expect(await merge(a, 999_999)).toEqual({ ok: false, reason: 'not_found' })
    const rows = await database.db
      .selectFrom('actors')
      .select('id')
      .where('id', 'in', [a, b])
      .execute()
    expect(rows).toHaveLength(2)
    expect(await auditCount()).toBe(before)
  })

  it('saves an edit of the version read and changes nothing for a stale one', async () => {
    const id = await make({ name: 'Edited Actor', roles: ['Member'] })
    const first = await updateActor(database.db, {
      actor: actor(),
      id,
      version: 1,
      fields: fields({ name: 'Edited Actor', roles: ['Member', 'Rapporteur'] }),
    })
    expect(first).toEqual({ ok: true })
    const before = await auditCount()
    const stale = await updateActor(database.db, {
      actor: actor(),
      id,
      version: 1,
      fields: fields({ name: 'Overwritten', roles: [] }),
    })
    expect(stale).toMatchObject({
      ok: false,
      reason: 'stale',
      current: { version: 2, updatedByName: 'Eve Editor' },
    })
    const row = await database.db
      .selectFrom('actors')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name: 'Edited Actor', roles: ['Member', 'Rapporteur'], version: 2 })
    expect(await auditCount()).toBe(before)
  })

  it('finds actors by name without regard to case or accents', async () => {
    const id = await make({ name: 'Åsa Øberg-Łukasz', kind: 'person' })
    const found = async (q: string, kind?: 'person' | 'mep') =>
      (await listActors(database.db, { query: { q, kind, page: 1 }, viewer: editor })).actors.map(
        (a) => a.id,
      )
    expect(await found('asa oberg')).toContain(id)
    expect(await found('LUKASZ')).toContain(id)
    expect(await found('lukasz', 'mep')).not.toContain(id)
  })

  it('leaves out of an actor page what is linked to a case the reader may not see', async () => {
    const speaker = await make({ name: 'Careful Speaker' })
    const secret = await makeCase(database.db, {
      fullName: 'Hidden Case',
      visibility: 'restricted',
    })
    const db = database.db
    const [open, hidden] = await db
      .insertInto('documents')
      .values([
        { kind: 'statement', title: 'Open statement', issuerId: speaker },
        { kind: 'statement', title: 'Hidden statement', issuerId: speaker },
      ])
      .returning('id')
      .execute()
    await db
      .insertInto('documentCases')
      .values({ documentId: hidden!.id, caseId: secret.id })
      .execute()
    await db
      .insertInto('documentQuotes')
      .values([
        { documentId: open!.id, actorId: speaker, body: 'Open words.' },
        { documentId: hidden!.id, actorId: speaker, body: 'Hidden words.' },
      ])
      .execute()
    const page = await getActorPage(db, { id: speaker, viewer: editor })
    expect(page?.documents.map((d) => d.title)).toEqual(['Open statement'])
    expect(page?.quotes.map((q) => q.body)).toEqual(['Open words.'])
    const adminPage = await getActorPage(db, { id: speaker, viewer: { id: 0, role: 'admin' } })
    expect(adminPage?.quotes).toHaveLength(2)
  })
})
