// The leak crawler's two halves: every URL worth asking for (each GET route filled with every record
// of the world, query variants that name B, the exports, and each page's `.data` twin), and the
// search of a response — body, downloaded .docx text and headers — for B's traces.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TEMPLATE_IDS } from '../../app/statements/types'
import { isPublicPath } from '../../app/utils/public-paths'
import { appRequest } from './app-server'
import { MARKER, type World } from './leak-world'
import { dataUrlOf, fillRoute, hasLoader, paramNames, routeFiles } from './route-walk'

const CHARTS = ['actions', 'custody', 'country', 'case']

/** Every value a route parameter can take in the world: B's records as well as the others. */
export function worldParams(world: World): Record<string, string[]> {
  const all = (records: Record<string, number>) => Object.values(records).map(String)
  return {
    slug: Object.values(world.cases).map((c) => c.slug),
    eventId: all(world.events),
    documentId: all(world.documents),
    quoteId: all(world.quotes),
    actionId: all(world.actions),
    actorId: all(world.actors),
    sourceId: all(world.sources),
    importId: all(world.imports),
    userId: all(Object.fromEntries(Object.entries(world.users).map(([k, u]) => [k, u.id]))),
  }
}

/** Query strings that ask a page about B: a search for it (typed in lower case, so an echo of
 * the search box is not taken for a leak), its id and slug in each filter a route reads. */
function queryVariants(world: World): string[] {
  const b = world.cases.b
  return [
    `q=${MARKER.toLowerCase()}`,
    'q=bexample',
    `case=${b.id}`,
    `case=${b.slug}`,
    `caseId=${b.id}`,
    `saved=${world.documents.bDraft}`,
    `document=${world.documents.bDraft}`,
    `actor=${world.actors.bOnly}`,
    // The case list's "sponsored by" filter, for an actor who sponsors A and B.
    `sponsor=${world.actors.ordinary}`,
    `issuer=${world.actors.bOnly}`,
    `duplicate=${world.actors.bOnly}`,
    `target=quote-${world.quotes.bDraft}`,
  ]
}

/** Every GET URL of the app for this world, each followed by its `.data` twin. */
export function crawlUrls(world: World): string[] {
  const params = worldParams(world)
  const variants = queryVariants(world)
  const urls = new Set<string>()
  for (const route of routeFiles()) {
    if (!hasLoader(route)) continue
    const readsQuery = /searchParams|useSearchParams|parse\w*Query\(/.test(route.source)
    for (const url of fillRoute(route, params)) {
      urls.add(url)
      if (url === '/dashboard/csv') {
        for (const chart of CHARTS)
          for (const c of Object.values(world.cases))
            urls.add(`/dashboard/csv?chart=${chart}&case=${c.id}`)
        continue
      }
      if (url.endsWith('/statement/download')) {
        for (const format of ['md', 'docx'])
          for (const template of TEMPLATE_IDS) {
            urls.add(`${url}?format=${format}&template=${template}`)
            urls.add(`${url}?format=${format}&template=${template}&issuer=${world.actors.bOnly}`)
          }
        continue
      }
      // The statement form's search boxes: each kind of actor, searched for B's marker and name.
      if (url.endsWith('/statement/actors.json')) {
        for (const role of ['party', 'mep', 'contact'])
          for (const q of [MARKER.toLowerCase(), 'bexample'])
            urls.add(`${url}?for=${role}&q=${encodeURIComponent(q)}`)
        continue
      }
      if (readsQuery || paramNames(route).length === 0)
        for (const variant of variants) urls.add(`${url}?${variant}`)
    }
  }
  return [...urls].flatMap((url) => [url, dataUrlOf(url)])
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** A response's text: UTF-8 for everything, and for a .docx the text of every part in the zip. */
async function responseText(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer())
  if (!(response.headers.get('Content-Type') ?? '').startsWith(DOCX)) return bytes.toString('utf8')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leak-docx-'))
  try {
    const file = path.join(dir, 'download.docx')
    fs.writeFileSync(file, bytes)
    const xml = execFileSync('unzip', ['-p', file], { maxBuffer: 64 * 1024 * 1024 }).toString(
      'utf8',
    )
    // Word may split a run of text: search the XML and its text with the tags removed.
    return `${xml}\n${xml.replace(/<[^>]+>/g, '')}`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export type Finding = { url: string; status: number; problem: string; snippet: string }

function snippetAround(text: string, found: string): string {
  const at = text.indexOf(found)
  return text
    .slice(Math.max(0, at - 80), at + found.length + 80)
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * What a response gives away about B: its texts (each carries the marker), the marker itself,
 * and its slug — unless the requester typed the slug in the URL. Also a missing `no-store`.
 */
export async function inspect(
  world: World,
  url: string,
  response: Response,
  { requireNoStore }: { requireNoStore: boolean },
): Promise<Finding[]> {
  const findings: Finding[] = []
  const add = (problem: string, snippet: string) =>
    findings.push({ url, status: response.status, problem, snippet })
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')
  const text = `${await responseText(response)}\n${headers}`
  const forbidden = world.bOnlyTexts.filter((t) => text.includes(t))
  if (forbidden.length)
    add(`shows ${forbidden.map((t) => `“${t}”`).join(', ')}`, snippetAround(text, forbidden[0]!))
  else if (text.includes(MARKER)) add(`shows the marker ${MARKER}`, snippetAround(text, MARKER))
  const slug = world.cases.b.slug
  if (!url.includes(slug) && text.includes(slug))
    add(`shows B's slug ${slug}`, snippetAround(text, slug))
  if (response.status >= 500) add(`answers ${response.status}`, text.slice(0, 160))
  // Public pages and feeds are the same for everyone and cacheable (public-crawl.ts checks them).
  const publicPage = isPublicPath(new URL(url, 'http://localhost').pathname)
  if (
    requireNoStore &&
    !publicPage &&
    !/no-store/.test(response.headers.get('Cache-Control') ?? '')
  )
    add(`Cache-Control is “${response.headers.get('Cache-Control')}”, not no-store`, '')
  return findings
}

/** Requests every URL (a few at a time) with `cookie` and collects what each gives away. */
export async function crawl(
  world: World,
  urls: string[],
  { cookie, requireNoStore }: { cookie: string; requireNoStore: boolean },
): Promise<Finding[]> {
  const findings: Finding[] = []
  let next = 0
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!
      const response = await appRequest(url, { cookie })
      findings.push(...(await inspect(world, url, response, { requireNoStore })))
    }
  }
  await Promise.all(Array.from({ length: 4 }, worker))
  return findings.sort((a, b) => a.url.localeCompare(b.url))
}

export function reportFindings(role: string, findings: Finding[]): string {
  const lines = findings.map((f) => `  ${f.url} (${f.status}): ${f.problem}\n      …${f.snippet}…`)
  return `${findings.length} trace(s) of restricted case B seen by ${role}:\n${lines.join('\n')}`
}
