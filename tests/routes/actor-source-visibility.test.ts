// Over 300 lines: one world of restricted and open records, built once, serves every check of the
// rule; split, each file would build it again.
// Actors and sources seen only on a restricted case are hidden like the case (ADR 008, addendum):
// not listed, not found by id (404 on GET and POST), not offered in pickers, filters or searches, not
// named in a duplicate-URL notice, not matched by an import. Admins and granted users see them, and
// so does everyone once a visible record names them; an unused actor or uncited source is visible.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActorFields } from '../../app/domain/actor-schema'
import type { SourceFields } from '../../app/domain/source-schema'
import { checkActionReferences, getActionFormOptions } from '../../app/models/action.server'
import { createActor, getActorPage, listActors } from '../../app/models/actor.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { searchChartActors } from '../../app/models/chart-choices.server'
import { matchSources } from '../../app/document-import/preview.server'
import { listActorOptions } from '../../app/models/document.server'
import { getSourcePage, listSources } from '../../app/models/source-library.server'
import { createSource } from '../../app/models/source-write.server'
import { searchSources } from '../../app/models/source.server'
import { getStatementSetup } from '../../app/models/statement.server'
import { createUser } from '../../app/models/user.server'
import { loader as actorPage } from '../../app/routes/actors.$actorId'
import {
  action as editActor,
  loader as editActorPage,
} from '../../app/routes/actors.$actorId_.edit'
import { action as mergeActor, loader as mergePage } from '../../app/routes/actors.$actorId_.merge'
import { loader as sourcePage } from '../../app/routes/sources.$sourceId'
import {
  action as deleteSource,
  loader as deleteSourcePage,
} from '../../app/routes/sources.$sourceId_.delete'
import {
  action as editSource,
  loader as editSourcePage,
} from '../../app/routes/sources.$sourceId_.edit'
import { action as recordEvent } from '../../app/routes/cases.$slug_.events.new'
import { action as newSource } from '../../app/routes/sources.new'
import { makeCase } from '../support/fixtures'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { formPost, runAction, signInCookie, TEST_PASSWORD } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
type Action = (args: ActionFunctionArgs) => Promise<unknown>

const SECRET = 'Hiddenmark'
const HIDDEN_URL = 'https://news.example.org/hiddenmark-arrest'
const TODAY = '2025-01-15'

const actorFields = (name: string): ActorFields => ({
  kind: 'mep',
  name,
  politicalGroup: null,
  roles: [],
  committees: [],
  organisation: null,
  office: null,
  email: null,
  phone: null,
  country: null,
  notes: '',
})

const sourceFields = (title: string, url: string | null = null): SourceFields => ({
  title,
  publisher: 'Example Daily',
  publishedOn: '2024-01-10',
  publishedPrecision: 'day',
  url,
  archivedUrl: null,
  accessedOn: null,
  kind: 'news',
  reliability: 'medium',
})

async function load(loader: Loader, path: string, cookie: string, params = {}) {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
  try {
    const result = (await loader({ request, params, context: {} })) as any
    if (result?.type === 'DataWithResponseInit')
      return { status: result.init?.status ?? 200, data: result.data }
    return { status: 200, data: result }
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: undefined }
    throw error
  }
}

