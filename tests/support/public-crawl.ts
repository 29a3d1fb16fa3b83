// The leak crawler's public half: every public route (/p, /p/:slug, the Atom feeds) filled with
// every case's slug — public, restricted, internal, not consented, none — and searches that name
// hidden cases, each with its `.data` twin, requested WITHOUT a session; and the search of each
// answer for what only the signed-in app may show, for a cookie, and for the public cache headers.
import { isPublicPath } from '../../app/utils/public-paths'
import { appRequest } from './app-server'
import type { Finding } from './leak-crawl'
import { MARKER, type World } from './leak-world'
import { PUBLIC_MARKER, type PublicWorld } from './public-world'
import { dataUrlOf, fillRoute, hasLoader, paramNames, routeFiles } from './route-walk'

export const UNKNOWN_SLUG = 'no-such-person'

/** The route files anyone may read without signing in (their URLs pass isPublicPath). */
export function publicRouteFiles() {
  return routeFiles().filter((route) => isPublicPath(route.pattern.replace(/:slug/g, 'x')))
}

export function publicCrawlUrls(world: World, publicWorld: PublicWorld): string[] {
  const slugs = [
    ...Object.values(world.cases).map((c) => c.slug),
    publicWorld.pia.slug,
    publicWorld.dora.slug,
    UNKNOWN_SLUG,
  ]
  const searches = [
    `q=${MARKER.toLowerCase()}`,
    'q=bexample',
    `q=${PUBLIC_MARKER.toLowerCase()}`,
    'q=carl',
    'q=noconsent',
    'q=sexual',
    'q=1987',
    'q=hidden',
    ...slugs.map((slug) => `after=${encodeURIComponent(slug)}`),
  ]
  const urls = new Set<string>()
  for (const route of publicRouteFiles()) {
    if (!hasLoader(route)) continue
    for (const url of fillRoute(route, { slug: slugs })) {
      urls.add(url)
      if (paramNames(route).length === 0 && !url.endsWith('.atom'))
        for (const search of searches) urls.add(`${url}?${search}`)
    }
  }
  return [...urls].flatMap((url) => (url.endsWith('.atom') ? [url] : [url, dataUrlOf(url)]))
}

/** What an anonymous answer gives away, and whether it keeps the public pages' promises. */
export async function inspectPublic(
  url: string,
  response: Response,
  forbidden: readonly string[],
): Promise<Finding[]> {
  const findings: Finding[] = []
  const add = (problem: string, snippet = '') =>
    findings.push({ url, status: response.status, problem, snippet })
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')
  const text = `${await response.text()}\n${headers}`
  for (const value of forbidden) {
    const at = text.indexOf(value)
    if (at >= 0) add(`shows “${value}”`, text.slice(Math.max(0, at - 80), at + value.length + 80))
  }
  if (text.includes('\u0000')) add('holds a NUL byte (a character broken in two)', '')
  if (response.headers.has('Set-Cookie')) add('sets a cookie', response.headers.get('Set-Cookie')!)
  if (response.status >= 500) add(`answers ${response.status}`, text.slice(0, 160))
  if (response.status === 200) {
    if (response.headers.get('Cache-Control') !== 'public, max-age=300')
      add(`Cache-Control is “${response.headers.get('Cache-Control')}”`)
    if (!response.headers.get('ETag')) add('has no ETag')
  }
  return findings
}

/** Requests every URL anonymously (a few at a time) and collects what each gives away. */
export async function crawlPublic(
  urls: string[],
  forbidden: readonly string[],
): Promise<Finding[]> {
  const findings: Finding[] = []
  let next = 0
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!
      findings.push(...(await inspectPublic(url, await appRequest(url), forbidden)))
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  return findings.sort((a, b) => a.url.localeCompare(b.url))
}
