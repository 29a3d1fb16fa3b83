// Calling route actions and loaders directly, as a signed-in user, without a server.
import type { ActionFunctionArgs } from '@remix-run/node'
import { action as loginAction } from '../../app/routes/login'

export const TEST_PASSWORD = 'test-password-123'

export async function signInCookie(email: string): Promise<string> {
  const request = new Request('http://localhost/login', {
    method: 'POST',
    body: new URLSearchParams({ email, password: TEST_PASSWORD }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  const response = (await loginAction({ request, params: {}, context: {} })) as Response
  const cookie = response.headers.get('Set-Cookie')
  if (!cookie) throw new Error(`could not sign in as ${email}`)
  return cookie.split(';')[0]!
}

export function formPost(
  path: string,
  cookie: string,
  fields: Record<string, string | string[]>,
): Request {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
  })
}

export type ActionResult = { status: number; data?: any; location?: string | null }

/** Runs an action and reports what the browser would get: a status, the data, or a redirect. */
export async function runAction(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  request: Request,
  params: Record<string, string> = {},
): Promise<ActionResult> {
  try {
    const result = await action({ request, params, context: {} })
    if (result instanceof Response)
      return { status: result.status, location: result.headers.get('Location') }
    const { data, init } = result as { data: unknown; init?: ResponseInit | null }
    return { status: init?.status ?? 200, data }
  } catch (error) {
    if (error instanceof Response)
      return { status: error.status, location: error.headers.get('Location') }
    throw error
  }
}

/**
 * The route files anyone may read without signing in (public case pages and feeds, issue 13): the
 * access matrix expects an anonymous 200 from each, and the public leak crawler reads each without
 * a session. Every route whose URL passes app/utils/public-paths.ts must be listed here.
 */
export const PUBLIC_ROUTE_FILES = [
  'feed[.]atom.tsx',
  'p.$slug.tsx',
  'p.$slug_.feed[.]atom.tsx',
  'p._index.tsx',
] as const
