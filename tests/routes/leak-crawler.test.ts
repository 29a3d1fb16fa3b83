// The leak crawler (DESIGN.md, "Who may do what"): a restricted case the user may not see leaves no
// trace anywhere — not a title on another case's page, not a slug, not a `.data` response, not an
// export. Every GET route of the built app is requested, filled with every record of a small world
// and with query strings that name the restricted case B, as a viewer and as an editor without a
// grant. As an admin the same search must find B, so a crawler that sees nothing proves something.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appBuild, signInThroughApp, appRequest } from '../support/app-server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { crawl, crawlUrls, inspect, reportFindings } from '../support/leak-crawl'
import { buildWorld, MARKER, WORLD_PASSWORD, type World } from '../support/leak-world'
import { builtRoutePatterns, routeFiles } from '../support/route-walk'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

// Thousands of pages rendered in a row, beside other test files on two cores: the 5 s cut of a slow
// render (entry.server.tsx) is not what this test is about. Read when the build is first imported.
process.env.RENDER_ABORT_MS ??= '60000'

describe('the route walk', () => {
  it('reads every route file as Remix does', async () => {
    const built = builtRoutePatterns((await appBuild()).routes)
    const walked = Object.fromEntries(routeFiles().map((r) => [r.id, r.pattern]))
    expect(walked).toEqual(built)
  })
})

describe.each(backends())('the leak crawler on %s', (backend) => {
  let database: TestDatabase
  let world: World
  let urls: string[]
  const cookies: Record<string, string> = {}

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    world = await buildWorld(database.db)
    urls = crawlUrls(world)
    for (const role of ['admin', 'editor', 'viewer'] as const)
      cookies[role] = await signInThroughApp(world.users[role].email, WORLD_PASSWORD)
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  it('sees B on its own page as an admin, so it would see a leak', async () => {
    const slug = world.cases.b.slug
    // The exports too: a CSV or JSON file is searched like a page.
    const exports = [
      `/cases/${slug}/export.json`,
      '/cases.csv',
      `/actions.csv?case=${world.cases.b.id}`,
    ]
    for (const url of [`/cases/${slug}`, `/cases/${slug}.data`, ...exports]) {
      const response = await appRequest(url, { cookie: cookies.admin })
      expect(response.status, url).toBe(200)
      const findings = await inspect(world, url, response, { requireNoStore: false })
      expect(findings.map((f) => f.problem).join('\n'), url).toMatch(/Qzvmarker Bexample/)
    }
  })

  it('asks the exports about B: its search, its id in a filter, its JSON', () => {
    const b = world.cases.b
    expect(urls).toEqual(
      expect.arrayContaining([
        `/cases.csv?q=${MARKER.toLowerCase()}`,
        `/actions.csv?case=${b.id}`,
        `/actions.csv?actor=${world.actors.bOnly}`,
        `/cases/${b.slug}/export.json`,
      ]),
    )
  })

  it.each(['viewer', 'editor'])(
    'finds no trace of restricted case B as a(n) %s without a grant',
    async (role) => {
      const findings = await crawl(world, urls, {
        cookie: cookies[role]!,
        // Signed-in content is never cached (the request guard's promise).
        requireNoStore: true,
      })
      console.info(`${backend}: crawled ${urls.length} URLs as ${role}`)
      expect(findings, reportFindings(`${role} on ${backend}`, findings)).toEqual([])
    },
    // ~1,600 URLs one after another; the embedded database answers one request at a time.
    240_000,
  )
})
