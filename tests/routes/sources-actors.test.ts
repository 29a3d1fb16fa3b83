// Bad input to the source and actor forms: a clear message or the right status, and nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createActor } from '../../app/models/actor.server'
import { createSource } from '../../app/models/source-write.server'
import { createUser } from '../../app/models/user.server'
import { action as editActor } from '../../app/routes/actors.$actorId_.edit'
import { action as mergeActor } from '../../app/routes/actors.$actorId_.merge'
import { action as newActor } from '../../app/routes/actors.new'
import { action as deleteSource } from '../../app/routes/sources.$sourceId_.delete'
import { action as editSource } from '../../app/routes/sources.$sourceId_.edit'
import { action as newSource, loader as newSourcePage } from '../../app/routes/sources.new'
import { makeCase } from '../support/fixtures'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { formPost, runAction, signInCookie, TEST_PASSWORD } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const validSource = {
  title: 'Report on detentions',
  publisher: 'Example Watch',
  publishedOn: '2023-02',
  publishedPrecision: 'month',
  url: 'https://watch.example.org/report',
  archivedUrl: '',
  accessedOn: '',
  kind: 'ngo_report',
  reliability: 'high',
}
const validActor = { kind: 'mep', name: 'Form Actor', roles: 'Member\nRapporteur', committees: '' }

