// The admin's activity log, its loader called directly with signed-in requests, on PGlite and
// PostgreSQL: pages, filters, and account changes phrased as sentences.
import { beforeAll, describe, expect, it } from 'vitest'
import { loader as activityLoader } from '../../app/routes/admin.activity'
import { runLoader, signInWith, openAdminPages } from '../support/admin-pages'
import { makeUser } from '../support/fixtures'
import { backends, type TestDatabase } from '../support/test-database'

describe.each(backends())('account and admin pages on %s', (backend) => {
  const pages = openAdminPages(backend)
  const { people, cookies, userState, postUser } = pages
  let database: TestDatabase
  beforeAll(() => {
    database = pages.database
  })

  // The account changes the log phrases: an admin resets a password, changes a role and disables
  // an account, and a sign-in fails.
  beforeAll(async () => {
    const reset = await makeUser(database.db, 'viewer')
    expect((await postUser(cookies.admin, reset.id, { intent: 'reset' })).status).toBe(200)
    const promoted = await makeUser(database.db, 'viewer')
    const { version } = await userState(promoted.id)
    await postUser(cookies.admin, promoted.id, {
      intent: 'role',
      role: 'editor',
      version: String(version),
    })
    const disabled = await makeUser(database.db, 'editor')
    await postUser(cookies.admin, disabled.id, { intent: 'disable' })
    expect(await signInWith(reset.email, 'not the password at all')).toBeNull()
  })

  describe('activity', () => {
    // 120 rows in January 2020, three to a timestamp (with microseconds), so pages split a group.
    const ROWS = 120
    let actor: { id: number; name: string }
    let other: { id: number }

    const at = (n: number) => {
      const hour = Math.floor(n / 3)
      const day = String(1 + Math.floor(hour / 24)).padStart(2, '0')
      return `2020-01-${day}T${String(hour % 24).padStart(2, '0')}:00:00.000123Z`
    }
    const activity = async (search: string) => {
      const page = await runLoader(activityLoader, `/admin/activity${search}`, cookies.admin)
      expect(page.status).toBe(200)
      return page.data
    }

    beforeAll(async () => {
      actor = await makeUser(database.db, 'editor', 'Activity Editor')
      other = await makeUser(database.db, 'editor')
      await database.db
        .insertInto('auditEvents')
        .values(
          Array.from({ length: ROWS }, (_, n) => ({
            occurredAt: at(n),
            userId: n % 2 === 0 ? actor.id : other.id,
            entity: n % 4 === 0 ? 'source' : 'actor',
            entityId: String(1000 + n),
            action: n % 5 === 0 ? ('delete' as const) : ('update' as const),
            changes: JSON.stringify([{ field: 'name', old: `Old ${n}`, new: `New ${n}` }]),
          })),
        )
        .execute()
    })

    const january = '?from=2020-01-01&to=2020-01-31'
    const ids = (data: { entries: { record: { href: string } | null }[] }) =>
      data.entries.map((e) => Number(e.record!.href.split('/').at(-1)) - 1000)

    it('pages the log newest first, 50 at a time, forward and back, without skipping a row', async () => {
      const first = await activity(january)
      expect(ids(first)).toEqual(Array.from({ length: 50 }, (_, i) => ROWS - 1 - i))
      expect(first.newerHref).toBeNull()
      const second = await activity(first.olderHref)
      expect(ids(second)).toEqual(Array.from({ length: 50 }, (_, i) => ROWS - 51 - i))
      const third = await activity(second.olderHref)
      expect(ids(third)).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i))
      expect(third.olderHref).toBeNull()
      expect(ids(await activity(third.newerHref))).toEqual(ids(second))
      expect(ids(await activity(second.newerHref))).toEqual(ids(first))
      expect(first.olderHref).toContain('from=2020-01-01')
    })

    it('filters by user, kind of record, action and dates', async () => {
      const byUser = await activity(`${january}&user=${actor.id}`)
      expect(ids(byUser).every((n) => n % 2 === 0)).toBe(true)
      expect(byUser.entries[0].who).toBe('Activity Editor')
      expect(byUser.entries).toHaveLength(50)
      const rest = await activity(byUser.olderHref) // 60 rows: the page holds 50, then 10
      expect(ids(rest)).toEqual([18, 16, 14, 12, 10, 8, 6, 4, 2, 0])
      expect(rest.olderHref).toBeNull()

      const sources = await activity(`${january}&entity=source`)
      expect(ids(sources)).toEqual(Array.from({ length: 30 }, (_, i) => 116 - 4 * i))
      expect(sources.entries[0].record).toEqual({ href: '/sources/1116', label: 'Source #1116' })
      expect(sources.entries[0].summary).toBe('updated source #1116')

      const deletes = await activity(`${january}&action=delete&entity=actor`)
      const expected = Array.from({ length: ROWS }, (_, n) => ROWS - 1 - n)
      expect(ids(deletes)).toEqual(expected.filter((n) => n % 5 === 0 && n % 4 !== 0))

      // 2 January 2020 UTC is hours 24–47: rows 72–143, of which 72–119 exist.
      const day = await activity('?from=2020-01-02&to=2020-01-02')
      expect(ids(day)).toEqual(Array.from({ length: 48 }, (_, i) => 119 - i))

      const ignored = await activity('?user=abc&action=explode&from=2020-13-01')
      expect(ignored.ignored).toHaveLength(3)
      expect(ignored.filters).toEqual({})
    })

    it('phrases account changes as sentences with a link to the account, never a password', async () => {
      const data = await activity(`?entity=user&action=password_change&user=${people.admin.id}`)
      expect(data.entries.length).toBeGreaterThan(0)
      expect(data.entries[0].summary).toMatch(/^reset the password of /)
      expect(data.entries[0].record.href).toMatch(/^\/admin\/users\/\d+$/)
      const roles = await activity(`?entity=user&action=update&user=${people.admin.id}`)
      expect(roles.entries.map((e: { summary: string }) => e.summary)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^changed the role of .+ from Viewer to Editor$/),
          expect.stringMatching(/^disabled the account of /),
        ]),
      )
      expect(JSON.stringify(roles)).not.toMatch(/argon2|passwordHash/)
      const signIns = await activity(`?action=sign_in&user=${people.admin.id}`)
      expect(signIns.entries[0]).toMatchObject({ who: people.admin.name, summary: 'signed in' })
      const failed = await activity('?action=sign_in_failed&entity=user')
      expect(failed.entries[0].summary).toMatch(/^a sign-in to the account of .+ failed$/)
    })
  })
})
