// A scheduled event's day comes: the background job changes the case's state, and no page view
// writes to do it (a GET never writes, so reads could go to a replica).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { scheduleDueCaseRefresh, stopDueCaseRefresh } from '../../app/jobs/due-cases.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { loader as caseLoader } from '../../app/routes/cases.$slug'
import { loader as caseListLoader } from '../../app/routes/cases._index'
import { loader as dashboardLoader } from '../../app/routes/dashboard'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { makeCase, makeUser } from '../support/fixtures'
import { signInCookie } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const event = (eventDate: string, custodyState: 'detained' | 'released') => ({
  eventDate,
  datePrecision: 'day' as const,
  custodyState,
  legalStage: null,
  releaseReason: null,
  location: null,
  description: '',
  certainty: 'alleged' as const,
})

describe.each(backends())('due cases on %s', (backend) => {
  let database: TestDatabase
  let cookie: string
  let caseId: number
  let slug: string

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const user = await makeUser(database.db, 'editor')
    cookie = await signInCookie(user.email)
    const made = await makeCase(database.db, { fullName: 'Due Person' })
    caseId = made.id
    slug = made.slug
    const actor = { userId: user.id }
    await recordStatusEvent(database.db, { actor, caseId, fields: event('2023-02-14', 'detained') })
    await recordStatusEvent(database.db, { actor, caseId, fields: event('2999-01-01', 'released') })
    // Time passes: the release is now in the past (as it would be on its day).
    await database.db
      .updateTable('statusEvents')
      .set({ eventDate: '2024-06-01' })
      .where('caseId', '=', caseId)
      .where('custodyState', '=', 'released')
      .execute()
    await database.db
      .updateTable('cases')
      .set({ nextEventDate: '2024-06-01' })
      .where('id', '=', caseId)
      .execute()
  })
  afterEach(() => {
    stopDueCaseRefresh()
    vi.useRealTimers()
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  const row = () =>
    database.db
      .selectFrom('cases')
      .select(['currentCustodyState', 'nextEventDate', 'updatedAt', 'version'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow()

  it('the case page, the case list and the dashboard read a due case without writing it', async () => {
    const before = await row()
    expect(before.currentCustodyState).toBe('detained')
    expect(before.nextEventDate).toBe('2024-06-01')
    const get = (path: string) =>
      new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
    await caseLoader({ request: get(`/cases/${slug}`), params: { slug }, context: {} })
    await caseListLoader({ request: get('/cases'), params: {}, context: {} })
    await dashboardLoader({ request: get('/dashboard'), params: {}, context: {} })
    expect(await row()).toEqual(before)
  })

  it('the job brings the case up to date soon after start', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] })
    scheduleDueCaseRefresh()
    await vi.advanceTimersByTimeAsync(5_000)
    await vi.waitFor(async () => expect((await row()).currentCustodyState).toBe('released'))
    expect((await row()).nextEventDate).toBeNull()
  })
})
