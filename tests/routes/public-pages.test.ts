// The public pages and feeds through the built app, as an anonymous browser and a feed reader see
// them: the tags a shared link's card is made from, the cache headers and 304s, no cookie, the one
// 404 for every slug that is not a public consented case, and feeds that parse as Atom 1.0.
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRequest, signInThroughApp } from '../support/app-server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { buildWorld, WORLD_PASSWORD, type World } from '../support/leak-world'
import { UNKNOWN_SLUG } from '../support/public-crawl'
import { addPublicWorld, type PublicWorld } from '../support/public-world'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const metaContent = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1]

type AtomNode = Record<string, unknown>
const asArray = (value: unknown): AtomNode[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as AtomNode[]) : [value as AtomNode]

/** Parses an Atom document and returns its feed and entries, after checking RFC 4287's musts. */
function parseAtom(xml: string) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })
  const doc = parser.parse(xml, true) as { feed?: AtomNode }
  const feed = doc.feed
  expect(feed, 'an Atom <feed> root').toBeDefined()
  expect(feed!['@xmlns']).toBe('http://www.w3.org/2005/Atom')
  for (const element of ['id', 'title', 'updated']) expect(feed![element], element).toBeTruthy()
  expect(Number.isNaN(Date.parse(String(feed!.updated)))).toBe(false)
  const entries = asArray(feed!.entry)
  for (const entry of entries) {
    for (const element of ['id', 'title', 'updated', 'link'])
      expect(entry[element], element).toBeTruthy()
    expect(Number.isNaN(Date.parse(String(entry.updated)))).toBe(false)
  }
  // A feed without an author needs one on every entry (RFC 4287 §4.1.1).
  expect(feed!.author ?? entries.every((e) => e.author)).toBeTruthy()
  return { feed: feed!, entries }
}

const titleOf = (entry: AtomNode) =>
  String(
    entry.title && typeof entry.title === 'object'
      ? (entry.title as AtomNode)['#text']
      : entry.title,
  )

