// Two app servers (scripts/serve.ts, twice) on one PostgreSQL database behind a round-robin proxy,
// as docs/deployment.md describes: a session made on one is good on the other and ends on both,
// concurrent edits of one case through both save once (the other 409), the sign-in limit counts
// attempts made through either, and the background jobs run on one server at a time.
// Runs when TEST_DATABASE_URL is set (skipped otherwise, and the report says so).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { refreshDueCasesOnce } from '../../app/jobs/due-cases.server'
import { createUser } from '../../app/models/user.server'
import { JOB_LOCKS, onOneServerAtATime } from '../../app/jobs/advisory-lock.server'
import { startAppProcess, signInOver, type AppProcess } from '../support/app-process'
import { makeCase } from '../support/fixtures'
import { clonePostgres, type PostgresClone } from '../support/postgres-clone'
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy'

const PASSWORD = 'two-servers-password-123'
const withPostgres = inject('postgresTemplate') !== null

describe.skipIf(!withPostgres)('two app servers on one database (needs TEST_DATABASE_URL)', () => {
  let clone: PostgresClone
  let servers: AppProcess[]
  let proxy: RoundRobinProxy
  let front: string

  beforeAll(async () => {
    clone = (await clonePostgres())!
    for (const name of ['first', 'second', 'limited'])
      await createUser(clone.db, {
        email: `${name}@example.org`,
        name: `Editor ${name}`,
        role: 'editor',
        password: PASSWORD,
      })
    // Behind a proxy that sets X-Forwarded-*, as in production.
    const env = { DATABASE_URL: clone.url, TRUST_PROXY: '1' }
    servers = await Promise.all([startAppProcess(env), startAppProcess(env)])
    proxy = await startRoundRobinProxy(servers.map((s) => s.port))
    front = `http://127.0.0.1:${proxy.port}`
  }, 300_000)
  afterAll(async () => {
    await proxy?.close()
    await Promise.all((servers ?? []).map((s) => s.stop()))
    await clone?.close()
  })

  const get = (base: string, path: string, cookie: string) =>
    fetch(`${base}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' })
  const post = (base: string, path: string, cookie: string, form: Record<string, string>) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Cookie: cookie,
        Origin: base,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form),
    })

  it('keeps a session made on one server on the other, and ends it on both', async () => {
    const [a, b] = servers.map((s) => s.url) as [string, string]
    const cookie = await signInOver(a, 'first@example.org', PASSWORD)
    const onB = await get(b, '/dashboard', cookie)
    expect(onB.status).toBe(200)
    expect(await onB.text()).toContain('Editor first')
    const answeredBy = new Set<string>()
    for (let i = 0; i < 4; i++) {
      const page = await get(front, '/cases', cookie)
      expect(page.status).toBe(200)
      answeredBy.add(page.headers.get('X-App-Server') ?? '')
    }
    expect([...answeredBy].sort()).toEqual(['0', '1'])

    expect((await post(b, '/logout', cookie, {})).status).toBe(302)
    const afterSignOut = await get(a, '/dashboard', cookie)
    expect(afterSignOut.status).toBe(302)
    expect(afterSignOut.headers.get('Location')).toMatch(/^\/login/)
  })

  it('saves one of two concurrent edits of a case made through both servers; the other gets 409', async () => {
    const record = await makeCase(clone.db, { fullName: 'Concurrent Person' })
    const cookies = await Promise.all([
      signInOver(servers[0]!.url, 'first@example.org', PASSWORD),
      signInOver(servers[1]!.url, 'second@example.org', PASSWORD),
    ])
    const { version } = await clone.db
      .selectFrom('cases')
      .select('version')
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow()
    const form = (fullName: string) => ({
      fullName,
      riskLevel: 'high',
      visibility: 'internal',
      consent: 'unknown',
      version: String(version),
    })
    const answers = await Promise.all(
      servers.map((server, i) =>
        post(server.url, `/cases/${record.slug}/edit`, cookies[i]!, form(`Edited on ${i}`)),
      ),
    )
    expect(answers.map((r) => r.status).sort()).toEqual([302, 409])
    const winner = answers.findIndex((r) => r.status === 302)
    const saved = await clone.db
      .selectFrom('cases')
      .select(['fullName', 'version'])
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow()
    expect(saved).toEqual({ fullName: `Edited on ${winner}`, version: version + 1 })
    const updates = await clone.db
      .selectFrom('auditEvents')
      .select('id')
      .where('entity', '=', 'case')
      .where('entityId', '=', String(record.id))
      .where('action', '=', 'update')
      .execute()
    expect(updates).toHaveLength(1)
  })

  it('counts failed sign-ins through both servers against one limit', async () => {
    const attempt = (base: string, password: string) =>
      fetch(`${base}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'limited@example.org', password }),
      })
    const failures: Array<{ status: number; server: string | null }> = []
    for (let i = 0; i < 5; i++) {
      const answer = await attempt(front, 'wrong-password-guess')
      failures.push({ status: answer.status, server: answer.headers.get('X-App-Server') })
    }
    expect(failures.every((f) => f.status === 400)).toBe(true)
    expect(new Set(failures.map((f) => f.server)).size).toBe(2)
    // Both servers now refuse even the right password, whichever is asked.
    for (const server of servers) {
      const refused = await attempt(server.url, PASSWORD)
      expect(refused.status).toBe(429)
      expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
    }
  })

  it('runs the due-case refresh on one server at a time', async () => {
    // A server in the middle of a round holds the lock; another server's round is skipped.
    let insideSecond: unknown = 'not run'
    const first = await onOneServerAtATime(clone.db, JOB_LOCKS.dueCaseRefresh, async () => {
      insideSecond = await refreshDueCasesOnce(clone.db)
      return 'ran'
    })
    expect(first).toBe('ran')
    expect(insideSecond).toBe('skipped')
    // Once the round is over, the next one runs.
    expect(await refreshDueCasesOnce(clone.db)).toBe(0)
  })
})
