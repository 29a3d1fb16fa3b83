// The admin's user pages (list, new account, disable and enable, reset, role), their loaders and
// actions called directly with signed-in requests, on PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as adminIndexLoader } from '../../app/routes/admin._index'
import { loader as activityLoader } from '../../app/routes/admin.activity'
import { loader as userLoader } from '../../app/routes/admin.users.$userId'
import { loader as usersLoader } from '../../app/routes/admin.users._index'
import { action as newUserAction, loader as newUserLoader } from '../../app/routes/admin.users.new'
import { isSignedIn, runLoader, signInWith, openAdminPages } from '../support/admin-pages'
import { makeUser } from '../support/fixtures'
import { TEST_PASSWORD, formPost, runAction, signInCookie } from '../support/routes'
import { backends, type TestDatabase } from '../support/test-database'

describe.each(backends())('account and admin pages on %s', (backend) => {
  const pages = openAdminPages(backend)
  const { people, cookies, userState, sessionCount, auditRows, postUser } = pages
  let database: TestDatabase
  beforeAll(() => {
    database = pages.database
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
})