describe.each(backends())('public pages and feeds on %s', (backend) => {
  let database: TestDatabase
  let world: World
  let pub: PublicWorld

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    world = await buildWorld(database.db, 'pages')
    pub = await addPublicWorld(database.db, world)
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  it('shows a public case with the tags of a shared link, cacheable, without a cookie', async () => {
    const response = await appRequest(`/p/${pub.pia.slug}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`<title>${pub.pia.name} · Case tracker</title>`)
    expect(metaContent(html, 'description')).toMatch(/^Pia Publicova, a blogger/)
    expect(metaContent(html, 'og:title')).toBe(pub.pia.name)
    expect(metaContent(html, 'og:description')).toMatch(/^Pia Publicova, a blogger/)
    expect(metaContent(html, 'og:type')).toBe('article')
    expect(metaContent(html, 'og:url')).toBe(`http://localhost/p/${pub.pia.slug}`)
    expect(html).not.toContain('noindex')
    // Confirmed event, its source and the published document; the alleged one nowhere.
    expect(html).toContain('Pia Publicova detained at the police station.')
    expect(html).toContain('Blogger Pia Publicova detained')
    expect(html).toContain('Statement: free Pia Publicova')
    expect(html).not.toContain('reportedly beaten')
    // Days in detention by the domain rule (detained on 1 May 2024, day precision).
    expect(html).toMatch(/\d+ days \(since 1 May 2024\)/)
    // The public layout: no signed-in navigation, no script at all.
    expect(html).not.toContain('<script')
    expect(html).not.toContain('href="/dashboard"')
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300')
    expect(response.headers.get('ETag')).toMatch(/^W\/".+"$/)
    expect(response.headers.get('Set-Cookie')).toBeNull()
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
  })

  it('answers 304 to the ETag it gave, and 200 to another', async () => {
    for (const url of [`/p/${pub.pia.slug}`, '/p', '/feed.atom', `/p/${pub.pia.slug}/feed.atom`]) {
      const first = await appRequest(url)
      const etag = first.headers.get('ETag')!
      expect(etag, url).toBeTruthy()
      const again = await appRequest(url, { headers: { 'If-None-Match': etag } })
      expect(again.status, url).toBe(304)
      expect(await again.text(), url).toBe('')
      expect(again.headers.get('ETag'), url).toBe(etag)
      expect(again.headers.get('Cache-Control'), url).toBe('public, max-age=300')
      // The 304 keeps the policy the cached copy came with.
      expect(again.headers.get('Content-Security-Policy'), url).toBe(
        first.headers.get('Content-Security-Policy'),
      )
      const other = await appRequest(url, { headers: { 'If-None-Match': 'W/"something-else"' } })
      expect(other.status, url).toBe(200)
    }
  })

  it('reads no session: a signed-in reader gets the very page an anonymous one does', async () => {
    const cookie = await signInThroughApp(world.users.admin.email, WORLD_PASSWORD)
    for (const url of ['/p', `/p/${pub.pia.slug}`, '/feed.atom']) {
      const anonymous = await appRequest(url)
      const signedIn = await appRequest(url, { cookie })
      expect(signedIn.headers.get('Set-Cookie'), url).toBeNull()
      expect(await signedIn.text(), url).toBe(await anonymous.text())
    }
  })

  it('answers the same 404 for a restricted, internal, unconsented or unknown slug', async () => {
    const slugs = [world.cases.b.slug, world.cases.c.slug, pub.dora.slug, UNKNOWN_SLUG]
    for (const suffix of ['', '/feed.atom']) {
      const answers = await Promise.all(
        slugs.map(async (slug) => {
          const response = await appRequest(`/p/${slug}${suffix}`)
          return {
            status: response.status,
            headers: [...response.headers],
            body: await response.text(),
          }
        }),
      )
      expect(answers[0]!.status).toBe(404)
      for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0])
    }
  })

  it('lists the public consented cases only, and finds one by a part of its name', async () => {
    const list = await (await appRequest('/p')).text()
    expect(list).toContain(pub.pia.name)
    expect(list).toContain(world.cases.a.fullName)
    expect(list).not.toContain('Dora')
    expect(list).not.toContain(world.cases.c.fullName)
    const found = await (await appRequest(`/p?q=${encodeURIComponent('пия')}`)).text()
    expect(found).toContain(pub.pia.name)
    expect(found).not.toContain(world.cases.a.fullName)
    const none = await (await appRequest('/p?q=carl')).text()
    expect(none).toContain('No public case matches')
  })

  it('writes the site feed as Atom 1.0: public changes and documents, newest first', async () => {
    const response = await appRequest('/feed.atom')
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    expect(response.headers.get('Set-Cookie')).toBeNull()
    const { feed, entries } = parseAtom(await response.text())
    expect(String(feed.id)).toBe('http://localhost/feed.atom')
    const titles = entries.map(titleOf)
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Pia Publicova Пия: Detained, Charged (1 May 2024)'),
        expect.stringContaining('Statement: free Pia Publicova'),
        expect.stringContaining('Alma press release'),
      ]),
    )
    expect(titles.join('\n')).not.toMatch(/Qzv|Dora|Carl|reportedly/)
    const updated = entries.map((e) => Date.parse(String(e.updated)))
    expect(updated).toEqual([...updated].sort((a, b) => b - a))
    expect(entries.length).toBeLessThanOrEqual(50)
  })

  it("writes one case's feed with that case's entries only", async () => {
    const response = await appRequest(`/p/${pub.pia.slug}/feed.atom`)
    expect(response.status).toBe(200)
    const { feed, entries } = parseAtom(await response.text())
    expect(String(titleOf(feed))).toContain(pub.pia.name)
    expect(entries).toHaveLength(2)
    for (const entry of entries) expect(String(entry.id)).toContain(`/p/${pub.pia.slug}#`)
  })
})
