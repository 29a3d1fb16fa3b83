// Over 300 lines: the counters and audit rows of one database are read across the tests, in order.
// Sign-in defences: failed sign-ins limited per account and per client address (counted in the
// database), every sign-in and sign-out audited without the password, an audit log that refuses
// TRUNCATE, and expired sessions purged in the background.
import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSession, purgeExpiredSessions } from '../../app/models/session.server'
import { beginSignInAttempt, SIGN_IN_LIMITS } from '../../app/models/sign-in-attempts.server'
import { createUser } from '../../app/models/user.server'
import { action as loginAction } from '../../app/routes/login'
import { action as logoutAction } from '../../app/routes/logout'
import { resetEnvCache } from '../../app/utils/env.server'
import { scheduleSessionPurge, stopSessionPurge } from '../../app/jobs/session-purge.server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const PASSWORD = 'correct horse battery staple'
const WRONG = 'Wrong-Secret-Typed-1'
const TOO_MANY = /^Too many failed sign-ins\. Try again in \d+ minutes?\.$/

type Outcome = {
  status: number
  retryAfter: string | null
  formError: string | null
  cookie: string | null
}

async function attemptSignIn(
  email: string,
  password: string,
  clientAddress?: string,
): Promise<Outcome> {
  const request = new Request('http://localhost/login', {
    method: 'POST',
    body: new URLSearchParams({ email, password, redirectTo: '/cases' }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  const context = clientAddress === undefined ? {} : { clientAddress }
  const result = await loginAction({ request, params: {}, context })
  if (result instanceof Response) {
    const cookie = result.headers.get('Set-Cookie')?.split(';')[0] ?? null
    return {
      status: result.status,
      retryAfter: result.headers.get('Retry-After'),
      formError: null,
      cookie,
    }
  }
  const { data, init } = result as unknown as {
    data: { formError: string | null }
    init: ResponseInit | null
  }
  const headers = new Headers(init?.headers)
  return {
    status: init?.status ?? 200,
    retryAfter: headers.get('Retry-After'),
    formError: data.formError,
    cookie: null,
  }
}

const accountKey = (email: string) => createHash('sha256').update(email).digest('hex')

describe.each(backends())('sign-in security on %s', (backend) => {
  let database: TestDatabase
  const users: Record<string, number> = {}

  async function addUser(email: string) {
    users[email] = (
      await createUser(database.db, { email, name: email, role: 'viewer', password: PASSWORD })
    ).id
  }

  async function attemptRows(keyKind: 'account' | 'address', key: string) {
    return database.db
      .selectFrom('signInAttempts')
      .selectAll()
      .where('keyKind', '=', keyKind)
      .where('key', '=', key)
      .execute()
  }

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    for (const email of [
      'locked@example.org',
      'shared@example.org',
      'reset@example.org',
      'stored@example.org',
      'racing@example.org',
      'audited@example.org',
      'window@example.org',
    ])
      await addUser(email)
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it('refuses the sixth failed sign-in for an account with 429, Retry-After and a message, even with the right password', async () => {
    // A different address each time, so only the account's limit is in play.
    for (let i = 1; i <= SIGN_IN_LIMITS.perAccount; i++) {
      const outcome = await attemptSignIn('locked@example.org', WRONG, `198.51.100.${i}`)
      expect(outcome.status).toBe(400)
      expect(outcome.formError).toBe('The email or password is not correct.')
    }
    const sixth = await attemptSignIn('Locked@Example.org', WRONG, '198.51.100.6')
    expect(sixth.status).toBe(429)
    expect(Number(sixth.retryAfter)).toBeGreaterThan(14 * 60)
    expect(Number(sixth.retryAfter)).toBeLessThanOrEqual(15 * 60)
    expect(sixth.formError).toMatch(TOO_MANY)
    expect(sixth.formError).toBe('Too many failed sign-ins. Try again in 15 minutes.')

    const right = await attemptSignIn('locked@example.org', PASSWORD, '198.51.100.7')
    expect(right.status).toBe(429)
    expect(right.cookie).toBeNull()
    // Refused attempts neither count nor push the window further.
    expect(await attemptRows('account', accountKey('locked@example.org'))).toHaveLength(5)
  })

  it('limits failed sign-ins per client address across different accounts', async () => {
    const address = '203.0.113.7'
    for (let i = 1; i <= SIGN_IN_LIMITS.perAddress; i++) {
      const outcome = await attemptSignIn(`nobody-${i}@example.org`, WRONG, address)
      expect(outcome.status).toBe(400)
    }
    const next = await attemptSignIn('shared@example.org', PASSWORD, address)
    expect(next.status).toBe(429)
    expect(Number(next.retryAfter)).toBeGreaterThan(0)
    expect(next.formError).toMatch(TOO_MANY)
    // The same account from another address is not affected.
    expect((await attemptSignIn('shared@example.org', PASSWORD, '203.0.113.8')).status).toBe(302)
  })

  it("resets the account's failures at a successful sign-in, which does not count against the address", async () => {
    for (let i = 1; i <= 4; i++)
      expect((await attemptSignIn('reset@example.org', WRONG, `192.0.2.${i}`)).status).toBe(400)
    expect((await attemptSignIn('reset@example.org', PASSWORD, '192.0.2.99')).status).toBe(302)
    expect(await attemptRows('account', accountKey('reset@example.org'))).toHaveLength(0)
    expect(await attemptRows('address', '192.0.2.99')).toHaveLength(0)
    // Five more failures are allowed again; the sixth is refused.
    for (let i = 1; i <= SIGN_IN_LIMITS.perAccount; i++)
      expect((await attemptSignIn('reset@example.org', WRONG, `192.0.2.${10 + i}`)).status).toBe(
        400,
      )
    expect((await attemptSignIn('reset@example.org', WRONG, '192.0.2.20')).status).toBe(429)
  })

  it('keeps the counters in the database, not in the app server', async () => {
    for (let i = 1; i <= SIGN_IN_LIMITS.perAccount; i++)
      await attemptSignIn('stored@example.org', WRONG, '198.18.0.1')
    const rows = await attemptRows('account', accountKey('stored@example.org'))
    expect(rows).toHaveLength(5)
    // The email as typed is not stored; the address is.
    expect(await attemptRows('address', '198.18.0.1')).toHaveLength(5)
    expect((await attemptSignIn('stored@example.org', WRONG, '198.18.0.2')).status).toBe(429)
    // Another app server sees the same rows: with them gone, the account may try again.
    await database.db.deleteFrom('signInAttempts').execute()
    expect((await attemptSignIn('stored@example.org', WRONG, '198.18.0.3')).status).toBe(400)
  })

  it('lets no burst of concurrent requests check more passwords than the limit', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        attemptSignIn('racing@example.org', WRONG, `198.18.1.${i}`),
      ),
    )
    // Each attempt is counted under a per-key lock: exactly the limit get to check a password.
    expect(outcomes.filter((o) => o.status === 400)).toHaveLength(SIGN_IN_LIMITS.perAccount)
    expect(outcomes.filter((o) => o.status === 429)).toHaveLength(12 - SIGN_IN_LIMITS.perAccount)
    expect(await attemptRows('account', accountKey('racing@example.org'))).toHaveLength(
      SIGN_IN_LIMITS.perAccount,
    )
  })

  it('stops counting failures older than the window and prunes them in the next write', async () => {
    const past = new Date(Date.now() - (SIGN_IN_LIMITS.windowMinutes + 1) * 60_000)
    for (let i = 0; i <= SIGN_IN_LIMITS.perAccount; i++)
      await beginSignInAttempt(database.db, {
        email: 'window@example.org',
        address: '198.18.2.1',
        now: past,
      })
    const before = await attemptRows('account', accountKey('window@example.org'))
    expect(before).toHaveLength(SIGN_IN_LIMITS.perAccount)
    expect((await attemptSignIn('window@example.org', WRONG, '198.18.2.1')).status).toBe(400)
    const after = await database.db
      .selectFrom('signInAttempts')
      .select('id')
      .where('attemptedAt', '<=', new Date(Date.now() - SIGN_IN_LIMITS.windowMinutes * 60_000))
      .execute()
    expect(after).toHaveLength(0)
  })

  it('audits every failed and successful sign-in and every sign-out, never the password', async () => {
    const since = (
      await database.db
        .selectFrom('auditEvents')
        .select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('id'))
        .executeTakeFirstOrThrow()
    ).id
    const userId = users['audited@example.org']!
    expect((await attemptSignIn('audited@example.org', WRONG, '198.18.3.1')).status).toBe(400)
    expect(
      (await attemptSignIn('ghost@example.org', 'ghost-password-9', '198.18.3.1')).status,
    ).toBe(400)
    const success = await attemptSignIn('audited@example.org', PASSWORD, '198.18.3.1')
    expect(success.status).toBe(302)
    await logoutAction({
      request: new Request('http://localhost/logout', {
        method: 'POST',
        headers: { Cookie: success.cookie! },
      }),
      params: {},
      context: {},
    })

    const rows = await database.db
      .selectFrom('auditEvents')
      .select(['entity', 'entityId', 'action', 'userId', 'changes'])
      .where('id', '>', since)
      .orderBy('id')
      .execute()
    expect(rows.map(({ changes: _, ...row }) => row)).toEqual([
      { entity: 'user', entityId: String(userId), action: 'sign_in_failed', userId: null },
      { entity: 'sign_in', entityId: 'unknown-account', action: 'sign_in_failed', userId: null },
      { entity: 'user', entityId: String(userId), action: 'sign_in', userId },
      { entity: 'user', entityId: String(userId), action: 'sign_out', userId },
    ])
    expect(rows[0]!.changes).toEqual([{ field: 'client_address', new: '198.18.3.1' }])

    const everything = await sql<{
      row: string
    }>`select a::text as row from audit_events a`.execute(database.db)
    const text = everything.rows.map((r) => r.row).join('\n')
    for (const secret of [PASSWORD, WRONG, 'ghost-password-9', 'ghost@example.org'])
      expect(text).not.toContain(secret)
  })

  it('refuses to TRUNCATE the audit log', async () => {
    await expect(sql`truncate audit_events`.execute(database.db)).rejects.toThrow(/append-only/)
    const { count } = await database.db
      .selectFrom('auditEvents')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    expect(Number(count)).toBeGreaterThan(0)
  })

  describe('expired sessions', () => {
    const limits = { idleMinutes: 30, maxHours: 12 }

    async function threeSessions(userId: number) {
      const now = Date.now()
      const live = await createSession(database.db, { userId, limits })
      const idle = await createSession(database.db, {
        userId,
        limits,
        now: new Date(now - 31 * 60_000),
      })
      const old = await createSession(database.db, {
        userId,
        limits,
        now: new Date(now - 13 * 3_600_000),
      })
      // Used a moment ago, but past its absolute lifetime.
      await database.db
        .updateTable('sessions')
        .set({ lastSeenAt: new Date(now - 60_000) })
        .where('createdAt', '<', new Date(now - 12 * 3_600_000))
        .execute()
      return { live, idle, old }
    }

    const sessionCount = async () =>
      Number(
        (
          await database.db
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      )

    afterEach(() => {
      stopSessionPurge()
      vi.useRealTimers()
    })

    it('purgeExpiredSessions removes only sessions past the idle or the absolute timeout', async () => {
      await database.db.deleteFrom('sessions').execute()
      const userId = users['audited@example.org']!
      await threeSessions(userId)
      expect(await sessionCount()).toBe(3)
      expect(await purgeExpiredSessions(database.db, { limits })).toBe(2)
      const left = await database.db.selectFrom('sessions').selectAll().execute()
      expect(left).toHaveLength(1)
      expect(new Date(left[0]!.expiresAt).getTime()).toBeGreaterThan(Date.now())
      expect(await purgeExpiredSessions(database.db, { limits })).toBe(0)
    })

    it('scheduleSessionPurge purges soon after start and then every 15 minutes, once however often it is called', async () => {
      await database.db.deleteFrom('sessions').execute()
      const userId = users['audited@example.org']!
      vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] })
      scheduleSessionPurge()
      scheduleSessionPurge()
      expect(vi.getTimerCount()).toBe(2)
      await threeSessions(userId)
      await vi.advanceTimersByTimeAsync(30_000)
      await vi.waitFor(async () => expect(await sessionCount()).toBe(1))
      await threeSessions(userId)
      await vi.advanceTimersByTimeAsync(15 * 60_000)
      await vi.waitFor(async () => expect(await sessionCount()).toBe(2))
    })

    it('a failed purge logs one line and does not throw', async () => {
      const logged: string[] = []
      vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '))
      })
      const saved = process.env.SESSION_IDLE_MINUTES
      process.env.SESSION_IDLE_MINUTES = 'not a number'
      resetEnvCache()
      try {
        vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] })
        scheduleSessionPurge()
        await vi.advanceTimersByTimeAsync(30_000)
        await vi.waitFor(() => expect(logged).toHaveLength(1))
        expect(logged[0]).toMatch(/^Session purge failed: /)
        expect(logged[0]).not.toContain('\n')
      } finally {
        if (saved === undefined) delete process.env.SESSION_IDLE_MINUTES
        else process.env.SESSION_IDLE_MINUTES = saved
        resetEnvCache()
      }
    })
  })
})