describe.each(backends())('source and actor forms on %s', (backend) => {
  let database: TestDatabase
  let editorCookie: string
  let viewerCookie: string
  let sourceId: number
  let actorId: number

  const counts = async () => {
    const rows = async (table: 'sources' | 'actors' | 'auditEvents' | 'citations') =>
      (await database.db.selectFrom(table).select('id').execute()).length
    return {
      sources: await rows('sources'),
      actors: await rows('actors'),
      citations: await rows('citations'),
      audit: await rows('auditEvents'),
    }
  }

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    for (const role of ['editor', 'viewer'] as const)
      await createUser(database.db, {
        email: `${role}@example.org`,
        name: role,
        role,
        password: TEST_PASSWORD,
      })
    editorCookie = await signInCookie('editor@example.org')
    viewerCookie = await signInCookie('viewer@example.org')
    const created = await createSource(database.db, {
      actor: { userId: null },
      fields: {
        title: 'Existing source',
        publisher: null,
        publishedOn: null,
        publishedPrecision: null,
        url: 'https://existing.example.org/a',
        archivedUrl: null,
        accessedOn: null,
        kind: 'news',
        reliability: 'medium',
      },
    })
    if (!created.ok) throw new Error('fixture source not created')
    sourceId = created.id
    actorId = (
      await createActor(database.db, {
        actor: { userId: null },
        fields: {
          kind: 'mep',
          name: 'Existing Actor',
          politicalGroup: null,
          roles: [],
          committees: [],
          organisation: null,
          office: null,
          email: null,
          phone: null,
          country: null,
          notes: '',
        },
      })
    ).id
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it.each([
    [
      'a javascript: URL',
      { url: 'javascript:alert(1)' },
      'url',
      'starting with http:// or https://',
    ],
    [
      'an ftp URL',
      { url: 'ftp://files.example.org/x' },
      'url',
      'starting with http:// or https://',
    ],
    ['a non-http archive', { archivedUrl: 'data:text/html,x' }, 'archivedUrl', 'http://'],
    ['an empty title', { title: '   ' }, 'title', 'Enter the title'],
    [
      'a day with month precision',
      { publishedOn: '2023-02-14' },
      'publishedOn',
      'precision is "month"',
    ],
    ['an unknown kind', { kind: 'rumour' }, 'kind', 'Choose a kind from the list'],
  ])('refuses a source with %s, keeping what was typed', async (_, change, field, message) => {
    const before = await counts()
    const fields = { ...validSource, ...change }
    const result = await runAction(newSource, formPost('/sources/new', editorCookie, fields))
    expect(result.status).toBe(400)
    expect(result.data.errors[field][0]).toContain(message)
    expect(result.data.values).toMatchObject(fields)
    expect(await counts()).toEqual(before)
  })

  it('flags a URL already in the library and saves nothing', async () => {
    const before = await counts()
    const result = await runAction(
      newSource,
      formPost('/sources/new', editorCookie, {
        ...validSource,
        url: 'http://existing.example.org/a/',
      }),
    )
    expect(result.status).toBe(409)
    expect(result.data.duplicate).toEqual({ id: sourceId, title: 'Existing source' })
    expect(result.data.values.title).toBe(validSource.title)
    expect(await counts()).toEqual(before)
  })

  it('answers 403 to a viewer, for every write, and writes nothing', async () => {
    const before = await counts()
    const attempts = [
      runAction(newSource, formPost('/sources/new', viewerCookie, validSource)),
      runAction(
        newSourcePage,
        new Request('http://localhost/sources/new', { headers: { Cookie: viewerCookie } }),
      ),
      runAction(
        editSource,
        formPost(`/sources/${sourceId}/edit`, viewerCookie, { ...validSource, version: '1' }),
        { sourceId: String(sourceId) },
      ),
      runAction(deleteSource, formPost(`/sources/${sourceId}/delete`, viewerCookie, {}), {
        sourceId: String(sourceId),
      }),
      runAction(newActor, formPost('/actors/new', viewerCookie, validActor)),
      runAction(
        editActor,
        formPost(`/actors/${actorId}/edit`, viewerCookie, { ...validActor, version: '1' }),
        { actorId: String(actorId) },
      ),
      runAction(
        mergeActor,
        formPost(`/actors/${actorId}/merge`, viewerCookie, {
          duplicateId: String(actorId + 1),
          keptVersion: '1',
          duplicateVersion: '1',
        }),
        { actorId: String(actorId) },
      ),
    ]
    for (const result of await Promise.all(attempts)) expect(result.status).toBe(403)
    expect(await counts()).toEqual(before)
  })

  it('answers 409 to a stale source edit, keeps what was typed, and changes nothing', async () => {
    const path = `/sources/${sourceId}/edit`
    const params = { sourceId: String(sourceId) }
    const first = await runAction(
      editSource,
      formPost(path, editorCookie, {
        ...validSource,
        url: 'https://existing.example.org/a',
        version: '1',
      }),
      params,
    )
    expect(first).toMatchObject({ status: 302, location: `/sources/${sourceId}` })
    const before = await counts()
    const stale = await runAction(
      editSource,
      formPost(path, editorCookie, { ...validSource, title: 'Stale title', version: '1' }),
      params,
    )
    expect(stale.status).toBe(409)
    expect(stale.data.version).toBe(2)
    expect(stale.data.values.title).toBe('Stale title')
    expect(stale.data.conflict.differences).toContainEqual(
      expect.objectContaining({ field: 'title', saved: validSource.title, typed: 'Stale title' }),
    )
    expect(await counts()).toEqual(before)
    const row = await database.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', sourceId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ title: validSource.title, version: 2 })
  })

  it('answers 409 to a stale actor edit and changes nothing', async () => {
    const path = `/actors/${actorId}/edit`
    const params = { actorId: String(actorId) }
    const first = await runAction(
      editActor,
      formPost(path, editorCookie, { ...validActor, name: 'Existing Actor', version: '1' }),
      params,
    )
    expect(first.status).toBe(302)
    const before = await counts()
    const stale = await runAction(
      editActor,
      formPost(path, editorCookie, { ...validActor, name: 'Renamed', version: '1' }),
      params,
    )
    expect(stale.status).toBe(409)
    expect(stale.data.conflict.changedBy).toBe('editor')
    expect(stale.data.values.name).toBe('Renamed')
    expect(await counts()).toEqual(before)
    const row = await database.db
      .selectFrom('actors')
      .selectAll()
      .where('id', '=', actorId)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      name: 'Existing Actor',
      roles: ['Member', 'Rapporteur'],
      version: 2,
    })
  })

  it.each([
    ['an empty name', { name: ' ' }, 'name', 'Enter the name'],
    ['a bad email', { email: 'not-an-email' }, 'email', 'Enter an email address'],
    ['a phone with letters', { phone: 'call me' }, 'phone', 'Enter a phone number'],
    ['an unknown kind', { kind: 'alien' }, 'kind', 'Choose a kind from the list'],
  ])('refuses an actor with %s', async (_, change, field, message) => {
    const before = await counts()
    const result = await runAction(
      newActor,
      formPost('/actors/new', editorCookie, { ...validActor, ...change }),
    )
    expect(result.status).toBe(400)
    expect(result.data.errors[field][0]).toContain(message)
    expect(await counts()).toEqual(before)
  })

  it('refuses a self-merge and deleting a cited source', async () => {
    const before = await counts()
    const self = await runAction(
      mergeActor,
      formPost(`/actors/${actorId}/merge`, editorCookie, {
        duplicateId: String(actorId),
        keptVersion: '2',
        duplicateVersion: '2',
      }),
      { actorId: String(actorId) },
    )
    expect(self.status).toBe(400)
    expect(self.data.error).toContain('cannot be merged into itself')

    const { id: caseId } = await makeCase(database.db, { fullName: 'Citing Case' })
    await database.db.insertInto('citations').values({ sourceId, caseId }).execute()
    const cited = await counts()
    const refused = await runAction(
      deleteSource,
      formPost(`/sources/${sourceId}/delete`, editorCookie, {}),
      { sourceId: String(sourceId) },
    )
    expect(refused.status).toBe(409)
    expect(await counts()).toEqual(cited)
    expect(cited.actors).toBe(before.actors)
  })
})
