// The built app's real request handler, for tests that must see what a browser sees: every route,
// the root loader, `.data` responses, headers and redirects. The app's database is a global
// (`globalThis.__caseTrackerDb`), so the bundle uses whatever `useDatabaseForApp` pointed it at.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { guardRequests, type AppHandler } from '../../app/utils/request-guard.server'

const root = path.resolve(import.meta.dirname, '..', '..')
// APP_BUILD_FILE runs the same tests against another build, e.g. an older commit's.
const buildFile = process.env.APP_BUILD_FILE
  ? path.resolve(process.env.APP_BUILD_FILE)
  : path.join(root, 'build', 'index.js')

export const ORIGIN = 'http://localhost'

/** The newest app file, to warn when the build is older than the code it should contain. */
function newestAppFile(dir: string): { file: string; mtime: number } {
  let newest = { file: '', mtime: 0 }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const found = entry.isDirectory()
      ? newestAppFile(full)
      : { file: full, mtime: fs.statSync(full).mtimeMs }
    if (found.mtime > newest.mtime) newest = found
  }
  return newest
}

let build: Promise<ServerBuild> | undefined
let handler: Promise<AppHandler> | undefined

async function loadBuild(): Promise<ServerBuild> {
  if (!fs.existsSync(buildFile))
    throw new Error(`${buildFile} is missing: run npm run build first (npx remix build).`)
  // A warning, not a failure: in a tree others are editing, some file is always newer.
  const newest = newestAppFile(path.join(root, 'app'))
  if (newest.mtime > fs.statSync(buildFile).mtimeMs)
    console.warn(
      `build/index.js is older than ${path.relative(root, newest.file)}: the tests see the last build (npm run build).`,
    )
  return (await import(pathToFileURL(buildFile).href)) as ServerBuild
}

/** The built server (build/index.js); a clear error when it is missing. */
export function appBuild(): Promise<ServerBuild> {
  build ??= loadBuild()
  return build
}

/** The production request handler behind the same guard the server puts in front of it. */
export function appHandler(): Promise<AppHandler> {
  handler ??= appBuild().then((built) => {
    const handle = createRequestHandler(built, 'production')
    return guardRequests((request, context) => handle(request, context))
  })
  return handler
}

export type AppRequest = {
  method?: 'GET' | 'POST'
  cookie?: string | null
  form?: Record<string, string>
  headers?: Record<string, string>
}

/** One request through the app, as a browser on this site would send it (same-origin POSTs). */
export async function appRequest(pathAndQuery: string, init: AppRequest = {}): Promise<Response> {
  const method = init.method ?? 'GET'
  const headers = new Headers(init.headers)
  // The server adapter sets Host from the connection; Remix compares it with Origin on actions.
  if (!headers.has('Host')) headers.set('Host', new URL(ORIGIN).host)
  if (init.cookie) headers.set('Cookie', init.cookie)
  let body: URLSearchParams | undefined
  if (method === 'POST') {
    if (!headers.has('Origin')) headers.set('Origin', ORIGIN)
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
    body = new URLSearchParams(init.form ?? {})
  }
  const handle = await appHandler()
  return handle(new Request(`${ORIGIN}${pathAndQuery}`, { method, headers, body }), {
    clientAddress: '127.0.0.1',
  })
}

/** Signs in through POST /login and returns the session cookie ("name=value") to send back. */
export async function signInThroughApp(email: string, password: string): Promise<string> {
  const response = await appRequest('/login', { method: 'POST', form: { email, password } })
  const setCookie = response.headers.get('Set-Cookie')
  if (response.status !== 302 || !setCookie)
    throw new Error(`signing in as ${email} answered ${response.status} without a session cookie`)
  return setCookie.split(';')[0]!
}
