// What the built app answers as a whole, behind the request guard the server puts in front of it:
// headers on every kind of response, cross-origin writes and oversized bodies refused before any
// route runs, the HTTPS-only cookie, and audit request ids that a client cannot choose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../app/models/user.server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { appHandler, appRequest, signInThroughApp } from '../support/app-server'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const PASSWORD = 'pipeline-password-123'

function expectSecurityHeaders(response: Response, what: string) {
  expect(response.headers.get('Cache-Control'), what).toContain('no-store')
  expect(response.headers.get('X-Content-Type-Options'), what).toBe('nosniff')
  expect(response.headers.get('Content-Security-Policy'), what).toContain("frame-ancestors 'none'")
  expect(response.headers.get('Referrer-Policy'), what).toBe('same-origin')
  expect(response.headers.get('Permissions-Policy'), what).toContain('microphone=()')
}

describe.each(backends())('the request pipeline on %s', (backend) => {
  let database: TestDatabase
  let editor: string

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    await createUser(database.db, {
      email: 'pipeline-editor@example.org',
      name: 'Pipeline Editor',
      role: 'editor',
      password: PASSWORD,
    })
    editor = await signInThroughApp('pipeline-editor@example.org', PASSWORD)
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  it('puts the headers on pages, .data answers, redirects and downloads', async () => {
    const page = await appRequest('/dashboard', { cookie: editor })
    expect(page.status).toBe(200)
    expectSecurityHeaders(page, 'page')
    expect(page.headers.get('Content-Security-Policy')).toMatch(/script-src 'self' 'nonce-/)

    const data = await appRequest('/dashboard.data', { cookie: editor })
    expect(data.status).toBe(200)
    expectSecurityHeaders(data, '.data')

    const redirect = await appRequest('/cases')
    expect(redirect.status).toBe(302)
    expectSecurityHeaders(redirect, 'redirect')

    const csv = await appRequest('/dashboard/csv?chart=actions', { cookie: editor })
    expect(csv.headers.get('Content-Type')).toMatch(/csv/)
    expectSecurityHeaders(csv, 'CSV download')

    const missing = await appRequest('/no-such-page', { cookie: editor })
    expect(missing.status).toBe(404)
    expectSecurityHeaders(missing, '404 page')
  })

  it('refuses a write from another site before the route runs: the session survives', async () => {
    const refused = await appRequest('/logout', {
      method: 'POST',
      cookie: editor,
      headers: { Origin: 'https://evil.example' },
    })
    expect(refused.status).toBe(403)
    expectSecurityHeaders(refused, 'refusal')
    const still = await appRequest('/dashboard', { cookie: editor })
    expect(still.status).toBe(200)
  })

  it('refuses an oversized form with 413 and writes nothing', async () => {
    const before = await database.db
      .selectFrom('actors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    const response = await appRequest('/actors/new', {
      method: 'POST',
      cookie: editor,
      form: { name: 'Oversized', kind: 'organisation', notes: 'x'.repeat(1_100_000) },
    })
    expect(response.status).toBe(413)
    const after = await database.db
      .selectFrom('actors')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('never takes the audit request id from a client header', async () => {
    const response = await appRequest('/actors/new', {
      method: 'POST',
      cookie: editor,
      form: { name: 'Request Id Actor', kind: 'organisation' },
      headers: { 'X-Request-Id': 'client-chosen-id' },
    })
    expect(response.status).toBe(302)
    const rows = await database.db
      .selectFrom('auditEvents')
      .select('requestId')
      .where('entity', '=', 'actor')
      .execute()
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.requestId).not.toBe('client-chosen-id')
      expect(row.requestId).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('over HTTPS signs in with a __Host- cookie and sends HSTS', async () => {
    const handle = await appHandler()
    const response = await handle(
      new Request('https://cases.example.org/login', {
        method: 'POST',
        headers: {
          Origin: 'https://cases.example.org',
          Host: 'cases.example.org',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ email: 'pipeline-editor@example.org', password: PASSWORD }),
      }),
    )
    expect(response.status).toBe(302)
    const cookie = response.headers.get('Set-Cookie') ?? ''
    expect(cookie).toMatch(/^__Host-ct_session=/)
    expect(cookie).toMatch(/; Secure/)
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).not.toMatch(/Domain=/i)
    expect(response.headers.get('Strict-Transport-Security')).toBe(
      'max-age=31536000; includeSubDomains',
    )
  })
})
