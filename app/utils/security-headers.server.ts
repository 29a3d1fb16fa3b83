// The headers every response carries — pages, single-fetch `.data`, redirects, downloads, error
// pages and static files alike (docs/security.md).

/** The policy of a page: scripts only from this site or with this response's nonce. */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // recharts and React set inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Anything that is not a page (data, downloads, redirects) runs nothing and frames nothing. */
const NON_PAGE_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

const ONE_YEAR = 365 * 24 * 3600

/**
 * Sets the security headers on `headers`, keeping a Content-Security-Policy or Cache-Control a
 * route chose. `https` is whether the request reached us over HTTPS (directly or, with
 * TRUST_PROXY=1, through a proxy that said so), which is when HSTS is sent.
 */
export function applySecurityHeaders(
  headers: Headers,
  { https, nonce }: { https: boolean; nonce?: string },
): void {
  if (nonce) headers.set('Content-Security-Policy', pageContentSecurityPolicy(nonce))
  else if (!headers.has('Content-Security-Policy'))
    headers.set('Content-Security-Policy', NON_PAGE_POLICY)
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Referrer-Policy', 'same-origin')
  headers.set('X-Frame-Options', 'DENY')
  headers.set('Cross-Origin-Opener-Policy', 'same-origin')
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
  // Case data is sensitive: no shared cache and no back-button copy after sign-out. A route that
  // serves public data says so itself.
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store')
  if (https) headers.set('Strict-Transport-Security', `max-age=${ONE_YEAR}; includeSubDomains`)
}

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:'
}
