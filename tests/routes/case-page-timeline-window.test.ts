// The case page shows a window of a long timeline (STYLE.md point 15: no page renders an unbounded
// list): the latest past events and the next upcoming ones, with how many there are in all; every
// event on request, up to a cap; and the JSON download still has the whole timeline.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loader as caseLoader } from '../../app/routes/cases.$slug'
import { CASE_PAGE_LATEST_EVENTS } from '../../app/models/case-page.server'
import { getCaseExport } from '../../app/models/case-json.server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { makeCase, makeUser } from '../support/fixtures'
import { signInCookie } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const PAST = 60
const UPCOMING = 30
const TODAY = new Date().toISOString().slice(0, 10)

describe.each(backends())('case page timeline window on %s', (backend) => {
  let database: TestDatabase
  let cookie: string
  let slug: string
  let viewer: { id: number; role: 'editor' }

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const user = await makeUser(database.db, 'editor')
    viewer = { id: user.id, role: 'editor' }
    cookie = await signInCookie(user.email)
    const record = await makeCase(database.db, {
      fullName: 'Long Timeline',
      visibility: 'internal',
    })
    slug = record.slug
    // One event a week back from today, and one a week ahead, each described by its number.
    await sql`insert into status_events (case_id, event_date, date_precision, description)
      select ${record.id}, current_date - 7 * n, 'day', 'Past event ' || lpad(n::text, 3, '0')
      from generate_series(0, ${PAST - 1}) as n`.execute(database.db)
    await sql`insert into status_events (case_id, event_date, date_precision, description)
      select ${record.id}, current_date + 7 * n, 'day', 'Upcoming event ' || lpad(n::text, 3, '0')
      from generate_series(1, ${UPCOMING}) as n`.execute(database.db)
  }, 60_000)
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  const load = async (search = '') => {
    const request = new Request(`http://localhost/cases/${slug}${search}`, {
      headers: { Cookie: cookie },
    })
    return (await caseLoader({ request, params: { slug }, context: {} })) as Awaited<
      ReturnType<typeof caseLoader>
    >
  }

  it('shows the latest past events and the next upcoming ones, and says how many there are', async () => {
    const page = await load()
    expect(page.timeline).toHaveLength(CASE_PAGE_LATEST_EVENTS)
    expect(page.upcoming).toHaveLength(CASE_PAGE_LATEST_EVENTS)
    expect(page.eventCounts).toEqual({ past: PAST, upcoming: UPCOMING })
    expect(page.allEvents).toBe(false)
    // Oldest first, ending with today's event; the upcoming start with next week's.
    const descriptions = page.timeline.map((e) => e.description)
    expect(descriptions.at(-1)).toBe('Past event 000')
    expect(descriptions[0]).toBe(
      `Past event ${String(CASE_PAGE_LATEST_EVENTS - 1).padStart(3, '0')}`,
    )
    expect(page.upcoming[0]!.description).toBe('Upcoming event 001')
    expect(page.timeline.every((e) => e.eventDate <= TODAY)).toBe(true)
    // Newest first is the same window, reversed.
    const newest = await load('?order=newest')
    expect(newest.timeline.map((e) => e.description)).toEqual([...descriptions].reverse())
  })

  it('shows every event when asked, and the JSON download has them all', async () => {
    const page = await load('?events=all')
    expect(page.allEvents).toBe(true)
    expect(page.timeline).toHaveLength(PAST)
    expect(page.upcoming).toHaveLength(UPCOMING)
    const json = await getCaseExport(database.db, {
      slug,
      viewer,
      withNotes: false,
      origin: 'http://localhost',
    })
    expect(json?.timeline).toHaveLength(PAST + UPCOMING)
  })
})
