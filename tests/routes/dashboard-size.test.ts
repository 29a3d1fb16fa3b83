// The dashboard stays light however many cases there are (STYLE.md point 15): 3,000 cases and 300
// actors, made in one INSERT … SELECT each, and the loader's data still fits in 200 KB. A filter
// offering every case (names of realistic length, ~60 characters) would not: about 300 KB. Typed words without JavaScript offer at most ten matches.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loader as dashboardLoader } from '../../app/routes/dashboard'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { makeUser } from '../support/fixtures'
import { signInCookie } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const CASES = 3_000

describe.each(backends())('dashboard size on %s', (backend) => {
  let database: TestDatabase
  let cookie: string

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const user = await makeUser(database.db, 'editor')
    cookie = await signInCookie(user.email)
    await sql`insert into cases (slug, full_name, visibility, current_custody_state, search_text)
      select 'size-case-' || n, 'Size Case ' || lpad(n::text, 5, '0') || ' Abdurakhmanova-Ibragimova Kheda Magomedovna', 'internal', 'detained',
        'size case ' || lpad(n::text, 5, '0')
      from generate_series(1, ${CASES}) as n`.execute(database.db)
    await sql`insert into actors (name, kind)
      select 'Size Actor ' || lpad(n::text, 4, '0'), 'organisation' from generate_series(1, 300) as n`.execute(
      database.db,
    )
  }, 120_000)
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  const load = async (search = '') => {
    const request = new Request(`http://localhost/dashboard${search}`, {
      headers: { Cookie: cookie },
    })
    return (await dashboardLoader({ request, params: {}, context: {} })) as Awaited<
      ReturnType<typeof dashboardLoader>
    >
  }

  const redirectOf = async (search: string) => {
    const request = new Request(`http://localhost/dashboard${search}`, {
      headers: { Cookie: cookie },
    })
    try {
      await dashboardLoader({ request, params: {}, context: {} })
    } catch (thrown) {
      if (thrown instanceof Response && thrown.status === 302)
        return thrown.headers.get('Location') ?? ''
      throw thrown
    }
    throw new Error(`no redirect for ${search}`)
  }

  it(`keeps the loader's data under 200 KB with ${CASES} cases`, async () => {
    const data = await load()
    expect(data.figures.casesTotal).toBe(CASES)
    expect(JSON.stringify(data).length).toBeLessThan(200_000)
  })

  it('offers at most ten matches for words typed without JavaScript, and picks a single match', async () => {
    const many = await load('?caseQ=size+case')
    expect(many.caseChoice.matches?.length).toBe(10)
    expect(many.query.caseId).toBeUndefined()
    expect(JSON.stringify(many).length).toBeLessThan(200_000)
    // One match is chosen: the address then keeps only its id.
    const one = await redirectOf('?caseQ=size+case+00042')
    const id = new URLSearchParams(one.split('?')[1]).get('case')
    expect(id).toMatch(/^\d+$/)
    const chosen = await load(`?case=${id}`)
    expect(chosen.caseChoice.text).toMatch(/^Size Case 00042 /)
    // Emptied words clear the choice.
    expect(await redirectOf(`?case=${id}&caseQ=`)).toBe('/dashboard')
    const actors = await load('?actorQ=size+actor')
    expect(actors.actorChoice.matches?.length).toBe(10)
  })
})
