// The request guard in front of the app: cross-origin writes, body limits and the headers every
// response carries. The app behind it is a recording handler, so each test sees what reached it.
import { describe, expect, it } from 'vitest'
import {
  FORM_BODY_LIMIT,
  guardRequests,
  UPLOAD_BODY_LIMIT,
  type AppHandler,
} from '../../../app/utils/request-guard.server'

function recording(response: () => Response = () => new Response('ok')) {
  const seen: { request: Request; body: string }[] = []
  const handler: AppHandler = async (request) => {
    seen.push({ request, body: await request.text() })
    return response()
  }
  return { seen, handle: guardRequests(handler) }
}

const post = (url: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) =>
  new Request(url, {
    method: 'POST',
    body: init.body ?? 'name=x',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...init.headers },
  })

describe('cross-origin writes', () => {
  it('refuses a POST whose Origin is another site, before the app sees it', async () => {
    const { seen, handle } = recording()
    const response = await handle(
      post('http://localhost:3000/cases/new', { headers: { Origin: 'https://evil.example' } }),
    )
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('sent from another site')
    expect(seen).toHaveLength(0)
  })

  it('refuses Origin "null" and a foreign Referer when Origin is absent', async () => {
    const { seen, handle } = recording()
    const nullOrigin = await handle(
      post('http://localhost:3000/logout', { headers: { Origin: 'null' } }),
    )
    const foreignReferer = await handle(
      post('http://localhost:3000/logout', { headers: { Referer: 'http://localhost:3001/x' } }),
    )
    expect([nullOrigin.status, foreignReferer.status]).toEqual([403, 403])
    expect(seen).toHaveLength(0)
  })

  it('lets this origin, and clients that send neither header, through with the body intact', async () => {
    const { seen, handle } = recording()
    await handle(
      post('http://localhost:3000/cases/new', { headers: { Origin: 'http://localhost:3000' } }),
    )
    await handle(
      post('http://localhost:3000/cases/new', {
        headers: { Referer: 'http://localhost:3000/cases' },
      }),
    )
    await handle(post('http://localhost:3000/cases/new'))
    expect(seen.map((s) => s.body)).toEqual(['name=x', 'name=x', 'name=x'])
  })

  it('does not check safe methods', async () => {
    const { seen, handle } = recording()
    const response = await handle(
      new Request('http://localhost:3000/cases', { headers: { Origin: 'https://evil.example' } }),
    )
    expect(response.status).toBe(200)
    expect(seen).toHaveLength(1)
  })
})

describe('body size', () => {
  it('answers 413 to a declared length over the form limit without reading or forwarding it', async () => {
    const { seen, handle } = recording()
    const response = await handle(
      post('http://localhost/cases/new', {
        headers: { 'Content-Length': String(FORM_BODY_LIMIT + 1) },
        body: 'a=1',
      }),
    )
    expect(response.status).toBe(413)
    expect(seen).toHaveLength(0)
  })

  it('answers 413 to a streamed body that grows past the limit', async () => {
    const { seen, handle } = recording()
    const chunk = new Uint8Array(64 * 1024).fill(97)
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > FORM_BODY_LIMIT * 2) return controller.close()
        sent += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const request = new Request('http://localhost/cases/new', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    })
    const response = await handle(request)
    expect(response.status).toBe(413)
    expect(seen).toHaveLength(0)
    // It stopped reading soon after the limit instead of taking in the whole stream.
    expect(sent).toBeLessThan(FORM_BODY_LIMIT + 3 * chunk.byteLength)
  })

  it('gives the import routes their larger limit', async () => {
    const { seen, handle } = recording()
    const body = 'a'.repeat(FORM_BODY_LIMIT + 10)
    const form = await handle(post('http://localhost/actors/new', { body }))
    const upload = await handle(post('http://localhost/documents/import', { body }))
    const uploadData = await handle(post('http://localhost/documents/import.data', { body }))
    expect([form.status, upload.status, uploadData.status]).toEqual([413, 200, 200])
    expect(seen.map((s) => s.body.length)).toEqual([body.length, body.length])
    expect(UPLOAD_BODY_LIMIT).toBeGreaterThan(FORM_BODY_LIMIT)
  })
})

describe('headers on every response', () => {
  const kinds: [string, () => Response][] = [
    ['a redirect', () => new Response(null, { status: 302, headers: { Location: '/login' } })],
    ['a CSV download', () => new Response('a,b', { headers: { 'Content-Type': 'text/csv' } })],
    ['an immutable fetch response', () => Response.redirect('http://localhost/login', 302)],
  ]
  for (const [kind, make] of kinds) {
    it(`sets them on ${kind}`, async () => {
      const { handle } = recording(make)
      const response = await handle(new Request('http://localhost/x'))
      expect(response.headers.get('Cache-Control')).toContain('no-store')
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(response.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
      expect(response.headers.get('Referrer-Policy')).toBe('same-origin')
      expect(response.headers.get('Permissions-Policy')).toContain('camera=()')
      expect(response.headers.get('Permissions-Policy')).toContain('geolocation=()')
      expect(response.headers.get('Strict-Transport-Security')).toBeNull()
    })
  }

  it('sets them on its own refusals too', async () => {
    const { handle } = recording()
    const response = await handle(
      post('http://localhost/x', { headers: { Origin: 'http://a.example' } }),
    )
    expect(response.headers.get('Cache-Control')).toContain('no-store')
    expect(response.headers.get('X-Frame-Options')).toBe('DENY')
  })

  it('sends HSTS for a year with subdomains over HTTPS only', async () => {
    const { handle } = recording()
    const response = await handle(new Request('https://cases.example.org/dashboard'))
    expect(response.headers.get('Strict-Transport-Security')).toBe(
      'max-age=31536000; includeSubDomains',
    )
  })

  it('keeps a Cache-Control and a page policy that a route chose', async () => {
    const { handle } = recording(
      () =>
        new Response('x', {
          headers: {
            'Cache-Control': 'public, max-age=300',
            'Content-Security-Policy': "default-src 'self'",
          },
        }),
    )
    const response = await handle(new Request('http://localhost/p'))
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300')
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'self'")
  })
})
