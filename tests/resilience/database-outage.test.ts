// PostgreSQL going away under load, as the built app meets it (scripts/serve.ts in a child process):
// a TCP proxy between the app and PostgreSQL is cut and restored twice while autocannon loads the
// app and a writer keeps adding actors. The app must answer 503 with Retry-After and a friendly page
// (never a 500, never a stack trace), stay up, log one line per outage start and end, recover
// within 10 seconds of the database coming back, and leave no write without its audit row.
// Runs when TEST_DATABASE_URL is set (skipped otherwise, and the report says so).
import autocannon from 'autocannon'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createUser } from '../../app/models/user.server'
import { startAppProcess, signInOver, type AppProcess } from '../support/app-process'
import { clonePostgres, type PostgresClone } from '../support/postgres-clone'
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy'

const PASSWORD = 'outage-password-123'
const FRIENDLY = 'The case database is not answering'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const withPostgres = inject('postgresTemplate') !== null

type Seen = { at: number; status: number }

describe.skipIf(!withPostgres)('PostgreSQL going away under load (needs TEST_DATABASE_URL)', () => {
  let clone: PostgresClone
  let proxy: TcpProxy
  let app: AppProcess
  let cookie: string

  beforeAll(async () => {
    clone = (await clonePostgres())!
    await createUser(clone.db, {
      email: 'outage-editor@example.org',
      name: 'Outage Editor',
      role: 'editor',
      password: PASSWORD,
    })
    const target = new URL(clone.url)
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) })
    const throughProxy = new URL(clone.url)
    throughProxy.hostname = '127.0.0.1'
    throughProxy.port = String(proxy.port)
    app = await startAppProcess({ DATABASE_URL: throughProxy.toString() })
    cookie = await signInOver(app.url, 'outage-editor@example.org', PASSWORD)
  }, 300_000)
  afterAll(async () => {
    await app?.stop()
    await proxy?.close()
    await clone?.close()
  })

  const get = (path: string) => fetch(`${app.url}${path}`, { headers: { Cookie: cookie } })
  const addActor = (name: string) =>
    fetch(`${app.url}/actors/new`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        Cookie: cookie,
        Origin: app.url,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ name, kind: 'organisation' }),
    })

  it('answers 503 with a friendly page while it is gone, recovers without a restart, loses no audit row', async () => {
    const seen: Seen[] = []
    const load = new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: app.url,
          connections: 8,
          duration: 26,
          headers: { cookie },
          requests: [{ path: '/dashboard' }, { path: '/cases' }, { path: '/actors' }],
        },
        (error, result) => (error ? reject(error as Error) : resolve(result)),
      )
      instance.on('response', (_client, status) => seen.push({ at: Date.now(), status }))
    })

    // A writer alongside the readers: each answer is 302 (saved), 503 or a dropped connection.
    let writing = true
    const writes: number[] = []
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        try {
          writes.push((await addActor(`Load actor ${n}`)).status)
        } catch {
          writes.push(0)
        }
        await sleep(20)
      }
    })()

    const outages: Array<{ cut: number; restored: number; recoveredAfterMs: number }> = []
    await sleep(3_000)
    for (let cycle = 0; cycle < 2; cycle++) {
      await proxy.cut()
      const cut = Date.now()
      await sleep(1_500)

      const page = await get('/dashboard')
      expect(page.status).toBe(503)
      expect(page.headers.get('Retry-After')).toMatch(/^\d+$/)
      expect(page.headers.get('Content-Type')).toMatch(/text\/html/)
      const html = await page.text()
      expect(html).toContain(FRIENDLY)
      expect(html).toContain('Try again in a minute')
      expect(html).not.toMatch(/ECONN|Connection terminated|\bat .+\.(js|ts):\d+|node_modules/)
      const data = await get('/dashboard.data')
      expect(data.status).toBe(503)
      expect(data.headers.get('Retry-After')).toMatch(/^\d+$/)
      const write = await addActor('During the outage')
      expect(write.status).toBe(503)
      const health = await fetch(`${app.url}/healthz`)
      expect(health.status).toBe(503)
      expect(health.headers.get('Cache-Control')).toContain('no-store')
      await sleep(2_500)

      await proxy.restore()
      const restored = Date.now()
      let healthy = false
      while (!healthy && Date.now() - restored < 15_000) {
        healthy = (await fetch(`${app.url}/healthz`)).status === 200
        if (!healthy) await sleep(200)
      }
      const recoveredAfterMs = Date.now() - restored
      expect(recoveredAfterMs).toBeLessThan(10_000)
      expect((await get('/dashboard')).status).toBe(200)
      outages.push({ cut, restored, recoveredAfterMs })
      await sleep(4_000)
    }

    const result = await load
    writing = false
    await writer

    // The process stayed up and answered every request: no dropped connection, no timeout.
    expect(app.alive()).toBe(true)
    expect(result.errors).toBe(0)
    expect(result.timeouts).toBe(0)
    const statuses = new Set(seen.map((s) => s.status))
    expect([...statuses].sort()).toEqual([200, 503])
    for (const [i, outage] of outages.entries()) {
      const during = seen.filter((s) => s.at > outage.cut + 1_000 && s.at < outage.restored)
      expect(during.length).toBeGreaterThan(0)
      expect(during.filter((s) => s.status !== 503)).toEqual([])
      const nextCut = outages[i + 1]?.cut ?? Infinity
      const after = seen.filter(
        (s) => s.at > outage.restored + outage.recoveredAfterMs + 1_000 && s.at < nextCut,
      )
      expect(after.length).toBeGreaterThan(0)
      const late = after.filter((s) => s.status !== 200)
      expect(late.map((s) => `${s.status} at +${s.at - outage.restored} ms`)).toEqual([])
    }

    // One line when each outage starts and one when it ends, nothing per request.
    const logged = app
      .lines()
      .filter((line) => line.trim() !== '' && !line.startsWith('Serving on'))
    expect(logged.filter((l) => l.startsWith('Database unavailable'))).toHaveLength(2)
    expect(logged.filter((l) => l.startsWith('Database answering again'))).toHaveLength(2)
    expect(logged.filter((l) => !/^Database (unavailable|answering again)/.test(l))).toEqual([])

    // Every actor saved has its audit row and every audit row its actor: no write half-done.
    expect(writes.every((status) => [302, 503, 0].includes(status))).toBe(true)
    const actors = await clone.db.selectFrom('actors').select('id').execute()
    const audits = await clone.db
      .selectFrom('auditEvents')
      .select('entityId')
      .where('entity', '=', 'actor')
      .where('action', '=', 'create')
      .execute()
    expect(audits.map((a) => String(a.entityId)).sort()).toEqual(
      actors.map((a) => String(a.id)).sort(),
    )
    const saved = writes.filter((status) => status === 302).length
    expect(saved).toBeGreaterThan(0)
    expect(actors.length).toBeGreaterThanOrEqual(saved)
    expect(actors.length).toBeLessThanOrEqual(saved + writes.filter((s) => s !== 302).length)
  }, 90_000)
})
