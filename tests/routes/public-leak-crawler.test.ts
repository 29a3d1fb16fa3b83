// The leak crawler on the public routes (issue 13 §2): as an anonymous reader, every public page and
// feed, for every case's slug and for searches naming hidden cases, shows nothing of a restricted
// case, an internal case, a public case without consent, nor any sensitive field, draft document
// or unconfirmed event of a public one — and sets no cookie. It reads Pia's page too, so a crawler
// that sees nothing proves something.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRequest, signInThroughApp } from '../support/app-server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { reportFindings } from '../support/leak-crawl'
import { buildWorld, WORLD_PASSWORD, type World } from '../support/leak-world'
import { crawlPublic, publicCrawlUrls, publicRouteFiles } from '../support/public-crawl'
import { PUBLIC_ROUTE_FILES } from '../support/routes'
import { addPublicWorld, PUBLIC_MARKER, type PublicWorld } from '../support/public-world'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

describe('the public routes', () => {
  it('are the route files listed as public, and only those', () => {
    expect(
      publicRouteFiles()
        .map((r) => r.file)
        .sort(),
    ).toEqual([...PUBLIC_ROUTE_FILES])
  })
})

describe.each(backends())('the public leak crawler on %s', (backend) => {
  let database: TestDatabase
  let world: World
  let publicWorld: PublicWorld

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    world = await buildWorld(database.db, 'public')
    publicWorld = await addPublicWorld(database.db, world)
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  it('reads what a public page shows, so it would see a leak', async () => {
    const page = await (await appRequest(`/p/${publicWorld.pia.slug}`)).text()
    for (const text of publicWorld.piaPublicTexts) expect(page).toContain(text)
    const feed = await (await appRequest(`/p/${publicWorld.pia.slug}/feed.atom`)).text()
    expect(feed).toContain('Pia Publicova')
    const list = await (await appRequest('/p')).text()
    expect(list).toContain(publicWorld.pia.name)
    expect(list).toContain(world.cases.a.fullName)
    // The signed-in page of the same case shows what the public one must not, spelled as searched.
    const cookie = await signInThroughApp(world.users.admin.email, WORLD_PASSWORD)
    const signedIn = await (await appRequest(`/cases/${publicWorld.pia.slug}`, { cookie })).text()
    for (const text of ['Sexual orientation', PUBLIC_MARKER, '13 April 1987'])
      expect(signedIn).toContain(text)
  })

  it('finds no hidden case, sensitive field, draft or unconfirmed event anonymously', async () => {
    const urls = publicCrawlUrls(world, publicWorld)
    expect(urls.length).toBeGreaterThan(40)
    const findings = await crawlPublic(urls, publicWorld.forbidden)
    console.info(`${backend}: crawled ${urls.length} public URLs anonymously`)
    expect(findings, reportFindings(`anonymous on ${backend}`, findings)).toEqual([])
  }, 120_000)
})
