// Every form action in app/routes, posted random and hostile values (fast-check): 100 KB strings,
// lone surrogates, RTL overrides, zero-width joiners, NUL, SQL and HTML, numbers no column holds,
// repeated fields and ids of records the editor may not see, mixed with valid values so the deeper
// checks are reached too. Never a 500 nor a thrown error (other than a Response under 500); a
// request refused with a 4xx changes no table's row count, the audit log included.
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActionFunctionArgs } from '@remix-run/node'
import { guardRequests } from '../../app/utils/request-guard.server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import {
  disposableRecords,
  hiddenIdsOf,
  signInAs,
  tracesOfB,
  validForms,
  worldParams,
} from '../support/fuzz-world'
import {
  fieldValue,
  formFieldNames,
  hostilePost,
  idLike,
  type HostileForm,
} from '../support/hostile-input'
import { buildWorld, type World } from '../support/leak-world'
import { countChanges, rowCounts } from '../support/row-counts'
import {
  fillRoute,
  hasAction,
  paramNames,
  ROUTES_DIR,
  routeFiles,
  type RouteFile,
} from '../support/route-walk'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const RUNS = Number(process.env.FUZZ_RUNS ?? 25)

/** Tables a refusal may write by design: a failed sign-in is counted and audited (rate limit, ASVS). */
const WRITES_ON_REFUSAL: Record<string, string[]> = {
  'login.tsx': ['signInAttempts', 'auditEvents'],
  'account.tsx': ['signInAttempts', 'auditEvents'],
}

/** Admin-only forms run last (as the admin), so what they change cannot hide records from the rest. */
const ADMIN_ROUTE = /^(admin\.|cases\.\$slug_\.access)/
const LAST = ['logout.tsx']
const order = (r: RouteFile) => (LAST.includes(r.file) ? 2 : ADMIN_ROUTE.test(r.file) ? 1 : 0)
const actionRoutes = routeFiles()
  .filter(hasAction)
  .sort((a, b) => order(a) - order(b) || a.file.localeCompare(b.file))

type Outcome = { status: number; location?: string | null } | { thrown: unknown }

/**
 * Posts through the guard the server puts in front of the app (same-site check, body limit, form
 * text the database cannot store), then the route's action, as the running server would.
 */
async function post(
  route: RouteFile,
  request: Request,
  params: Record<string, string>,
): Promise<Outcome> {
  const module = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, route.file))) as {
    action: (args: ActionFunctionArgs) => Promise<unknown>
  }
  let thrown: unknown
  const handle = guardRequests(async (checked) => {
    try {
      const result = await module.action({ request: checked, params, context: {} })
      if (result instanceof Response) return result
      const init = (result as { init?: ResponseInit | null } | null)?.init
      return new Response(null, { status: init?.status ?? 200 })
    } catch (error) {
      if (error instanceof Response) return error
      thrown = error
      return new Response(null, { status: 500 })
    }
  })
  const response = await handle(request, { clientAddress: '127.0.0.1' })
  if (thrown !== undefined) return { thrown }
  return { status: response.status, location: response.headers.get('Location') }
}

