// Over 300 lines: one seeded database per backend serves the visibility, filter, paging and locking
// tests.
// Advocacy actions on both databases: who sees which action, the list's filters and pages, and writes
// with optimistic locking and an audit row for the action, each case link and each citation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionFields } from '../../app/domain/action-schema'
import {
  checkActionReferences,
  getActionForUser,
  listActionsForUser,
} from '../../app/models/action.server'
import { createAction, deleteAction, updateAction } from '../../app/models/action-write.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const fields = (overrides: Partial<ActionFields> = {}): ActionFields => ({
  kind: 'letter_to_authorities',
  title: 'Letter to the authorities',
  actionDate: '2023-03-10',
  datePrecision: 'day',
  actorId: null,
  targetId: null,
  documentId: null,
  response: 'none',
  outcomeNotes: '',
  ...overrides,
})

describe.each(backends())('advocacy actions on %s', (backend) => {
  let database: TestDatabase
  let admin: Viewer
  let editor: Viewer
  let granted: Viewer
  let open: number
  let secret: number
  let actorId: number

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    const db = database.db
    const users = await Promise.all([
      makeUser(db, 'admin'),
      makeUser(db, 'editor', 'Eve Editor'),
      makeUser(db, 'viewer'),
    ])
    ;[admin, editor, granted] = users.map((u) => ({ id: u.id, role: u.role })) as [
      Viewer,
      Viewer,
      Viewer,
    ]
    open = (await makeCase(db, { fullName: 'Open Person', visibility: 'public' })).id
    secret = (await makeCase(db, { fullName: 'Secret Person', visibility: 'restricted' })).id
    await db.insertInto('caseAccess').values({ caseId: secret, userId: granted.id }).execute()
    actorId = (
      await db
        .insertInto('actors')
        .values({ kind: 'intergroup', name: 'LGBTI Intergroup' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(() => database.close())

  const record = (caseIds: number[], overrides: Partial<ActionFields> = {}, viewer = admin) =>
    createAction(database.db, {
      actor: { userId: viewer.id },
      viewer,
      fields: fields(overrides),
      caseIds,
      sourceIds: [],
    })
  const auditFor = (entity: string, entityId: string) =>
    database.db
      .selectFrom('auditEvents')
      .select(['action', 'caseId', 'changes', 'userId', 'entityId'])
      .where('entity', '=', entity)
      .where('entityId', 'like', entityId)
      .orderBy('id')
      .execute()

  it('shows an action to whoever may see all of its cases, and an action for no case to all', async () => {
    const onlySecret = await record([secret], { title: 'Only secret' })
    const both = await record([secret, open], { title: 'Both' })
    const none = await record([], { title: 'No case' })
    for (const [viewer, sees] of [
      [admin, [true, true, true]],
      [editor, [false, false, true]],
      [granted, [true, true, true]],
    ] as const) {
      const seen = await Promise.all(
        [onlySecret, both, none].map((a) => getActionForUser(database.db, { id: a.id, viewer })),
      )
      expect(seen.map(Boolean)).toEqual(sees)
    }
    const forGranted = await getActionForUser(database.db, { id: both.id, viewer: granted })
    expect(forGranted!.cases.map((c) => c.fullName)).toEqual(['Open Person', 'Secret Person'])
    const list = await listActionsForUser(database.db, { viewer: editor, filters: { q: '' } })
    expect(list.actions.map((a) => a.title)).toEqual(['No case'])
    expect(JSON.stringify(list)).not.toContain('Secret Person')
  })

  it('creates an action with its cases and sources in one transaction, reusing a source by URL', async () => {
    const before = await database.db.selectFrom('sources').select('id').execute()
    const newSource = {
      title: 'Letter published',
      publisher: 'Example News',
      publishedOn: '2023-03-11',
      url: 'https://news.example.org/letter',
    }
    const first = await createAction(database.db, {
      actor: { userId: editor.id },
      viewer: editor,
      fields: fields({ actorId }),
      caseIds: [open],
      sourceIds: [],
      newSource,
    })
    const second = await createAction(database.db, {
      actor: { userId: editor.id },
      viewer: editor,
      fields: fields(),
      caseIds: [open],
      sourceIds: [],
      newSource,
    })
    expect([first.reusedSource, second.reusedSource]).toEqual([false, true])
    expect(await database.db.selectFrom('sources').select('id').execute()).toHaveLength(
      before.length + 1,
    )
    const created = await auditFor('advocacy_action', String(first.id))
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({ action: 'create', caseId: open, userId: editor.id })
    expect(created[0]!.changes).toContainEqual({ field: 'kind', new: 'letter_to_authorities' })
    expect(created[0]!.changes).toContainEqual({ field: 'caseIds', new: [open] })
    expect(await auditFor('action_case', `${first.id}:%`)).toEqual([
      expect.objectContaining({ action: 'create', caseId: open, entityId: `${first.id}:${open}` }),
    ])
    const citations = await database.db
      .selectFrom('citations')
      .select('sourceId')
      .where('advocacyActionId', '=', first.id)
      .execute()
    expect(citations).toHaveLength(1)
  })

  it('lets one of two saves of the same version through; the other changes nothing', async () => {
    const { id } = await record([open])
    const save = (title: string) =>
      updateAction(database.db, {
        actor: { userId: editor.id },
        viewer: editor,
        id,
        version: 1,
        fields: fields({ title }),
        caseIds: [open],
        sourceIds: [],
      })
    const results = await Promise.all([save('first'), save('second')])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const stale = results.find((r) => !r.ok)
    expect(stale && !stale.ok && stale.current?.updatedByName).toBe('Eve Editor')
    const row = await database.db
      .selectFrom('advocacyActions')
      .select(['version', 'title'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.version).toBe(2)
    expect((await auditFor('advocacy_action', String(id))).map((r) => r.action)).toEqual([
      'create',
      'update',
    ])
  })

  it('never unlinks a restricted case the editor cannot see, even when asked to by the model', async () => {
    const { id } = await record([secret, open])
    const other = (await makeCase(database.db, { fullName: 'Other Person' })).id
    const result = await updateAction(database.db, {
      actor: { userId: editor.id },
      viewer: editor,
      id,
      version: 1,
      fields: fields(),
      caseIds: [other],
      sourceIds: [],
    })
    expect(result.ok).toBe(true)
    const links = await database.db
      .selectFrom('actionCases')
      .select('caseId')
      .where('actionId', '=', id)
      .orderBy('caseId')
      .execute()
    expect(links.map((l) => l.caseId)).toEqual([secret, other].sort((a, b) => a - b))
    const rows = await auditFor('action_case', `${id}:%`)
    expect(rows.map((r) => [r.action, r.caseId])).toEqual([
      ...[secret, open].sort((a, b) => a - b).map((caseId) => ['create', caseId]),
      ['delete', open],
      ['create', other],
    ])
  })

  it('deletes an action with its links and citations, each audited', async () => {
    const { id } = await createAction(database.db, {
      actor: { userId: editor.id },
      viewer: editor,
      fields: fields(),
      caseIds: [open],
      sourceIds: [],
      newSource: { title: 'Another', publisher: null, publishedOn: null, url: null },
    })
    expect(await deleteAction(database.db, { actor: { userId: editor.id }, id })).toBe(true)
    expect(await deleteAction(database.db, { actor: { userId: editor.id }, id })).toBe(false)
    expect((await auditFor('advocacy_action', String(id))).map((r) => r.action)).toEqual([
      'create',
      'delete',
    ])
    expect((await auditFor('action_case', `${id}:%`)).map((r) => r.action)).toEqual([
      'create',
      'delete',
    ])
    const citationRows = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entity', '=', 'citation')
      .where('changes', '@>', JSON.stringify([{ field: 'advocacyActionId' }]) as never)
      .execute()
    expect(citationRows.map((r) => r.action)).toContain('delete')
    expect(
      await database.db
        .selectFrom('actionCases')
        .select('caseId')
        .where('actionId', '=', id)
        .execute(),
    ).toEqual([])
  })

  it('refuses unknown actors and documents, and a hidden case as if it did not exist', async () => {
    const errors = await checkActionReferences(database.db, {
      viewer: editor,
      fields: { actorId: 999_999, targetId: actorId, documentId: 999_999 },
      caseIds: [open, secret],
    })
    expect(errors).toEqual({
      actorId: ['Choose who acted from the list'],
      documentId: ['Choose a document from the list'],
      caseIds: ['Choose the cases from the list'],
    })
    const missing = await checkActionReferences(database.db, {
      viewer: editor,
      fields: { actorId: null, targetId: null, documentId: null },
      caseIds: [999_999],
    })
    expect(missing).toEqual({ caseIds: ['Choose the cases from the list'] })
  })

  it('filters, searches and pages the list, 50 at a time, newest first', async () => {
    const target = (
      await database.db
        .insertInto('actors')
        .values({ kind: 'authority', name: 'Prosecutor General' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    const listCase = (await makeCase(database.db, { fullName: 'Listed Person' })).id
    const inserted = await database.db
      .insertInto('advocacyActions')
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          kind: i % 2 ? ('meeting' as const) : ('press_release' as const),
          title: i === 7 ? 'Hearing on 100% transparency' : `Paged action ${i}`,
          outcomeNotes: i === 9 ? 'The embassy replied in writing' : '',
          actionDate: `2019-${String((i % 12) + 1).padStart(2, '0')}-15`,
          datePrecision: 'day' as const,
          targetId: i < 5 ? target : null,
          response: i === 3 ? ('denied' as const) : ('none' as const),
        })),
      )
      .returning('id')
      .execute()
    await database.db
      .insertInto('actionCases')
      .values(inserted.map(({ id }) => ({ actionId: id, caseId: listCase })))
      .execute()
    const list = (filters: Record<string, unknown>, page = 1) =>
      listActionsForUser(database.db, { viewer: editor, filters: { q: '', ...filters }, page })
    const first = await list({ case: listCase })
    expect(first).toMatchObject({ total: 60, page: 1, pageCount: 2 })
    expect(first.actions).toHaveLength(50)
    const dates = first.actions.map((a) => a.actionDate)
    expect(dates).toEqual([...dates].sort().reverse())
    expect((await list({ case: listCase }, 2)).actions).toHaveLength(10)
    expect((await list({ case: listCase }, 99)).page).toBe(2)
    expect((await list({ case: listCase, kind: 'meeting' })).total).toBe(30)
    expect((await list({ target })).total).toBe(5)
    expect((await list({ response: 'denied', case: listCase })).total).toBe(1)
    expect((await list({ case: listCase, from: '2019-03-01', to: '2019-03-31' })).total).toBe(5)
    expect((await list({ q: '100%' })).actions.map((a) => a.title)).toEqual([
      'Hearing on 100% transparency',
    ])
    expect((await list({ q: 'EMBASSY replied' })).total).toBe(1)
    expect((await list({ q: '%' })).total).toBe(1)
  })
})
