// Every loader in app/routes, asked for its page with random and hostile query strings (fast-check):
// every parameter name the app reads, plus the filters, given 100 KB strings, lone surrogates, NUL,
// SQL and HTML, numbers no column holds, impossible dates, repeated and empty values, ids of records
// the reader may not see. Never a 500 nor a thrown error (other than a Response under 500), and a
// GET writes nothing: no table's row count moves, the audit log included.
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { FACET_KEYS } from '../../app/domain/case-filters'
import { guardRequests } from '../../app/utils/request-guard.server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { fieldValue } from '../support/hostile-input'
import { hiddenIdsOf, signInAs, worldParams } from '../support/fuzz-world'
import { buildWorld, type World } from '../support/leak-world'
import { countChanges, rowCounts } from '../support/row-counts'
import {
  fillRoute,
  hasLoader,
  paramNames,
  ROUTES_DIR,
  routeFiles,
  type RouteFile,
} from '../support/route-walk'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const RUNS = Number(process.env.QUERY_FUZZ_RUNS ?? 6)
const APP_DIR = path.resolve(import.meta.dirname, '..', '..', 'app')

/** Every query parameter the app reads (`get('x')`, `firstValue(params, 'x')`), and the filters. */
function queryNames(): string[] {
  const names = new Set<string>(FACET_KEYS)
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (/\.tsx?$/.test(entry.name))
        for (const match of fs
          .readFileSync(file, 'utf8')
          .matchAll(/(?:\b(?:get|getAll|has)\(|firstValue\(\s*\w+,)\s*'([a-z][a-zA-Z]*)'/g))
          names.add(match[1]!)
    }
  }
  walk(APP_DIR)
  return [...names].sort()
}

const loaderRoutes = routeFiles()
  .filter(hasLoader)
  .filter((r) => r.file !== 'logout.tsx')

/** A GET through the request guard the server puts in front of the app, then the route's loader. */
async function get(route: RouteFile, url: string, cookie: string, params: Record<string, string>) {
  const module = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, route.file))) as {
    loader: (args: LoaderFunctionArgs) => Promise<unknown>
  }
  let thrown: unknown
  const handle = guardRequests(async (checked) => {
    try {
      const result = await module.loader({ request: checked, params, context: {} })
      if (result instanceof Response) return result
      const init = (result as { init?: ResponseInit | null } | null)?.init
      return new Response(null, { status: init?.status ?? 200 })
    } catch (error) {
      if (error instanceof Response) return error
      thrown = error
      return new Response(null, { status: 500 })
    }
  })
  const request = new Request(`http://localhost${url}`, { headers: { Cookie: cookie } })
  const response = await handle(request, { clientAddress: '127.0.0.1' })
  if (thrown !== undefined) return { thrown }
  // Drain a streamed body (exports) so its errors surface here, not after the test.
  if (response.body) await response.arrayBuffer().catch((error: unknown) => (thrown = error))
  return thrown !== undefined ? { thrown } : { status: response.status }
}

describe.each(backends())('fuzzed query strings on %s', (backend) => {
  let database: TestDatabase
  let world: World
  let cookies: { editor: string; viewer: string }
  let params: Record<string, string>
  let ids: number[]
  const names = queryNames()

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    world = await buildWorld(database.db, 'query')
    params = worldParams(world)
    ids = [...hiddenIdsOf(world), ...Object.values(params).map(Number).filter(Number.isInteger)]
    cookies = {
      editor: await signInAs(world.users.editor.email),
      viewer: await signInAs(world.users.viewer.email),
    }
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  it('reads a useful set of parameter names from the app', () => {
    expect(names).toEqual(expect.arrayContaining(['q', 'page', 'sort', 'from', 'to', 'custody']))
  })

  it.each(loaderRoutes.map((r) => [r.file, r] as const))('%s', async (file, route) => {
    const [pathname] = fillRoute(
      route,
      Object.fromEntries(paramNames(route).map((n) => [n, [params[n]!]])),
    )
    const given = Object.fromEntries(paramNames(route).map((n) => [n, params[n]!]))
    const query = fc.array(
      fc.tuple(
        fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...names) },
          { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
        ),
        fieldValue(ids).map((v) => (Array.isArray(v) ? v : [v])),
      ),
      { maxLength: 6 },
    )
    const problems: string[] = []
    await fc
      .assert(
        fc.asyncProperty(query, fc.boolean(), async (pairs, asViewer) => {
          const search = new URLSearchParams()
          for (const [name, values] of pairs) for (const v of values) search.append(name, v)
          // What URLSearchParams cannot carry (a lone surrogate) goes as the bytes a client sends.
          const url = `${pathname}?${search.toString()}`
          const before = await rowCounts(database.db)
          const outcome = await get(route, url, asViewer ? cookies.viewer : cookies.editor, given)
          const shown = url.slice(0, 300)
          let problem: string | null = null
          if ('thrown' in outcome)
            problem = `${file}: threw ${String(outcome.thrown).slice(0, 200)} for ${shown}`
          else if (outcome.status >= 500)
            problem = `${file}: answered ${outcome.status} for ${shown}`
          else {
            const moved = countChanges(before, await rowCounts(database.db))
            if (Object.keys(moved).length)
              problem = `${file}: a GET wrote ${JSON.stringify(moved)} for ${shown}`
          }
          if (problem) problems.push(problem)
          return problem === null
        }),
        { numRuns: RUNS, endOnFailure: true },
      )
      .catch(() => undefined)
    expect(problems, problems.join('\n')).toEqual([])
  })
})
