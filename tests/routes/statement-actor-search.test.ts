// The statement generator at many actors: the page carries only the actors its choices and defaults
// name, never every actor; the issuer, the target and the MEPs to quote are found by search — as JSON
// while the user types, or from the words the form sends without JavaScript; a hidden actor is
// never found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDatabase } from '../../db/seed'
import { loader as pageLoader } from '../../app/routes/cases.$slug_.statement'
import { loader as searchLoader } from '../../app/routes/cases.$slug_.statement_.actors[.]json'
import { makeCase } from '../support/fixtures'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { runAction, signInCookie, TEST_PASSWORD } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const SLUG = 'idris-arsamikov'
const CROWD = 60

function get(pathAndQuery: string, cookie: string) {
  return new Request(`http://localhost${pathAndQuery}`, { headers: { Cookie: cookie } })
}

async function load(query: string, cookie: string) {
  return runAction(
    () =>
      pageLoader({
        request: get(`/cases/${SLUG}/statement${query}`, cookie),
        params: { slug: SLUG },
        context: {},
      }),
    new Request('http://x'),
  )
}

async function search(query: string, cookie: string) {
  const response = (await searchLoader({
    request: get(`/cases/${SLUG}/statement/actors.json?${query}`, cookie),
    params: { slug: SLUG },
    context: {},
  })) as Response
  expect(response.status).toBe(200)
  return ((await response.json()) as { options: { id: number; label: string }[] }).options
}

const pad = (n: number) => String(n).padStart(3, '0')

describe.each(backends())('statement actor search on %s', (backend) => {
  let database: TestDatabase
  let viewer: string
  const ids = { member7: 0, authority12: 0, hidden: 0, intergroup: 0 }

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    await seedDatabase(database.db, { password: TEST_PASSWORD })
    viewer = await signInCookie('viewer@example.org')
    const db = database.db
    const inserted = await db
      .insertInto('actors')
      .values([
        ...Array.from({ length: CROWD }, (_, i) => ({
          kind: 'mep' as const,
          name: `Crowd Member ${pad(i + 1)}`,
        })),
        ...Array.from({ length: CROWD }, (_, i) => ({
          kind: 'authority' as const,
          name: `Crowd Authority ${pad(i + 1)}`,
        })),
        ...Array.from({ length: CROWD }, (_, i) => ({
          kind: 'press_contact' as const,
          name: `Crowd Contact ${pad(i + 1)}`,
        })),
      ])
      .returning(['id', 'name'])
      .execute()
    ids.member7 = inserted.find((a) => a.name === 'Crowd Member 007')!.id
    ids.authority12 = inserted.find((a) => a.name === 'Crowd Authority 012')!.id
    // An MEP seen only as the issuer of a document of a restricted case: hidden from the viewer.
    const restricted = await makeCase(db, {
      fullName: 'Restricted Person',
      visibility: 'restricted',
    })
    ids.hidden = (
      await db
        .insertInto('actors')
        .values({ kind: 'mep', name: 'Crowd Member Hidden' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    const document = await db
      .insertInto('documents')
      .values({ kind: 'statement', title: 'Restricted statement', issuerId: ids.hidden })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('documentCases')
      .values({ documentId: document.id, caseId: restricted.id })
      .execute()
    ids.intergroup = (
      await db
        .selectFrom('actors')
        .select('id')
        .where('name', '=', 'LGBTI Intergroup')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it('carries the defaults and their offices’ press contacts, never every actor', async () => {
    const all = await database.db
      .selectFrom('actors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(all.n)).toBeGreaterThan(3 * CROWD)
    const result = await load('', viewer)
    expect(result.status).toBe(200)
    const names: string[] = result.data.actors.map((a: { name: string }) => a.name)
    expect(names).toContain('LGBTI Intergroup')
    expect(names).toContain('Malin Björk')
    expect(names.filter((n) => n.startsWith('Crowd Member'))).toEqual([])
    expect(names.filter((n) => n.startsWith('Crowd Authority'))).toEqual([])
    expect(names.filter((n) => n.startsWith('Crowd Contact'))).toEqual([])
    expect(names).toContain('Charlotta Narvehed')
    // The seed's few actors that the case's documents and actions name, and their press contacts.
    expect(result.data.actors.length).toBeLessThanOrEqual(10)
  })

  it('answers at most ten MEPs for the words typed, and never a hidden one', async () => {
    const meps = await search('for=mep&q=crowd%20member', viewer)
    expect(meps).toHaveLength(10)
    expect(meps.every((m) => m.label.endsWith('(MEP)'))).toBe(true)
    expect(await search('for=mep&q=hidden', viewer)).toEqual([])
    expect(await search('for=mep&q=', viewer)).toEqual([])
    const parties = await search('for=party&q=crowd', viewer)
    expect(parties.map((p) => p.label).some((l) => l.includes('Contact'))).toBe(false)
    expect((await search('for=party&q=authority%20012', viewer)).map((p) => p.id)).toEqual([
      ids.authority12,
    ])
    const contacts = await search('for=contact&q=crowd', viewer)
    expect(contacts).toHaveLength(10)
    expect(contacts.every((c) => c.label.startsWith('Crowd Contact'))).toBe(true)
  })

  it('adds the one MEP the words sent without JavaScript name, and offers several to tick', async () => {
    const one = await load(`?chosen=1&mepQ=${encodeURIComponent('Crowd Member 007')}`, viewer)
    expect(one.status).toBe(200)
    expect(one.data.values.meps).toEqual([String(ids.member7)])
    expect(one.data.actors.map((a: { id: string }) => a.id)).toContain(String(ids.member7))
    const many = await load('?chosen=1&mepQ=crowd', viewer)
    expect(many.data.values.meps).toEqual([])
    expect(many.data.searches.found.mep).toHaveLength(10)
    expect(many.data.searches.typed.mep).toBe('crowd')
    const hidden = await load('?chosen=1&mepQ=hidden', viewer)
    expect(hidden.data.searches.found.mep).toEqual([])
    // An id of a hidden actor is refused as if it did not exist.
    const named = await load(`?chosen=1&mep=${ids.hidden}`, viewer)
    expect(named.status).toBe(400)
    expect(named.data.errors.mep[0]).toMatch(/not an actor/)
  })

  it('keeps, changes or clears the issuer from the words sent', async () => {
    const kept = await load(
      `?issuer=${ids.intergroup}&issuerQ=${encodeURIComponent('LGBTI Intergroup (Intergroup)')}`,
      viewer,
    )
    expect(kept.data.values.issuer).toBe(String(ids.intergroup))
    const changed = await load(
      `?issuer=${ids.intergroup}&issuerQ=${encodeURIComponent('crowd authority 012')}`,
      viewer,
    )
    expect(changed.data.values.issuer).toBe(String(ids.authority12))
    const several = await load(`?issuer=${ids.intergroup}&issuerQ=crowd`, viewer)
    expect(several.data.values.issuer).toBe('')
    expect(several.data.searches.found.issuer).toHaveLength(10)
    const cleared = await load(`?issuer=${ids.intergroup}&issuerQ=`, viewer)
    expect(cleared.data.values.issuer).toBe('')
  })
})
