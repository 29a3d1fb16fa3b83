// Every request passes here before the app sees it, and every response before the browser does:
// a write from another site is refused, a body is limited before anything parses it, and every
// answer — page, `.data`, redirect, download, error — carries the security headers.
import { applySecurityHeaders, isHttps } from './security-headers.server'

export type RequestContext = { clientAddress?: string }
export type AppHandler = (request: Request, context?: RequestContext) => Promise<Response>

/** Forms are small: a case, an event, a document body. */
export const FORM_BODY_LIMIT = 1_000_000
/** Import routes take files; each explains its own, smaller limit in its page. */
export const UPLOAD_BODY_LIMIT = 25_000_000
const UPLOAD_PATHS = /^\/(documents|cases)\/import(\.data)?$/

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export function bodyLimitFor(pathname: string): number {
  return UPLOAD_PATHS.test(pathname) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT
}

/**
 * Whether a write comes from this site: its Origin (or, without one, its Referer) must be this
 * origin. A request with neither is not from a browser form of another site — browsers send Origin
 * on every cross-site POST — and the session cookie is SameSite=Lax besides.
 */
export function fromThisOrigin(request: Request): boolean {
  const expected = new URL(request.url).origin
  const origin = request.headers.get('Origin')
  if (origin !== null) return origin === expected
  const referer = request.headers.get('Referer')
  if (referer === null) return true
  try {
    return new URL(referer).origin === expected
  } catch {
    return false
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A plain page for refusals made before the app runs (it has no layout to render them in). */
export function refusalPage(status: number, title: string, message: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Case tracker</title><style>body{font:1rem/1.5 system-ui,sans-serif;color:#1a1a2e;margin:0}main{max-width:40rem;margin:4rem auto;padding:0 1rem}a{color:#1d4ed8}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/dashboard">Go to the dashboard</a></p></main></body></html>`
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      Connection: 'close',
    },
  })
}

const tooLarge = (limit: number) =>
  refusalPage(
    413,
    'Too much data sent',
    `What you sent is larger than ${Math.round(limit / 1_000_000)} MB, the most this page accepts. Go back, shorten it and try again.`,
  )

/** The body, read up to `limit` bytes; null when it is larger (what is left is not read). */
async function readBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('Content-Length'))
  if (Number.isFinite(declared) && declared > limit) return null
  const reader = request.body?.getReader()
  if (!reader) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/**
 * Whether a form's text holds a NUL character (U+0000): PostgreSQL cannot store one in a text
 * column, so it would fail the write with a server error. A url-encoded form carries it as "%00" or
 * a raw zero byte; a multipart form is read only when a zero byte is there, and its files (which may
 * well hold zero bytes) are left to the route that reads them.
 */
async function formTextHasNul(headers: Headers, body: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const type = headers.get('Content-Type') ?? ''
  const zero = body.indexOf(0) !== -1
  if (/^application\/x-www-form-urlencoded/i.test(type))
    return zero || /%00/.test(new TextDecoder().decode(body))
  if (!zero || !/^multipart\/form-data/i.test(type)) return false
  const form = await new Response(body, { headers: { 'Content-Type': type } })
    .formData()
    .catch(() => null)
  return [...(form?.entries() ?? [])].some(([, v]) => typeof v === 'string' && v.includes('\0'))
}

async function checkRequest(request: Request): Promise<Request | Response> {
  if (SAFE_METHODS.has(request.method)) return request
  if (!fromThisOrigin(request))
    return refusalPage(
      403,
      'Request refused',
      'This form was sent from another site, so it was not accepted. Open the page in the case tracker and send it from there.',
    )
  const limit = bodyLimitFor(new URL(request.url).pathname)
  const body = await readBody(request, limit)
  if (body === null) return tooLarge(limit)
  if (await formTextHasNul(request.headers, body))
    return refusalPage(
      400,
      'The form could not be saved',
      'Something typed or pasted into the form contains a NUL character (U+0000), which cannot be saved. Go back, remove it and try again.',
    )
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: body.byteLength > 0 ? body : null,
    signal: request.signal,
  })
}

export function guardRequests(handle: AppHandler): AppHandler {
  return async (request, context = {}) => {
    const checked = await checkRequest(request)
    const response = checked instanceof Response ? checked : await handle(checked, context)
    // A response's headers may be immutable (a fetch Response): copy them when they are.
    let headers = response.headers
    try {
      applySecurityHeaders(headers, { https: isHttps(request) })
    } catch {
      headers = new Headers(response.headers)
      applySecurityHeaders(headers, { https: isHttps(request) })
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      })
    }
    return response
  }
}
