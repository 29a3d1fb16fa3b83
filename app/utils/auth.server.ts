import { createCookie, redirect } from '@remix-run/node'
import { can, type Permission } from '../domain/permissions'
import {
  createSession,
  deleteSession,
  endSession,
  getSessionUser,
  type SessionLimits,
} from '../models/session.server'
import { getDb } from './db.server'
import { getEnv } from './env.server'
import { requestIdOf } from './request.server'

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>

let cookie: ReturnType<typeof createCookie> | undefined

function sessionCookie() {
  if (cookie) return cookie
  const env = getEnv()
  if (!env.SESSION_SECRET && env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET must be set in production (npm start sets one up in ./data/).')
  }
  cookie = createCookie('ct_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: env.NODE_ENV === 'production',
    secrets: [env.SESSION_SECRET ?? 'development-only-secret-not-for-production'],
  })
  return cookie
}

function sessionLimits(): SessionLimits {
  const env = getEnv()
  return { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS }
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request)
  if (!sessionId) return null
  return getSessionUser(await getDb(), { sessionId, limits: sessionLimits() })
}

/** Only a path on this site: "//evil.example" and "https://…" fall back to the dashboard. */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/dashboard',
): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\'))
    return fallback
  return to
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request)
  if (!user) {
    const url = new URL(request.url)
    const redirectTo = `${url.pathname}${url.search}`
    const headers = new Headers()
    // A stale cookie is cleared so the browser stops sending it.
    if (await readSessionId(request))
      headers.append('Set-Cookie', await sessionCookie().serialize('', { maxAge: 0 }))
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`, { headers })
  }
  return user
}

export async function requirePermission(
  request: Request,
  permission: Permission,
): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!can(user.role, permission)) {
    throw new Response('You do not have permission to do this.', {
      status: 403,
      statusText: 'Forbidden',
    })
  }
  return user
}

/** Starts a fresh session (a new id at every sign-in) and ends the one the browser had, if any. */
export async function signIn(
  request: Request,
  { userId, redirectTo }: { userId: number; redirectTo: string },
) {
  const db = await getDb()
  const previous = await readSessionId(request)
  if (previous) await deleteSession(db, previous)
  const sessionId = await createSession(db, { userId, limits: sessionLimits() })
  return redirect(safeRedirect(redirectTo), {
    headers: {
      'Set-Cookie': await sessionCookie().serialize(sessionId, {
        maxAge: getEnv().SESSION_MAX_HOURS * 3600,
      }),
    },
  })
}

export async function signOut(request: Request) {
  const sessionId = await readSessionId(request)
  if (sessionId)
    await endSession(await getDb(), {
      sessionId,
      requestId: requestIdOf(request),
    })
  return redirect('/login', {
    headers: { 'Set-Cookie': await sessionCookie().serialize('', { maxAge: 0 }) },
  })
}
