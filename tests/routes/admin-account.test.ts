// The account page and the admin pages (users, activity), their loaders and actions called directly
// with signed-in requests, on PGlite and PostgreSQL.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyLogin } from '../../app/models/user.server'
import { action as accountAction, loader as accountLoader } from '../../app/routes/account'
import { loader as adminIndexLoader } from '../../app/routes/admin._index'
import { loader as activityLoader } from '../../app/routes/admin.activity'
import { action as userAction, loader as userLoader } from '../../app/routes/admin.users.$userId'
import { loader as usersLoader } from '../../app/routes/admin.users._index'
import { action as newUserAction, loader as newUserLoader } from '../../app/routes/admin.users.new'
import { action as loginAction } from '../../app/routes/login'
import { requireUser } from '../../app/guards/auth.server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { makeUser } from '../support/fixtures'
import { TEST_PASSWORD, formPost, runAction, signInCookie } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>

/** What a browser would get from a loader: its data, or the status of a thrown/returned Response. */
async function runLoader(loader: Loader, path: string, cookie: string, params = {}) {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
  try {
    const result = await loader({ request, params, context: {} })
    if (result instanceof Response)
      return { status: result.status, location: result.headers.get('Location'), data: null }
    return { status: 200, location: null, data: result as any }
  } catch (error) {
    if (error instanceof Response)
      return { status: error.status, location: error.headers.get('Location'), data: null }
    throw error
  }
}

