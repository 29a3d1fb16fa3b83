// MEP sponsorship (issue 13 §4) on both databases: adding and removing with their audit rows, one row
// per case and actor, the search box offering people (MEPs first), an actor's sponsored cases only as
// far as the reader may see them, the case list's "sponsored by" filter, and a merge moving them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActorFields } from '../../app/domain/actor-schema'
import { createActor } from '../../app/models/actor.server'
import { mergeActors } from '../../app/models/actor-merge.server'
import { createAction } from '../../app/models/action-write.server'
import { listCasesForUser } from '../../app/models/case-list.server'
import { summariseCases } from '../../app/models/case-facets.server'
import {
  addCaseSponsor,
  listCaseSponsors,
  listSponsoredCases,
  removeCaseSponsor,
  searchSponsorActors,
} from '../../app/models/case-sponsor.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const actorFields = (overrides: Partial<ActorFields>): ActorFields => ({
  kind: 'mep',
  name: 'Someone',
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

describe.each(backends())('case sponsorship on %s', (backend) => {
  let database: TestDatabase
  let editor: { id: number; role: 'editor' }
  let viewer: { id: number; role: 'viewer' }
  const admin = { id: 0, role: 'admin' as const }
  const actor = () => ({ userId: editor.id, requestId: 'test' })
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const db = database.db
    editor = { id: (await makeUser(db, 'editor')).id, role: 'editor' }
    viewer = { id: (await makeUser(db, 'viewer')).id, role: 'viewer' }
    const make = async (fields: Partial<ActorFields>) =>
      (await createActor(db, { actor: actor(), fields: actorFields(fields) })).id
    ids.mep = await make({ name: 'Мария Иванова', politicalGroup: 'Renew' })
    ids.person = await make({ kind: 'person', name: 'Maria Ivanova-Smith' })
    ids.org = await make({ kind: 'organisation', name: 'Maria Foundation' })
    ids.open = (await makeCase(db, { fullName: 'Open Case 刘晓波' })).id
    ids.other = (await makeCase(db, { fullName: 'Other Case' })).id
    ids.restricted = (await makeCase(db, { fullName: 'Hidden Case', visibility: 'restricted' })).id
  })
  afterAll(() => database.close())

  const audits = (caseId: number) =>
    database.db
      .selectFrom('auditEvents')
      .select(['entity', 'entityId', 'action', 'changes'])
      .where('caseId', '=', caseId)
      .where('entity', '=', 'case_sponsor')
      .orderBy('id')
      .execute()

  it('adds a sponsor once, with since and note, and audits it in the same transaction', async () => {
    const db = database.db
    const result = await addCaseSponsor(db, {
      actor: actor(),
      viewer: editor,
      caseId: ids.open!,
      actorId: ids.mep!,
      since: { date: '2023-02-01', precision: 'month' },
      note: 'Godmother since the #WeStandBYyou launch',
    })
    expect(result).toEqual({ ok: true })
    const again = await addCaseSponsor(db, {
      actor: actor(),
      viewer: editor,
      caseId: ids.open!,
      actorId: ids.mep!,
      since: null,
      note: '',
    })
    expect(again).toEqual({ ok: false, reason: 'duplicate' })
    const sponsors = await listCaseSponsors(db, { caseId: ids.open! })
    expect(sponsors).toEqual([
      expect.objectContaining({
        actorId: ids.mep,
        name: 'Мария Иванова',
        since: '2023-02-01',
        sincePrecision: 'month',
        note: 'Godmother since the #WeStandBYyou launch',
      }),
    ])
    const rows = await audits(ids.open!)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      entity: 'case_sponsor',
      entityId: `${ids.open}:${ids.mep}`,
      action: 'create',
    })
  })

  it('refuses an organisation as a sponsor', async () => {
    const result = await addCaseSponsor(database.db, {
      actor: actor(),
      viewer: editor,
      caseId: ids.open!,
      actorId: ids.org!,
      since: null,
      note: '',
    })
    expect(result).toEqual({ ok: false, reason: 'not_a_person' })
  })

  it('offers people only, MEPs first, by any part of the name in any script', async () => {
    const options = await searchSponsorActors(database.db, { viewer: editor, q: 'maria' })
    expect(options.map((o) => o.id)).toEqual([ids.person])
    const cyrillic = await searchSponsorActors(database.db, { viewer: editor, q: 'ивано' })
    expect(cyrillic).toEqual([{ id: ids.mep, label: 'Мария Иванова (MEP, Renew)' }])
  })

  it("lists an actor's sponsored cases the reader may see, with state and latest action", async () => {
    const db = database.db
    for (const caseId of [ids.other!, ids.restricted!])
      await addCaseSponsor(db, {
        actor: actor(),
        viewer: admin,
        caseId,
        actorId: ids.mep!,
        since: null,
        note: '',
      })
    await createAction(db, {
      actor: actor(),
      viewer: admin,
      fields: {
        kind: 'meeting',
        title: 'Met the embassy',
        actionDate: '2024-05-02',
        datePrecision: 'day',
        actorId: ids.mep!,
        targetId: null,
        documentId: null,
        response: 'acknowledged',
        outcomeNotes: '',
      },
      caseIds: [ids.open!],
      sourceIds: [],
    })
    const asViewer = await listSponsoredCases(db, { actorId: ids.mep!, viewer })
    expect(asViewer.total).toBe(2)
    expect(asViewer.cases.map((c) => c.fullName).sort()).toEqual(['Open Case 刘晓波', 'Other Case'])
    const open = asViewer.cases.find((c) => c.id === ids.open)!
    expect(open.lastAction).toEqual({ date: '2024-05-02', precision: 'day' })
    expect(asViewer.cases.find((c) => c.id === ids.other)!.lastAction).toBeNull()
    const asAdmin = await listSponsoredCases(db, { actorId: ids.mep!, viewer: admin })
    expect(asAdmin.total).toBe(3)
    const paged = await listSponsoredCases(db, {
      actorId: ids.mep!,
      viewer: admin,
      pageSize: 2,
      page: 2,
    })
    expect(paged).toMatchObject({ total: 3, page: 2, pageCount: 2 })
    expect(paged.cases).toHaveLength(1)
  })

  it('filters the case list by sponsor, counting only visible cases', async () => {
    const db = database.db
    const filters = { q: '', sponsor: ids.mep! }
    const summary = await summariseCases(db, { viewer, filters })
    expect(summary.total).toBe(2)
    const list = await listCasesForUser(db, { viewer, filters })
    expect(list.cases.map((c) => c.fullName).sort()).toEqual(['Open Case 刘晓波', 'Other Case'])
    const none = await summariseCases(db, { viewer, filters: { q: '', sponsor: ids.person! } })
    expect(none.total).toBe(0)
    expect((await summariseCases(db, { viewer: admin, filters })).total).toBe(3)
  })

  it('removes a sponsor with an audit row, and deleting the case removes its sponsorships', async () => {
    const db = database.db
    expect(
      await removeCaseSponsor(db, { actor: actor(), caseId: ids.other!, actorId: ids.mep! }),
    ).toBe(true)
    expect(
      await removeCaseSponsor(db, { actor: actor(), caseId: ids.other!, actorId: ids.mep! }),
    ).toBe(false)
    const rows = await audits(ids.other!)
    expect(rows.map((r) => r.action)).toEqual(['create', 'delete'])
    // Cases written by the app keep audit rows (append-only), so the cascade is shown on a bare one.
    const bare = await db
      .insertInto('cases')
      .values({ slug: 'bare-case', fullName: 'Bare Case' })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('caseSponsors').values({ caseId: bare.id, actorId: ids.person! }).execute()
    await db.deleteFrom('cases').where('id', '=', bare.id).execute()
    const left = await db
      .selectFrom('caseSponsors')
      .select('caseId')
      .where('actorId', '=', ids.person!)
      .execute()
    expect(left).toEqual([])
  })

  it('moves sponsorships when two actors are merged', async () => {
    const db = database.db
    const dup = (
      await createActor(db, { actor: actor(), fields: actorFields({ name: 'Maria Ivanova' }) })
    ).id
    await addCaseSponsor(db, {
      actor: actor(),
      viewer: admin,
      caseId: ids.other!,
      actorId: dup,
      since: null,
      note: 'moved',
    })
    await addCaseSponsor(db, {
      actor: actor(),
      viewer: admin,
      caseId: ids.open!,
      actorId: dup,
      since: null,
      note: 'dropped',
    })
    const kept = await db
      .selectFrom('actors')
      .select('version')
      .where('id', '=', ids.mep!)
      .executeTakeFirstOrThrow()
    const result = await mergeActors(db, {
      actor: actor(),
      viewer: admin,
      keptId: ids.mep!,
      removedId: dup,
      keptVersion: kept.version,
      removedVersion: 1,
    })
    expect(result).toMatchObject({ ok: true, moved: { 'caseSponsors.actorId': [ids.other] } })
    const sponsors = await db
      .selectFrom('caseSponsors')
      .select(['caseId', 'note'])
      .where('actorId', '=', ids.mep!)
      .orderBy('caseId')
      .execute()
    expect(sponsors).toEqual([
      { caseId: ids.open, note: 'Godmother since the #WeStandBYyou launch' },
      { caseId: ids.other, note: 'moved' },
      { caseId: ids.restricted, note: '' },
    ])
  })
})
