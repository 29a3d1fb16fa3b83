// Following through the routes: the case page and /updates only read (a GET never writes, so reads
// could go to a replica); the visit is a POST; the case page's highlights come from the visit it read.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { loader as rootLoader } from '../../app/root'
import { loader as caseLoader } from '../../app/routes/cases.$slug'
import { action as followAction } from '../../app/routes/cases.$slug_.follow'
import { action as seenAction } from '../../app/routes/cases.$slug_.seen'
import { loader as caseListLoader } from '../../app/routes/cases._index'
import { action as updatesAction, loader as updatesLoader } from '../../app/routes/updates'
import { action as accountAction, loader as accountLoader } from '../../app/routes/account'
import { resetEnvCache } from '../../app/utils/env.server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { makeCase, makeUser } from '../support/fixtures'
import { formPost, runAction, signInCookie } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const DETAINED = {
  eventDate: '2024-05-01',
  datePrecision: 'day' as const,
  custodyState: 'detained' as const,
  legalStage: null,
  releaseReason: null,
  location: null,
  description: '',
  certainty: 'confirmed' as const,
}

const TABLES = ['case_follows', 'case_visits', 'digest_settings', 'audit_events'] as const

describe.each(backends())('following through the routes on %s', (backend) => {
  let database: TestDatabase
  let cookie: string
  let authorId: number
  let slug: string
  let caseId: number

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const reader = await makeUser(database.db, 'viewer', 'Reader')
    authorId = (await makeUser(database.db, 'editor', 'Author')).id
    cookie = await signInCookie(reader.email)
    const made = await makeCase(database.db, { fullName: 'Гиви Followed' })
    slug = made.slug
    caseId = made.id
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  const get = (path: string) =>
    new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
  const args = (path: string, params: Record<string, string> = {}) => ({
    request: get(path),
    params,
    context: {},
  })
  async function rowCounts() {
    const counts: Record<string, number> = {}
    for (const table of TABLES) {
      const { rows } = await sql<{
        n: number
      }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)
      counts[table] = rows[0]!.n
    }
    const { rows } = await sql<{ at: string | null }>`
      select max(seen_at)::text as at from case_visits`.execute(database.db)
    return { ...counts, latestVisit: rows[0]!.at }
  }

  it('follows, sees news, highlights it, counts it, and marks all as read; no GET writes', async () => {
    const followed = await runAction(
      followAction,
      formPost(`/cases/${slug}/follow`, cookie, { intent: 'follow' }),
      { slug },
    )
    expect(followed).toMatchObject({ status: 302, location: `/cases/${slug}` })
    await database.db
      .updateTable('caseFollows')
      .set({ createdAt: new Date(Date.now() - 60_000) } as never)
      .where('caseId', '=', caseId)
      .execute()
    const event = await recordStatusEvent(database.db, {
      actor: { userId: authorId },
      caseId,
      fields: { ...DETAINED, description: 'Detained at a protest.' },
    })

    const before = await rowCounts()
    const page = await caseLoader(args(`/cases/${slug}`, { slug }))
    const list = await caseListLoader(args('/cases?following=1'))
    const inbox = await updatesLoader(args('/updates'))
    const root = await rootLoader(args('/updates'))
    expect(await rowCounts()).toEqual(before)

    expect(page.news.following).toBe(true)
    expect(page.news.events).toEqual([event.id])
    expect(list.cases.map((c) => [c.fullName, c.changed])).toEqual([['Гиви Followed', true]])
    expect(inbox.cases.map((c) => c.fullName)).toEqual(['Гиви Followed'])
    expect(root.updates).toBe(1)

    // The page posts its visit, as of when it read the case: the highlight is gone next time.
    const seen = await runAction(
      seenAction,
      formPost(`/cases/${slug}/seen`, cookie, {
        intent: 'seen',
        via: 'fetcher',
        at: new Date(page.news.readAt).toISOString(),
      }),
      { slug },
    )
    expect(seen.status).toBe(200)
    const again = await caseLoader(args(`/cases/${slug}`, { slug }))
    expect(again.news.events).toEqual([])
    expect((await rootLoader(args('/cases'))).updates).toBe(0)

    // Mark all as read.
    await recordStatusEvent(database.db, {
      actor: { userId: authorId },
      caseId,
      fields: { ...DETAINED, description: 'Moved.', eventDate: '2024-06-01' },
    })
    expect((await updatesLoader(args('/updates'))).total).toBe(1)
    const marked = await runAction(
      updatesAction,
      formPost('/updates', cookie, { intent: 'mark-all-read' }),
    )
    expect(marked).toMatchObject({ status: 302, location: '/updates' })
    expect((await updatesLoader(args('/updates'))).total).toBe(0)
    expect(
      (await runAction(updatesAction, formPost('/updates', cookie, { intent: 'nonsense' }))).status,
    ).toBe(400)
  })

  it('offers the digest on the account page only when SMTP_URL is set, off by default', async () => {
    const account = () => accountLoader(args('/account'))
    delete process.env.SMTP_URL
    resetEnvCache()
    expect((await account()).digest).toBeNull()
    const refused = await runAction(
      accountAction,
      formPost('/account', cookie, { intent: 'digest', frequency: 'daily' }),
    )
    expect(refused.status).toBe(400)
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525'
    resetEnvCache()
    try {
      expect((await account()).digest).toBe('off')
      const saved = await runAction(
        accountAction,
        formPost('/account', cookie, { intent: 'digest', frequency: 'weekly' }),
      )
      expect(saved).toMatchObject({ status: 302, location: '/account?notice=digest-saved' })
      expect((await account()).digest).toBe('weekly')
      const bad = await runAction(
        accountAction,
        formPost('/account', cookie, { intent: 'digest', frequency: 'hourly' }),
      )
      expect(bad.status).toBe(400)
    } finally {
      delete process.env.SMTP_URL
      resetEnvCache()
    }
  })
})