describe.each(backends())('fuzzed form actions on %s', (backend) => {
  let database: TestDatabase
  let world: World
  let cookies: { editor: string; admin: string; leaving: string }
  let params: Record<string, string>
  let disposable: Record<string, string>
  let hiddenIds: number[]
  let forms: Record<string, Record<string, string>>
  let traceOfB: Awaited<ReturnType<typeof tracesOfB>>

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const db = database.db
    world = await buildWorld(db, 'fuzz')
    disposable = await disposableRecords(db, world)
    params = worldParams(world)
    hiddenIds = hiddenIdsOf(world)
    forms = validForms(world)
    traceOfB = await tracesOfB(database.db, world)
    cookies = {
      editor: await signInAs(world.users.editor.email),
      admin: await signInAs(world.users.admin.email),
      leaving: await signInAs(world.users.viewer.email),
    }
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  const cookieFor = (file: string) =>
    file === 'login.tsx'
      ? null
      : file === 'logout.tsx'
        ? cookies.leaving
        : ADMIN_ROUTE.test(file)
          ? cookies.admin
          : cookies.editor
  const paramsFor = (file: string) => (/delete/.test(file) ? { ...params, ...disposable } : params)

  /** One post and the property it must keep: what is wrong with the answer, or null. */
  async function tryOnce(
    route: RouteFile,
    given: Record<string, string>,
    form: HostileForm,
    multipart: boolean,
  ): Promise<string | null> {
    const { file } = route
    const [pathname] = fillRoute(
      route,
      Object.fromEntries(Object.entries(given).map(([k, v]) => [k, [v]])),
    )
    const before = await rowCounts(database.db)
    const outcome = await post(
      route,
      hostilePost(pathname!, cookieFor(file), form, multipart),
      given,
    )
    const shown = JSON.stringify({ params: given, form, multipart }).slice(0, 400)
    if ('thrown' in outcome)
      return `${file}: threw ${String(outcome.thrown).slice(0, 200)} for ${shown}`
    // Sent to sign in instead, the run would say nothing about the route.
    const toLogin = outcome.location?.startsWith('/login') ?? false
    if (toLogin && !['login.tsx', 'logout.tsx'].includes(file))
      return `${file}: the session no longer held for ${shown}`
    if (outcome.status >= 500) return `${file}: answered ${outcome.status} for ${shown}`
    if (outcome.status >= 400) {
      const allowed = WRITES_ON_REFUSAL[file] ?? []
      const moved = Object.entries(countChanges(before, await rowCounts(database.db))).filter(
        ([table]) => !allowed.includes(table),
      )
      if (moved.length)
        return `${file}: ${outcome.status} but wrote ${JSON.stringify(moved)} for ${shown}`
    }
    return null
  }

  // Every field that names a record or a version, in an otherwise valid form, given a number no
  // integer column holds (the event form's sourceIds once answered 500 so) or the largest one, which
  // names no record (a foreign key the route did not check would fail).
  it('answers numbers no column holds in every id and version field without a server error', async () => {
    const problems: string[] = []
    for (const route of actionRoutes) {
      if (ADMIN_ROUTE.test(route.file) || LAST.includes(route.file)) continue
      const valid = forms[route.file] ?? {}
      const given = Object.fromEntries(paramNames(route).map((n) => [n, paramsFor(route.file)[n]!]))
      const fields = [...formFieldNames(route), ...Object.keys(valid)].filter((n) =>
        /(Id|Ids|Version|^version)$/.test(n),
      )
      for (const field of new Set(fields))
        for (const value of [
          '99999999999999999999',
          '2147483648',
          '2147483647',
          '-1',
          '1e309',
          'NaN',
        ]) {
          const problem = await tryOnce(route, given, { ...valid, [field]: value }, false)
          if (problem) problems.push(problem)
        }
    }
    expect(problems, problems.join('\n')).toEqual([])
  })

  // Found by the fuzzing above, kept as plain cases.
  it('refuses a NUL in the text of a form with 400 before any route reads it, writing nothing', async () => {
    const route = actionRoutes.find((r) => r.file === 'cases.new.tsx')!
    const form = { ...validForms(world)['cases.new.tsx']!, summary: 'a\u0000b' }
    for (const multipart of [false, true]) {
      const before = await rowCounts(database.db)
      const outcome = await post(
        route,
        hostilePost('/cases/new', cookies.editor, form, multipart),
        {},
      )
      expect(outcome).toMatchObject({ status: 400 })
      expect(countChanges(before, await rowCounts(database.db))).toEqual({})
    }
  })

  it('answers 404 to a CSV import id beyond what an integer column holds', async () => {
    const route = actionRoutes.find((r) => r.file === 'cases.import_.$importId.tsx')!
    const request = hostilePost('/cases/import/2293514776', cookies.editor, {}, false)
    expect(await post(route, request, { importId: '2293514776' })).toMatchObject({ status: 404 })
    const problems = await import('../../app/routes/cases.import_.$importId.problems[.]csv')
    const status = await problems
      .loader({
        request: new Request('http://localhost/cases/import/2293514776/problems.csv', {
          headers: { Cookie: cookies.editor },
        }),
        params: { importId: '2293514776' },
        context: {},
      })
      .then(
        () => 200,
        (error: unknown) => (error instanceof Response ? error.status : error),
      )
    expect(status).toBe(404)
  })

  it.each(actionRoutes.map((r) => [r.file, r] as const))('%s', async (file, route) => {
    const valid = forms[file] ?? {}
    const names = [...new Set([...formFieldNames(route), ...Object.keys(valid), 'intent', 'id'])]
    const ids = [...hiddenIds, ...Object.values(params).map(Number).filter(Number.isInteger)]
    const own = paramsFor(file)
    const paramArbitrary = fc.record(
      Object.fromEntries(
        paramNames(route).map((name) => {
          const hidden = name === 'slug' ? world.cases.b.slug : undefined
          const alternatives = [fc.constant(own[name]!), idLike(hiddenIds)]
          if (hidden) alternatives.push(fc.constant(hidden))
          // Admin forms are not given other users' ids: disabling the editor would end the run.
          return [
            name,
            ADMIN_ROUTE.test(file) ? fc.constant(own[name]!) : fc.oneof(...alternatives),
          ]
        }),
      ),
    )
    const formArbitrary = fc.record(
      Object.fromEntries(names.map((name) => [name, fieldValue(ids, valid[name])])),
      { requiredKeys: [] },
    ) as fc.Arbitrary<HostileForm>
    const problems: string[] = []
    await fc
      .assert(
        fc.asyncProperty(
          paramArbitrary,
          formArbitrary,
          fc.boolean(),
          async (given, form, multipart) => {
            const problem = await tryOnce(route, given, form, multipart)
            if (problem) problems.push(problem)
            return problem === null
          },
        ),
        { numRuns: RUNS, endOnFailure: true },
      )
      .catch(() => undefined)
    expect(problems, problems.join('\n')).toEqual([])
  })

  // Runs after every route was fuzzed with B's ids among the values.
  it('let the editor link nothing to the restricted case they may not see', async () => {
    expect(await tracesOfB(database.db, world)).toEqual(traceOfB)
  })
})
