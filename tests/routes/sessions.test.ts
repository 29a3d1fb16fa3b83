import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '../../app/models/session.server'
import { createUser, disableUser } from '../../app/models/user.server'
import { action as loginAction } from '../../app/routes/login'
import { action as logoutAction } from '../../app/routes/logout'
import { requireUser } from '../../app/guards/auth.server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const PASSWORD = 'correct horse battery staple'

function cookieOf(response: Response): string {
  const header = response.headers.get('Set-Cookie') ?? ''
  return header.split(';')[0]!
}

async function signInRequest(email: string, password: string, cookie?: string) {
  const body = new URLSearchParams({ email, password, redirectTo: '/cases' })
  const request = new Request('http://localhost/login', {
    method: 'POST',
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
  })
  return (await loginAction({ request, params: {}, context: {} })) as Response
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
  throw new Error('expected a thrown Response')
}

function pageRequest(cookie: string, path = '/cases/idris-arsamikov') {
  return new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
}

describe.each(backends())('sessions on %s', (backend) => {
  let database: TestDatabase
  let userId: number

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    userId = (
      await createUser(database.db, {
        email: 'staff@example.org',
        name: 'Staff Member',
        role: 'editor',
        password: PASSWORD,
      })
    ).id
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it('signs in with the right password and redirects to the local path asked for', async () => {
    const response = await signInRequest('Staff@Example.org', PASSWORD)
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/cases')
    const setCookie = response.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const user = await requireUser(pageRequest(cookieOf(response)))
    expect(user).toMatchObject({ id: userId, role: 'editor' })
  })

  it('gives a wrong password and an unknown email the same answer', async () => {
    const wrong = (await signInRequest('staff@example.org', 'wrong password')) as unknown as {
      data: unknown
      init: ResponseInit
    }
    const unknown = (await signInRequest('nobody@example.org', 'wrong password')) as unknown as {
      data: unknown
      init: ResponseInit
    }
    expect(wrong.init.status).toBe(400)
    expect(unknown.init.status).toBe(400)
    expect((wrong.data as { formError: string }).formError).toBe(
      'The email or password is not correct.',
    )
    expect((unknown.data as { formError: string }).formError).toBe(
      (wrong.data as { formError: string }).formError,
    )
  })

  it('rotates the session id at sign-in and ends the session the browser had', async () => {
    const first = cookieOf(await signInRequest('staff@example.org', PASSWORD))
    const second = cookieOf(await signInRequest('staff@example.org', PASSWORD, first))
    expect(second).not.toBe(first)
    await expect(requireUser(pageRequest(second))).resolves.toMatchObject({ id: userId })
    const response = await thrown(requireUser(pageRequest(first)))
    expect(response.status).toBe(302)
  })

  it('sends a signed-out cookie to /login with the page to come back to', async () => {
    const cookie = cookieOf(await signInRequest('staff@example.org', PASSWORD))
    const logout = (await logoutAction({
      request: new Request('http://localhost/logout', {
        method: 'POST',
        headers: { Cookie: cookie },
      }),
      params: {},
      context: {},
    })) as Response
    expect(logout.status).toBe(302)
    const response = await thrown(requireUser(pageRequest(cookie)))
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fcases%2Fidris-arsamikov')
  })

  it('ends a session idle for longer than the idle timeout', async () => {
    const cookie = cookieOf(await signInRequest('staff@example.org', PASSWORD))
    // 31 minutes without a request (the default idle timeout is 30).
    await database.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .execute()
    const response = await thrown(requireUser(pageRequest(cookie, '/dashboard')))
    expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fdashboard')
  })

  it('ends a session past its absolute lifetime even when it was used a moment ago', async () => {
    const cookie = cookieOf(await signInRequest('staff@example.org', PASSWORD))
    await database.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .execute()
    await expect(thrown(requireUser(pageRequest(cookie)))).resolves.toHaveProperty('status', 302)
  })

  it("stops a disabled user's sessions at once", async () => {
    const other = await createUser(database.db, {
      email: 'leaver@example.org',
      name: 'Leaver',
      role: 'viewer',
      password: PASSWORD,
    })
    const cookie = cookieOf(await signInRequest('leaver@example.org', PASSWORD))
    await expect(requireUser(pageRequest(cookie))).resolves.toMatchObject({ id: other.id })
    await disableUser(database.db, { userId: other.id, by: userId })
    await expect(thrown(requireUser(pageRequest(cookie)))).resolves.toHaveProperty('status', 302)
    // And they cannot sign in again.
    const again = (await signInRequest('leaver@example.org', PASSWORD)) as unknown as {
      init: ResponseInit
    }
    expect(again.init.status).toBe(400)
  })

  it('stores only a hash of the session id', async () => {
    const sessionId = await createSession(database.db, {
      userId,
      limits: { idleMinutes: 30, maxHours: 12 },
    })
    const rows = await database.db.selectFrom('sessions').select('idHash').execute()
    expect(rows.map((r) => r.idHash)).not.toContain(sessionId)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.idHash))).toBe(true)
  })
})