/** Signs in through the real login action; null when sign-in is refused. */
async function signInWith(email: string, password: string): Promise<string | null> {
  const request = new Request('http://localhost/login', {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  const response = await loginAction({ request, params: {}, context: {} })
  if (!(response instanceof Response) || response.status !== 302) return null
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0] || null
}

async function isSignedIn(cookie: string): Promise<boolean> {
  try {
    await requireUser(new Request('http://localhost/dashboard', { headers: { Cookie: cookie } }))
    return true
  } catch (error) {
    if (error instanceof Response && error.status === 302) return false
    throw error
  }
}

describe.each(backends())('account and admin pages on %s', (backend) => {
  let database: TestDatabase
  const people = {} as Record<
    'admin' | 'editor' | 'viewer',
    { id: number; email: string; name: string }
  >
  const cookies = {} as Record<'admin' | 'editor' | 'viewer', string>

  const userState = (id: number) =>
    database.db
      .selectFrom('users')
      .select(['passwordHash', 'role', 'disabledAt', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  const sessionCount = async (userId: number) =>
    (
      await database.db
        .selectFrom('sessions')
        .select('idHash')
        .where('userId', '=', userId)
        .execute()
    ).length
  const auditRows = (entityId: number, action: string) =>
    database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entity', '=', 'user')
      .where('entityId', '=', String(entityId))
      .where('action', '=', action as never)
      .execute()
  const postUser = (cookie: string, userId: number, fields: Record<string, string>) =>
    runAction(userAction, formPost(`/admin/users/${userId}`, cookie, fields), {
      userId: String(userId),
    })

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      people[role] = await makeUser(database.db, role)
      cookies[role] = await signInCookie(people[role].email)
    }
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  describe('changing one’s own password', () => {
    const change = (cookie: string, fields: Record<string, string>) =>
      runAction(accountAction, formPost('/account', cookie, fields))

    it('refuses a short, a 129-character, a mismatched or a wrong-current change, and changes nothing', async () => {
      const user = await makeUser(database.db, 'editor')
      const cookie = await signInCookie(user.email)
      const before = await userState(user.id)
      const long = 'a'.repeat(129)
      const cases: [Record<string, string>, string][] = [
        [
          {
            currentPassword: TEST_PASSWORD,
            newPassword: 'too short',
            confirmPassword: 'too short',
          },
          'newPassword',
        ],
        [
          { currentPassword: TEST_PASSWORD, newPassword: long, confirmPassword: long },
          'newPassword',
        ],
        [
          {
            currentPassword: TEST_PASSWORD,
            newPassword: 'a long enough phrase',
            confirmPassword: 'another long phrase',
          },
          'confirmPassword',
        ],
        [
          {
            currentPassword: 'not my password at all',
            newPassword: 'a long enough phrase',
            confirmPassword: 'a long enough phrase',
          },
          'currentPassword',
        ],
      ]
      for (const [fields, field] of cases) {
        const result = await change(cookie, fields)
        expect(result.status, field).toBe(400)
        expect(Object.keys(result.data.errors)).toEqual([field])
        // Passwords typed are never sent back into the page.
        expect(JSON.stringify(result.data)).not.toContain(fields.newPassword)
      }
      expect(await userState(user.id)).toEqual(before)
      expect(await auditRows(user.id, 'password_change')).toHaveLength(0)
      expect(await isSignedIn(cookie)).toBe(true)
    })

    it('limits guesses of the current password like sign-ins: 429 with Retry-After, then even the right one waits', async () => {
      const user = await makeUser(database.db, 'editor')
      const cookie = await signInCookie(user.email)
      const guess = (currentPassword: string) =>
        change(cookie, {
          currentPassword,
          newPassword: 'a long enough phrase',
          confirmPassword: 'a long enough phrase',
        })
      for (let i = 0; i < 5; i++) expect((await guess(`wrong guess ${i}`)).status).toBe(400)
      const refused = await guess(TEST_PASSWORD)
      expect(refused.status).toBe(429)
      expect(refused.data.errors.currentPassword[0]).toMatch(/Too many wrong passwords/)
      expect(await auditRows(user.id, 'password_change')).toHaveLength(0)
      expect(await auditRows(user.id, 'sign_in_failed')).toHaveLength(5)
    })

    it('accepts a 128-character pass-phrase, ends the other sessions, keeps this browser signed in and audits without the password', async () => {
      const user = await makeUser(database.db, 'viewer')
      const here = await signInCookie(user.email)
      const elsewhere = await signInCookie(user.email)
      const phrase = 'correct horse battery staple '.repeat(5).slice(0, 128)
      const request = formPost('/account', here, {
        currentPassword: TEST_PASSWORD,
        newPassword: phrase,
        confirmPassword: phrase,
      })
      const response = (await accountAction({ request, params: {}, context: {} })) as Response
      expect(response.status).toBe(302)
      expect(response.headers.get('Location')).toBe('/account?notice=password-changed')
      const fresh = (response.headers.get('Set-Cookie') ?? '').split(';')[0]!
      expect(await isSignedIn(elsewhere)).toBe(false)
      expect(await isSignedIn(fresh)).toBe(true)
      expect(await sessionCount(user.id)).toBe(1)
      expect(await verifyLogin(database.db, { email: user.email, password: phrase })).toBeTruthy()
      expect(
        await verifyLogin(database.db, { email: user.email, password: TEST_PASSWORD }),
      ).toBeNull()
      const [row, ...more] = await auditRows(user.id, 'password_change')
      expect(more).toHaveLength(0)
      expect(row!.userId).toBe(user.id)
      expect(row!.changes).toEqual([{ field: 'password', sensitive: true }])
      expect(JSON.stringify(row)).not.toMatch(/horse|argon2/)
      const page = await runLoader(accountLoader, '/account?notice=password-changed', fresh)
      expect(page.data).toMatchObject({ changed: true, user: { email: user.email } })
    })
  })

  it('refuses viewers and editors with 403 on every admin loader and action, and sends the signed-out to sign in', async () => {
    const target = await makeUser(database.db, 'viewer')
    const before = await userState(target.id)
    const usersBefore = await database.db.selectFrom('users').select('id').execute()
    const targetParams = { userId: String(target.id) }
    for (const role of ['viewer', 'editor'] as const) {
      const cookie = cookies[role]
      for (const [loader, path, params] of [
        [adminIndexLoader, '/admin', {}],
        [usersLoader, '/admin/users', {}],
        [newUserLoader, '/admin/users/new', {}],
        [userLoader, `/admin/users/${target.id}`, targetParams],
        [activityLoader, '/admin/activity', {}],
      ] as const)
        expect((await runLoader(loader, path, cookie, params)).status, `${role} ${path}`).toBe(403)
      const created = await runAction(
        newUserAction,
        formPost('/admin/users/new', cookie, {
          name: 'Sneaky',
          email: 'sneaky@example.org',
          role: 'admin',
        }),
      )
      expect(created.status).toBe(403)
      const requests: Record<string, string>[] = [
        { intent: 'role', role: 'admin', version: String(before.version) },
        { intent: 'disable' },
        { intent: 'enable' },
        { intent: 'reset' },
      ]
      for (const fields of requests)
        expect((await postUser(cookie, target.id, fields)).status, `${role} ${fields.intent}`).toBe(
          403,
        )
      // Not even for their own account.
      expect(
        (await postUser(cookie, people[role].id, { intent: 'role', role: 'admin', version: '1' }))
          .status,
      ).toBe(403)
    }
    expect(await userState(target.id)).toEqual(before)
    expect(await database.db.selectFrom('users').select('id').execute()).toHaveLength(
      usersBefore.length,
    )
    const anonymous = await runLoader(usersLoader, '/admin/users', '')
    expect(anonymous.status).toBe(302)
    expect(anonymous.location).toMatch(/^\/login\?redirectTo=%2Fadmin%2Fusers/)
  })

  it('lists users for an admin, and /admin leads to the list', async () => {
    expect((await runLoader(adminIndexLoader, '/admin', cookies.admin)).location).toBe(
      '/admin/users',
    )
    const page = await runLoader(usersLoader, '/admin/users', cookies.admin)
    expect(page.status).toBe(200)
    const admin = page.data.users.find((u: { id: number }) => u.id === people.admin.id)
    expect(admin).toMatchObject({ email: people.admin.email, role: 'admin', disabledAt: null })
    expect(admin.lastSignIn).toMatch(/UTC$/)
    expect(page.data.total).toBe(page.data.users.length)
    expect(JSON.stringify(page.data)).not.toMatch(/passwordHash|argon2/)
  })

  it('creates a user whose one-time password is shown once and signs in', async () => {
    const invalid = await runAction(
      newUserAction,
      formPost('/admin/users/new', cookies.admin, {
        name: '',
        email: 'not an email',
        role: 'boss',
      }),
    )
    expect(invalid.status).toBe(400)
    expect(Object.keys(invalid.data.errors).sort()).toEqual(['email', 'name', 'role'])
    expect(invalid.data.values).toMatchObject({ email: 'not an email', role: 'boss' })

    const fields = { name: 'Nadia Novak', email: 'Nadia.Novak@example.org', role: 'editor' }
    const request = formPost('/admin/users/new', cookies.admin, fields)
    const result = (await newUserAction({ request, params: {}, context: {} })) as any
    expect(result.init?.status ?? 200).toBe(200)
    expect(new Headers(result.init?.headers).get('Cache-Control')).toBe('no-store')
    const { created, password } = result.data as { created: { id: number }; password: string }
    expect(password.length).toBeGreaterThanOrEqual(12)
    const stored = await userState(created.id)
    expect(stored.role).toBe('editor')
    expect(stored.passwordHash).not.toContain(password)
    const [audit] = await auditRows(created.id, 'create')
    expect(audit!.userId).toBe(people.admin.id)
    expect(audit!.changes).toContainEqual({ field: 'password', sensitive: true })
    expect(JSON.stringify(audit)).not.toContain(password)
    expect(JSON.stringify(audit)).not.toContain('argon2')

    const cookie = await signInWith('nadia.novak@example.org', password)
    expect(cookie).toBeTruthy()
    expect(await isSignedIn(cookie!)).toBe(true)

    // Nowhere to be read again: not on the account page, not in the list.
    const page = await runLoader(userLoader, `/admin/users/${created.id}`, cookies.admin, {
      userId: String(created.id),
    })
    expect(page.data.account).toMatchObject({ name: 'Nadia Novak', sessionCount: 1 })
    expect(JSON.stringify(page.data)).not.toContain(password)

    const duplicate = await runAction(
      newUserAction,
      formPost('/admin/users/new', cookies.admin, { ...fields, email: 'NADIA.novak@example.org' }),
    )
    expect(duplicate.status).toBe(400)
    expect(duplicate.data.errors.email[0]).toMatch(/already/)
    expect(duplicate.data.values.name).toBe('Nadia Novak')
  })

  it('disabling asks first, ends the sessions at once and refuses sign-in; enabling restores', async () => {
    const user = await makeUser(database.db, 'editor')
    const cookie = await signInCookie(user.email)
    const params = { userId: String(user.id) }
    const confirm = await runLoader(
      userLoader,
      `/admin/users/${user.id}?confirm=disable`,
      cookies.admin,
      params,
    )
    expect(confirm.data.confirmDisable).toBe(true)

    const disabled = await postUser(cookies.admin, user.id, { intent: 'disable' })
    expect(disabled).toMatchObject({
      status: 302,
      location: `/admin/users/${user.id}?notice=disabled`,
    })
    expect(await sessionCount(user.id)).toBe(0)
    expect(await isSignedIn(cookie)).toBe(false)
    expect(await signInWith(user.email, TEST_PASSWORD)).toBeNull()
    const page = await runLoader(
      userLoader,
      `/admin/users/${user.id}?notice=disabled`,
      cookies.admin,
      params,
    )
    expect(page.data.notice).toMatch(/disabled/)
    expect(page.data.account.disabledAt).toMatch(/UTC$/)

    const enabled = await postUser(cookies.admin, user.id, { intent: 'enable' })
    expect(enabled.location).toBe(`/admin/users/${user.id}?notice=enabled`)
    expect(await signInWith(user.email, TEST_PASSWORD)).toBeTruthy()
    const rows = await auditRows(user.id, 'update')
    expect(rows.map((r) => r.changes)).toEqual([
      [{ field: 'disabled', old: false, new: true }],
      [{ field: 'disabled', old: true, new: false }],
    ])
  })

  it('does not let an admin disable, demote or reset themselves', async () => {
    const before = await userState(people.admin.id)
    for (const fields of [
      { intent: 'disable' } as Record<string, string>,
      { intent: 'role', role: 'viewer', version: String(before.version) },
      { intent: 'reset' },
    ]) {
      const result = await postUser(cookies.admin, people.admin.id, fields)
      expect(result.status, fields.intent).toBe(400)
      expect(result.data.error).toMatch(/your own/)
    }
    expect(await userState(people.admin.id)).toEqual(before)
    expect(await isSignedIn(cookies.admin)).toBe(true)
    const page = await runLoader(userLoader, `/admin/users/${people.admin.id}`, cookies.admin, {
      userId: String(people.admin.id),
    })
    expect(page.data.isSelf).toBe(true)
  })

  it('resets a password: a new one-time password shown once, sessions ended, the old one refused', async () => {
    const user = await makeUser(database.db, 'viewer')
    const cookie = await signInCookie(user.email)
    const result = await postUser(cookies.admin, user.id, { intent: 'reset' })
    expect(result.status).toBe(200)
    const password = result.data.password as string
    expect(password.length).toBeGreaterThanOrEqual(12)
    expect(await isSignedIn(cookie)).toBe(false)
    expect(await signInWith(user.email, TEST_PASSWORD)).toBeNull()
    expect(await signInWith(user.email, password)).toBeTruthy()
    const [audit] = await auditRows(user.id, 'password_change')
    expect(audit).toMatchObject({
      userId: people.admin.id,
      changes: [{ field: 'password', sensitive: true }],
    })
    expect(JSON.stringify(audit)).not.toContain(password)
  })

  it('audits a role change with the old and new role, and refuses a stale version', async () => {
    const user = await makeUser(database.db, 'viewer')
    const { version } = await userState(user.id)
    const changed = await postUser(cookies.admin, user.id, {
      intent: 'role',
      role: 'editor',
      version: String(version),
    })
    expect(changed.location).toBe(`/admin/users/${user.id}?notice=role`)
    expect((await userState(user.id)).role).toBe('editor')
    const [audit] = await auditRows(user.id, 'update')
    expect(audit).toMatchObject({
      userId: people.admin.id,
      changes: [{ field: 'role', old: 'viewer', new: 'editor' }],
    })

    const stale = await postUser(cookies.admin, user.id, {
      intent: 'role',
      role: 'admin',
      version: String(version),
    })
    expect(stale.status).toBe(409)
    expect((await userState(user.id)).role).toBe('editor')
    const bad = await postUser(cookies.admin, user.id, {
      intent: 'role',
      role: 'owner',
      version: '1',
    })
    expect(bad.status).toBe(400)
    expect(bad.data.errors.role).toBeTruthy()
  })

  describe('activity', () => {
    // 120 rows in January 2020, three to a timestamp (with microseconds), so pages split a group.
    const ROWS = 120
    let actor: { id: number; name: string }
    let other: { id: number }

    const at = (n: number) => {
      const hour = Math.floor(n / 3)
      const day = String(1 + Math.floor(hour / 24)).padStart(2, '0')
      return `2020-01-${day}T${String(hour % 24).padStart(2, '0')}:00:00.000123Z`
    }
    const activity = async (search: string) => {
      const page = await runLoader(activityLoader, `/admin/activity${search}`, cookies.admin)
      expect(page.status).toBe(200)
      return page.data
    }

    beforeAll(async () => {
      actor = await makeUser(database.db, 'editor', 'Activity Editor')
      other = await makeUser(database.db, 'editor')
      await database.db
        .insertInto('auditEvents')
        .values(
          Array.from({ length: ROWS }, (_, n) => ({
            occurredAt: at(n),
            userId: n % 2 === 0 ? actor.id : other.id,
            entity: n % 4 === 0 ? 'source' : 'actor',
            entityId: String(1000 + n),
            action: n % 5 === 0 ? ('delete' as const) : ('update' as const),
            changes: JSON.stringify([{ field: 'name', old: `Old ${n}`, new: `New ${n}` }]),
          })),
        )
        .execute()
    })

    const january = '?from=2020-01-01&to=2020-01-31'
    const ids = (data: { entries: { record: { href: string } | null }[] }) =>
      data.entries.map((e) => Number(e.record!.href.split('/').at(-1)) - 1000)

    it('pages the log newest first, 50 at a time, forward and back, without skipping a row', async () => {
      const first = await activity(january)
      expect(ids(first)).toEqual(Array.from({ length: 50 }, (_, i) => ROWS - 1 - i))
      expect(first.newerHref).toBeNull()
      const second = await activity(first.olderHref)
      expect(ids(second)).toEqual(Array.from({ length: 50 }, (_, i) => ROWS - 51 - i))
      const third = await activity(second.olderHref)
      expect(ids(third)).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i))
      expect(third.olderHref).toBeNull()
      expect(ids(await activity(third.newerHref))).toEqual(ids(second))
      expect(ids(await activity(second.newerHref))).toEqual(ids(first))
      expect(first.olderHref).toContain('from=2020-01-01')
    })

    it('filters by user, kind of record, action and dates', async () => {
      const byUser = await activity(`${january}&user=${actor.id}`)
      expect(ids(byUser).every((n) => n % 2 === 0)).toBe(true)
      expect(byUser.entries[0].who).toBe('Activity Editor')
      expect(byUser.entries).toHaveLength(50)
      const rest = await activity(byUser.olderHref) // 60 rows: the page holds 50, then 10
      expect(ids(rest)).toEqual([18, 16, 14, 12, 10, 8, 6, 4, 2, 0])
      expect(rest.olderHref).toBeNull()

      const sources = await activity(`${january}&entity=source`)
      expect(ids(sources)).toEqual(Array.from({ length: 30 }, (_, i) => 116 - 4 * i))
      expect(sources.entries[0].record).toEqual({ href: '/sources/1116', label: 'Source #1116' })
      expect(sources.entries[0].summary).toBe('updated source #1116')

      const deletes = await activity(`${january}&action=delete&entity=actor`)
      const expected = Array.from({ length: ROWS }, (_, n) => ROWS - 1 - n)
      expect(ids(deletes)).toEqual(expected.filter((n) => n % 5 === 0 && n % 4 !== 0))

      // 2 January 2020 UTC is hours 24–47: rows 72–143, of which 72–119 exist.
      const day = await activity('?from=2020-01-02&to=2020-01-02')
      expect(ids(day)).toEqual(Array.from({ length: 48 }, (_, i) => 119 - i))

      const ignored = await activity('?user=abc&action=explode&from=2020-13-01')
      expect(ignored.ignored).toHaveLength(3)
      expect(ignored.filters).toEqual({})
    })

    it('phrases account changes as sentences with a link to the account, never a password', async () => {
      const data = await activity(`?entity=user&action=password_change&user=${people.admin.id}`)
      expect(data.entries.length).toBeGreaterThan(0)
      expect(data.entries[0].summary).toMatch(/^reset the password of /)
      expect(data.entries[0].record.href).toMatch(/^\/admin\/users\/\d+$/)
      const roles = await activity(`?entity=user&action=update&user=${people.admin.id}`)
      expect(roles.entries.map((e: { summary: string }) => e.summary)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^changed the role of .+ from Viewer to Editor$/),
          expect.stringMatching(/^disabled the account of /),
        ]),
      )
      expect(JSON.stringify(roles)).not.toMatch(/argon2|passwordHash/)
      const signIns = await activity(`?action=sign_in&user=${people.admin.id}`)
      expect(signIns.entries[0]).toMatchObject({ who: people.admin.name, summary: 'signed in' })
      const failed = await activity('?action=sign_in_failed&entity=user')
      expect(failed.entries[0].summary).toMatch(/^a sign-in to the account of .+ failed$/)
    })
  })
})
