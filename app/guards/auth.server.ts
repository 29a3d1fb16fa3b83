import { createCookie, redirect } from '@remix-run/node'
import { can, type Permission } from '../domain/permissions'
import {
  createSession,
  deleteSession,
  endSession,
  getSessionUser,
  type SessionLimits,
} from '../models/session.server'
import { getDb } from '../utils/db.server'
import { getEnv } from '../utils/env.server'
import { requestIdOf } from '../utils/request.server'
import { isHttps } from '../utils/security-headers.server'

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>

const cookies = new Map<boolean, ReturnType<typeof createCookie>>()

/**
 * The session cookie. Over HTTPS it is `__Host-ct_session`: Secure, Path=/ and no Domain, so no
 * other site or subdomain can set or read it; over plain HTTP (this machine only) `ct_session`.
 */
function sessionCookie(request: Request) {
  const https = isHttps(request)
  const existing = cookies.get(https)
  if (existing) return existing
  const env = getEnv()
  if (!env.SESSION_SECRET && env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET must be set in production (npm start sets one up in ./data/).')
  }
  const cookie = createCookie(https ? '__Host-ct_session' : 'ct_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: https,
    secrets: [env.SESSION_SECRET ?? 'development-only-secret-not-for-production'],
  })
  cookies.set(https, cookie)
  return cookie
}

function sessionLimits(): SessionLimits {
  const env = getEnv()
  return { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS }
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request)
  if (!sessionId) return null
  return getSessionUser(await getDb(), { sessionId, limits: sessionLimits() })
}

// Control characters (C0, DEL, C1) and backslashes: browsers drop or rewrite them, so "/\t/evil"
// or "/\\evil" would leave the site.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it must find
const UNSAFE_IN_REDIRECT = /[\u0000-\u001f\u007f-\u009f\\]/

/** Only a path on this site: "//evil.example", "/\t/evil", "https://…" fall back to the dashboard. */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/dashboard',
): string {
  if (typeof to !== 'string' || !to.startsWith('/') || UNSAFE_IN_REDIRECT.test(to)) return fallback
  const base = 'http://this.invalid'
  try {
    if (new URL(to, base).origin !== base) return fallback
  } catch {
    return fallback
  }
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
      headers.append('Set-Cookie', await sessionCookie(request).serialize('', { maxAge: 0 }))
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
      'Set-Cookie': await sessionCookie(request).serialize(sessionId, {
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
    headers: { 'Set-Cookie': await sessionCookie(request).serialize('', { maxAge: 0 }) },
  })
}
