// Caching of the public pages and feeds: anyone may cache them for five minutes, and a browser that
// holds a copy is answered 304 when nothing changed. The pages run no script, so their policy needs
// no per-request nonce and a 304 can carry the very policy the cached copy came with.
import { createHash } from 'node:crypto'

export const PUBLIC_CACHE_CONTROL = 'public, max-age=300'

/** Public pages load this site's stylesheet and nothing else; their search form stays on the site. */
export const PUBLIC_PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** A weak validator of what a page or feed shows (the same data renders the same page). */
export function etagOf(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return `W/"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`
}

export function publicCacheHeaders(etag: string): Record<string, string> {
  return { 'Cache-Control': PUBLIC_CACHE_CONTROL, ETag: etag }
}

/** Whether the request's If-None-Match names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(request: Request, etag: string): boolean {
  const header = request.headers.get('If-None-Match')
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => opaque(tag) === opaque(etag))
}

/**
 * The page's validator made to change with the build too: the same data in a new release renders
 * other asset addresses. `version` is the build manifest's.
 */
export function versionedEtag(etag: string, version: string): string {
  return `W/"${etag.replace(/^W\//, '').replace(/"/g, '')}.${version}"`
}

/** An Atom feed, or 304 when the reader holds this very feed already. */
export function atomResponse(request: Request, xml: string): Response {
  const etag = etagOf(xml)
  const headers = {
    ...publicCacheHeaders(etag),
    'Content-Type': 'application/atom+xml; charset=utf-8',
  }
  if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers })
  return new Response(xml, { headers })
}
