// The access and history pages' loaders and actions, called directly with signed-in requests.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCase, getCaseForUser, type CaseFields } from '../../app/models/case.server'
import { createUser } from '../../app/models/user.server'
import {
  action as accessAction,
  loader as accessLoader,
} from '../../app/routes/cases.$slug_.access'
import { loader as historyLoader } from '../../app/routes/cases.$slug_.history'
import { action as loginAction } from '../../app/routes/login'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const PASSWORD = 'correct horse battery staple'
const SLUG = 'hidden-person'

const FIELDS: CaseFields = {
  fullName: 'Hidden Person',
  aliases: [],
  displayName: null,
  country: null,
  region: null,
  nationality: null,
  grounds: ['sexual_orientation'],
  riskLevel: 'critical',
  summary: '',
  internalNotes: '',
  visibility: 'restricted',
  consent: 'refused',
  ownerId: null,
}

type Role = 'admin' | 'editor' | 'viewer'
type DataResult = { data: Record<string, unknown>; init: ResponseInit | null }

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a thrown Response')
}

describe.each(backends())('access and history routes on %s', (backend) => {
  let database: TestDatabase
  const cookies = {} as Record<Role, string>
  const ids = {} as Record<Role, number>
  let caseId: number

  async function signedIn(role: Role) {
    const user = await createUser(database.db, {
      email: `${role}@example.org`,
      name: `Demo ${role}`,
      role,
      password: PASSWORD,
    })
    ids[role] = user.id
    const request = new Request('http://localhost/login', {
      method: 'POST',
      body: new URLSearchParams({ email: `${role}@example.org`, password: PASSWORD }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    const response = (await loginAction({ request, params: {}, context: {} })) as Response
    cookies[role] = (response.headers.get('Set-Cookie') ?? '').split(';')[0]!
  }

  function get(role: Role, path: string) {
    return new Request(`http://localhost${path}`, { headers: { Cookie: cookies[role] } })
  }

  function post(role: Role, form: Record<string, string>, slug = SLUG) {
    return accessAction({
      request: new Request(`http://localhost/cases/${slug}/access`, {
        method: 'POST',
        body: new URLSearchParams(form),
        headers: { Cookie: cookies[role], 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
      params: { slug },
      context: {},
    })
  }

  const history = (role: Role, slug = SLUG) =>
    historyLoader({ request: get(role, `/cases/${slug}/history`), params: { slug }, context: {} })

  const written = async () => ({
    grants: await database.db.selectFrom('caseAccess').selectAll().execute(),
    audits: await database.db
      .selectFrom('auditEvents')
      .select('id')
      .where('action', 'in', ['grant', 'revoke'])
      .execute(),
  })

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    for (const role of ['admin', 'editor', 'viewer'] as const) await signedIn(role)
    caseId = (await createCase(database.db, { actor: { userId: ids.admin }, fields: FIELDS })).id
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })
  beforeEach(async () => {
    await database.db.deleteFrom('caseAccess').execute()
  })

  it('refuses an editor and a viewer with 403 and writes nothing', async () => {
    const before = await written()
    for (const role of ['editor', 'viewer'] as const) {
      const response = await thrown(post(role, { intent: 'grant', userId: String(ids[role]) }))
      expect(response.status).toBe(403)
      const page = await thrown(
        accessLoader({
          request: get(role, `/cases/${SLUG}/access`),
          params: { slug: SLUG },
          context: {},
        }),
      )
      expect(page.status).toBe(403)
    }
    expect(await written()).toEqual(before)
  })

  it('lets an admin grant access, then lists the grant with a notice', async () => {
    const response = (await post('admin', {
      intent: 'grant',
      userId: String(ids.viewer),
    })) as Response
    expect(response.status).toBe(302)
    const location = response.headers.get('Location')!
    expect(location).toBe(`/cases/${SLUG}/access?notice=granted&user=${ids.viewer}`)
    const grants = await database.db.selectFrom('caseAccess').selectAll().execute()
    expect(grants).toEqual([
      expect.objectContaining({ caseId, userId: ids.viewer, grantedBy: ids.admin }),
    ])

    const page = await accessLoader({
      request: get('admin', location),
      params: { slug: SLUG },
      context: {},
    })
    expect(page.notice).toBe('Access granted to Demo viewer.')
    expect(page.grants.map((grant) => grant.email)).toEqual(['viewer@example.org'])
    expect(page.grants[0]!.grantedByName).toBe('Demo admin')
    expect(page.candidates.map((user) => user.email)).toEqual(['editor@example.org'])

    const again = (await post('admin', { intent: 'grant', userId: String(ids.viewer) })) as Response
    expect(again.headers.get('Location')).toContain('notice=already_granted')
    expect(await database.db.selectFrom('caseAccess').selectAll().execute()).toHaveLength(1)
  })

  it.each([
    ['a non-numeric id', 'abc', 'Choose a user from the list'],
    ['an empty choice', '', 'Choose a user'],
    ['an unknown user', '987654', 'Choose an active editor or viewer from the list'],
    ['an admin', 'ADMIN', 'Choose an active editor or viewer from the list'],
  ])(
    'answers %s with 400 and a message for the field, writing nothing',
    async (_, raw, message) => {
      const before = await written()
      const userId = raw === 'ADMIN' ? String(ids.admin) : raw
      const result = (await post('admin', { intent: 'grant', userId })) as unknown as DataResult
      expect(result.init?.status).toBe(400)
      expect(result.data.fieldErrors).toEqual({ userId: [message] })
      expect(result.data.userId).toBe(userId)
      expect(await written()).toEqual(before)
    },
  )

  it('answers a hand-made intent with 400', async () => {
    const result = (await post('admin', {
      intent: 'delete',
      userId: String(ids.viewer),
    })) as unknown as DataResult
    expect(result.init?.status).toBe(400)
    expect(result.data.fieldErrors).toHaveProperty('intent')
  })

  it('answers 404 for a case that does not exist', async () => {
    const response = await thrown(
      post('admin', { intent: 'grant', userId: String(ids.viewer) }, 'nobody'),
    )
    expect(response.status).toBe(404)
  })

  it('a granted user can read the case and its history; after the revoke they cannot', async () => {
    const editor = { id: ids.editor, role: 'editor' as const }
    expect(await getCaseForUser(database.db, { slug: SLUG, viewer: editor })).toBeUndefined()
    expect((await thrown(history('editor'))).status).toBe(404)

    await post('admin', { intent: 'grant', userId: String(ids.editor) })
    expect(await getCaseForUser(database.db, { slug: SLUG, viewer: editor })).toMatchObject({
      id: caseId,
    })
    const page = await history('editor')
    expect(page.record.fullName).toBe('Hidden Person')
    expect(page.entries[0]).toMatchObject({
      who: 'Demo admin',
      summary: 'granted access to Demo editor (editor@example.org)',
    })
    expect(page.entries.at(-1)).toMatchObject({ who: 'Demo admin', summary: 'created the case' })

    const revoke = (await post('admin', {
      intent: 'revoke',
      userId: String(ids.editor),
    })) as Response
    expect(revoke.headers.get('Location')).toBe(
      `/cases/${SLUG}/access?notice=revoked&user=${ids.editor}`,
    )
    expect(await getCaseForUser(database.db, { slug: SLUG, viewer: editor })).toBeUndefined()
    expect((await thrown(history('editor'))).status).toBe(404)
  })

  it('refuses the history to a viewer with 403, even with access', async () => {
    await post('admin', { intent: 'grant', userId: String(ids.viewer) })
    expect((await thrown(history('viewer'))).status).toBe(403)
  })

  it('shows the admin the history, sensitive values left out', async () => {
    const page = await history('admin')
    const created = page.entries.find((entry) => entry.summary === 'created the case')!
    expect(created.details).toContain('grounds (sensitive — value not recorded)')
    expect(JSON.stringify(page.entries)).not.toMatch(
      /sexual_orientation|Sexual orientation|refused/i,
    )
    expect((await thrown(history('admin', 'nobody'))).status).toBe(404)
  })
})