describe.each(backends())('actors and sources seen only on a restricted case, on %s', (backend) => {
  let database: TestDatabase
  const users = {} as Record<'admin' | 'editor' | 'viewer' | 'granted', Viewer>
  const cookies = {} as Record<keyof typeof users, string>
  let openSlug: string
  const actors = { hidden: 0, shared: 0, unused: 0 }
  const sources = { hidden: 0, shared: 0, uncited: 0 }

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const db = database.db
    for (const role of ['admin', 'editor', 'viewer', 'granted'] as const) {
      const email = `${role}-visibility@example.org`
      const made = await createUser(db, {
        email,
        name: role,
        role: role === 'granted' ? 'viewer' : role,
        password: TEST_PASSWORD,
      })
      users[role] = { id: made.id, role: role === 'granted' ? 'viewer' : role }
      cookies[role] = await signInCookie(email)
    }
    const open = await makeCase(db, { fullName: 'Open Person', visibility: 'public' })
    openSlug = open.slug
    const hidden = await makeCase(db, { fullName: `${SECRET} Person`, visibility: 'restricted' })
    await db
      .insertInto('caseAccess')
      .values({ caseId: hidden.id, userId: users.granted.id })
      .execute()

    const actor = { userId: null }
    actors.hidden = (await createActor(db, { actor, fields: actorFields(`${SECRET} Speaker`) })).id
    actors.shared = (await createActor(db, { actor, fields: actorFields(`${SECRET} Shared`) })).id
    actors.unused = (await createActor(db, { actor, fields: actorFields(`${SECRET} Unused`) })).id
    const source = async (title: string, url: string | null = null) => {
      const made = await createSource(db, { actor, fields: sourceFields(title, url) })
      if (!made.ok) throw new Error('source not created')
      return made.id
    }
    sources.hidden = await source(`${SECRET} Arrest report`, HIDDEN_URL)
    sources.shared = await source(`${SECRET} Shared report`)
    sources.uncited = await source(`${SECRET} Uncited report`)

    // The hidden actor issues, speaks in and acts on records of the restricted case only; the shared
    // one does too, and is also the target of an action on the public case.
    const document = async (caseId: number, issuerId: number) => {
      const { id } = await db
        .insertInto('documents')
        .values({ kind: 'press_release', title: 'Statement', issuerId })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db.insertInto('documentCases').values({ documentId: id, caseId }).execute()
      return id
    }
    const hiddenDocument = await document(hidden.id, actors.hidden)
    await db
      .insertInto('documentQuotes')
      .values({ documentId: hiddenDocument, actorId: actors.hidden, body: 'Free them.' })
      .execute()
    await document(hidden.id, actors.shared)
    const action = async (caseId: number, values: { actorId?: number; targetId?: number }) => {
      const { id } = await db
        .insertInto('advocacyActions')
        .values({ kind: 'meeting', actionDate: '2024-03-01', datePrecision: 'day', ...values })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db.insertInto('actionCases').values({ actionId: id, caseId }).execute()
    }
    await action(hidden.id, { actorId: actors.hidden, targetId: actors.hidden })
    await action(open.id, { targetId: actors.shared })

    const event = async (caseId: number) =>
      (
        await db
          .insertInto('statusEvents')
          .values({ caseId, eventDate: '2024-02-01', datePrecision: 'day' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const hiddenEvent = await event(hidden.id)
    const openEvent = await event(open.id)
    for (const [sourceId, statusEventId] of [
      [sources.hidden, hiddenEvent],
      [sources.shared, hiddenEvent],
      [sources.shared, openEvent],
    ] as const)
      await db.insertInto('citations').values({ sourceId, statusEventId }).execute()
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  const listedActors = async (viewer: Viewer) =>
    (await listActors(database.db, { query: { q: SECRET, page: 1 }, viewer })).actors.map(
      (a) => a.id,
    )
  const listedSources = async (viewer: Viewer) =>
    (await listSources(database.db, { query: { q: SECRET, page: 1 }, viewer })).sources.map(
      (s) => s.id,
    )

  it.each(['viewer', 'editor'] as const)(
    'hides an actor seen only on the restricted case from a(n) %s without a grant',
    async (role) => {
      const viewer = users[role]
      const db = database.db
      expect(await listedActors(viewer)).toEqual([actors.shared, actors.unused])
      expect(await getActorPage(db, { id: actors.hidden, viewer })).toBeUndefined()
      const options = [
        await listActorOptions(db, { viewer }),
        await searchChartActors(db, { viewer, q: SECRET }),
        ...(role === 'editor' ? [(await getActionFormOptions(db, { viewer })).actors] : []),
        (await getStatementSetup(db, { slug: openSlug, viewer, today: TODAY }))!.actors,
      ]
      for (const offered of options) {
        expect(offered.map((a) => a.id)).not.toContain(actors.hidden)
        expect(offered.map((a) => a.id)).toContain(actors.shared)
      }
      expect(
        (
          await load(actorPage, `/actors/${actors.hidden}`, cookies[role], {
            actorId: `${actors.hidden}`,
          })
        ).status,
      ).toBe(404)
    },
  )

  it('answers 404 to an editor without a grant for its edit and merge pages, GET and POST', async () => {
    const cookie = cookies.editor
    const hidden = { actorId: String(actors.hidden) }
    expect(
      (await load(editActorPage, `/actors/${actors.hidden}/edit`, cookie, hidden)).status,
    ).toBe(404)
    expect(
      (
        await runAction(
          editActor as Action,
          formPost(`/actors/${actors.hidden}/edit`, cookie, {}),
          hidden,
        )
      ).status,
    ).toBe(404)
    expect((await load(mergePage, `/actors/${actors.hidden}/merge`, cookie, hidden)).status).toBe(
      404,
    )
    expect(
      (
        await runAction(
          mergeActor as Action,
          formPost(`/actors/${actors.hidden}/merge`, cookie, {}),
          hidden,
        )
      ).status,
    ).toBe(404)

    // As the duplicate of a visible actor, it is as if it did not exist.
    const kept = { actorId: String(actors.unused) }
    const preview = await load(
      mergePage,
      `/actors/${actors.unused}/merge?q=${SECRET}&duplicate=${actors.hidden}`,
      cookie,
      kept,
    )
    expect(preview.status).toBe(200)
    expect(preview.data.preview).toBeNull()
    expect(JSON.stringify(preview.data)).not.toContain(`${SECRET} Speaker`)
    const merged = await runAction(
      mergeActor as Action,
      formPost(`/actors/${actors.unused}/merge`, cookie, {
        duplicateId: String(actors.hidden),
        keptVersion: '1',
        duplicateVersion: '1',
      }),
      kept,
    )
    expect(merged.status).toBe(409)
    expect(
      await database.db.selectFrom('actors').select('id').where('id', '=', actors.hidden).execute(),
    ).toHaveLength(1)
  })

  it('refuses a hidden actor or source named by a hand-made action form', async () => {
    const errors = await checkActionReferences(database.db, {
      viewer: users.editor,
      fields: { actorId: actors.hidden, targetId: null, documentId: null },
      caseIds: [],
      sourceIds: [sources.hidden],
      newSourceUrl: HIDDEN_URL,
    })
    expect(Object.keys(errors).sort()).toEqual(['actorId', 'newSourceUrl', 'sourceIds'])
    expect(JSON.stringify(errors)).not.toContain(SECRET)
  })

  it.each(['admin', 'granted'] as const)(
    'shows the actor and the source to a(n) %s',
    async (role) => {
      const viewer = users[role]
      expect(await listedActors(viewer)).toContain(actors.hidden)
      expect((await getActorPage(database.db, { id: actors.hidden, viewer }))?.quotes).toHaveLength(
        1,
      )
      expect(await listedSources(viewer)).toContain(sources.hidden)
      expect(await getSourcePage(database.db, { id: sources.hidden, viewer })).toBeDefined()
      expect(
        (
          await load(sourcePage, `/sources/${sources.hidden}`, cookies[role], {
            sourceId: String(sources.hidden),
          })
        ).status,
      ).toBe(200)
    },
  )

  it.each(['viewer', 'editor'] as const)(
    'hides a source cited only for the restricted case from a(n) %s without a grant',
    async (role) => {
      const viewer = users[role]
      expect(await listedSources(viewer)).toEqual(
        expect.arrayContaining([sources.shared, sources.uncited]),
      )
      expect(await listedSources(viewer)).not.toContain(sources.hidden)
      expect(await getSourcePage(database.db, { id: sources.hidden, viewer })).toBeUndefined()
      const found = await searchSources(database.db, { query: SECRET, viewer })
      expect(found.map((s) => s.id)).not.toContain(sources.hidden)
      expect(found.map((s) => s.id)).toContain(sources.uncited)
      const [match] = await matchSources(database.db, viewer, [
        { title: `${SECRET} Arrest report`, publisher: null, url: HIDDEN_URL },
      ])
      expect(match).toBeNull()
      const params = { sourceId: String(sources.hidden) }
      expect(
        (await load(sourcePage, `/sources/${sources.hidden}`, cookies[role], params)).status,
      ).toBe(404)
    },
  )

  it('answers 404 to an editor without a grant for its edit and delete pages, GET and POST', async () => {
    const cookie = cookies.editor
    const params = { sourceId: String(sources.hidden) }
    const path = `/sources/${sources.hidden}`
    expect((await load(editSourcePage, `${path}/edit`, cookie, params)).status).toBe(404)
    expect((await load(deleteSourcePage, `${path}/delete`, cookie, params)).status).toBe(404)
    expect(
      (await runAction(editSource as Action, formPost(`${path}/edit`, cookie, {}), params)).status,
    ).toBe(404)
    expect(
      (await runAction(deleteSource as Action, formPost(`${path}/delete`, cookie, {}), params))
        .status,
    ).toBe(404)
  })

  it('does not name the hidden source holding a URL added again, nor reuse it', async () => {
    const before = await database.db.selectFrom('sources').select('id').execute()
    const answer = await runAction(
      newSource as Action,
      formPost('/sources/new', cookies.editor, {
        title: 'Same link, new title',
        publisher: '',
        publishedOn: '2023-02',
        publishedPrecision: 'month',
        url: HIDDEN_URL,
        archivedUrl: '',
        accessedOn: '',
        kind: 'news',
        reliability: 'medium',
      }),
    )
    expect(answer.data.errors).toEqual({})
    expect(answer.status).toBe(409)
    expect(answer.data.duplicate).toEqual({ hidden: true })
    expect(JSON.stringify(answer.data)).not.toContain(SECRET)
    expect(await database.db.selectFrom('sources').select('id').execute()).toHaveLength(
      before.length,
    )
  })
  it('the event form neither finds nor cites a hidden source, and a huge id is no server error', async () => {
    const post = (fields: Record<string, string | string[]>) =>
      runAction(recordEvent, formPost(`/cases/${openSlug}/events/new`, cookies.editor, fields), {
        slug: openSlug,
      })
    const found = await post({ intent: 'find-sources', sourceQuery: SECRET })
    expect(JSON.stringify(found.data.foundSources)).not.toContain('Arrest report')
    const confirmed = await post({
      intent: 'save',
      eventDate: '2024-05-01',
      datePrecision: 'day',
      custodyState: 'detained',
      certainty: 'confirmed',
      sourceIds: [String(sources.hidden), '99999999999999999999'],
    })
    // Read as a form naming no source: a confirmed event needs one the editor can see.
    expect(confirmed.status).toBe(400)
    expect(confirmed.data.errors.sourceIds).toBeDefined()
    const citations = await database.db
      .selectFrom('citations')
      .select('id')
      .where('sourceId', '=', sources.hidden)
      .execute()
    expect(citations).toHaveLength(1)
  })
})
