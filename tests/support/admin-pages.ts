// The account and admin pages' shared setup: their loaders called as a browser would, sign-in
// through the real login action, and one database per backend with a signed-in admin, editor and
// viewer, with the reads the tests check (a user's stored state, sessions, audit rows).
import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll } from 'vitest'
import { action as userAction } from '../../app/routes/admin.users.$userId'
import { action as loginAction } from '../../app/routes/login'
import { requireUser } from '../../app/guards/auth.server'
import { releaseAppDatabase, useDatabaseForApp } from './app-database'
import { makeUser } from './fixtures'
import { formPost, runAction, signInCookie } from './routes'
import { openTestDatabase, type Backend, type TestDatabase } from './test-database'

export type Loader = (args: LoaderFunctionArgs) => Promise<unknown>

/** What a browser would get from a loader: its data, or the status of a thrown/returned Response. */
export async function runLoader(loader: Loader, path: string, cookie: string, params = {}) {
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
export async function signInWith(email: string, password: string): Promise<string | null> {
  const request = new Request('http://localhost/login', {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  const response = await loginAction({ request, params: {}, context: {} })
  if (!(response instanceof Response) || response.status !== 302) return null
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0] || null
}

export async function isSignedIn(cookie: string): Promise<boolean> {
  try {
    await requireUser(new Request('http://localhost/dashboard', { headers: { Cookie: cookie } }))
    return true
  } catch (error) {
    if (error instanceof Response && error.status === 302) return false
    throw error
  }
}

/** The app opened on one backend, an admin, an editor and a viewer signed in, and what the tests read. */
export function openAdminPages(backend: Backend) {
  const pages = {
    database: undefined as unknown as TestDatabase,
    people: {} as Record<
      'admin' | 'editor' | 'viewer',
      { id: number; email: string; name: string }
    >,
    cookies: {} as Record<'admin' | 'editor' | 'viewer', string>,
    userState: (id: number) =>
      pages.database.db
        .selectFrom('users')
        .select(['passwordHash', 'role', 'disabledAt', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    sessionCount: async (userId: number) =>
      (
        await pages.database.db
          .selectFrom('sessions')
          .select('idHash')
          .where('userId', '=', userId)
          .execute()
      ).length,
    auditRows: (entityId: number, action: string) =>
      pages.database.db
        .selectFrom('auditEvents')
        .selectAll()
        .where('entity', '=', 'user')
        .where('entityId', '=', String(entityId))
        .where('action', '=', action as never)
        .execute(),
    postUser: (cookie: string, userId: number, fields: Record<string, string>) =>
      runAction(userAction, formPost(`/admin/users/${userId}`, cookie, fields), {
        userId: String(userId),
      }),
  }
  beforeAll(async () => {
    pages.database = await openTestDatabase(backend)
    useDatabaseForApp(pages.database)
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      pages.people[role] = await makeUser(pages.database.db, role)
      pages.cookies[role] = await signInCookie(pages.people[role].email)
    }
  })
  afterAll(async () => {
    releaseAppDatabase()
    await pages.database.close()
  })
  return pages
}
