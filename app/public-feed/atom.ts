// The public Atom 1.0 feeds (/feed.atom, /p/:slug/feed.atom), written with the `feed` package: each
// entry a confirmed status change or a published document of a public, consented case. Pure: the
// model gives the entries (app/models/public-case.server.ts), the route the addresses.
import { Feed } from 'feed'
import { formatPartialDate } from '../domain/dates'
import { labelOf } from '../domain/vocabularies'
import type { CustodyState, DatePrecision, DocumentKind, LegalStage } from '../domain/vocabularies'

export type PublicFeedEvent = {
  kind: 'event'
  id: number
  slug: string
  name: string
  eventDate: string
  datePrecision: DatePrecision
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  description: string
  updatedAt: Date
}
export type PublicFeedDocument = {
  kind: 'document'
  id: number
  slug: string
  name: string
  title: string
  documentKind: DocumentKind
  url: string | null
  updatedAt: Date
}
export type PublicFeedEntry = PublicFeedEvent | PublicFeedDocument

export type AtomFeedInput = {
  /** The site's origin, e.g. "https://cases.example.org". */
  origin: string
  /** The feed's own path, e.g. "/feed.atom". */
  selfPath: string
  /** The page the feed is about, e.g. "/p" or "/p/alma-publicperson". */
  pagePath: string
  title: string
  subtitle: string
  entries: PublicFeedEntry[]
  /** When nothing is in the feed: the feed's "updated" (Atom requires one). */
  emptyUpdated: Date
}

function eventTitle(entry: PublicFeedEvent): string {
  const state = [entry.custodyState, entry.legalStage]
    .filter((value) => value !== null)
    .map((value) => labelOf(value))
    .join(', ')
  const when = formatPartialDate({ date: entry.eventDate, precision: entry.datePrecision })
  return `${entry.name}: ${state || 'timeline entry'} (${when})`
}

export function renderAtomFeed(input: AtomFeedInput): string {
  const { origin, entries } = input
  const updated = entries.reduce<Date | null>(
    (latest, entry) => (latest === null || entry.updatedAt > latest ? entry.updatedAt : latest),
    null,
  )
  const feed = new Feed({
    id: `${origin}${input.selfPath}`,
    title: input.title,
    description: input.subtitle,
    link: `${origin}${input.pagePath}`,
    feedLinks: { atom: `${origin}${input.selfPath}` },
    updated: updated ?? input.emptyUpdated,
    author: { name: 'Case tracker' },
    language: 'en',
    generator: false,
  })
  for (const entry of entries) {
    const casePage = `${origin}/p/${encodeURIComponent(entry.slug)}`
    if (entry.kind === 'event') {
      feed.addItem({
        id: `${casePage}#event-${entry.id}`,
        link: `${casePage}#event-${entry.id}`,
        title: eventTitle(entry),
        description: entry.description || undefined,
        date: entry.updatedAt,
      })
    } else {
      feed.addItem({
        id: `${casePage}#document-${entry.id}`,
        // Only a web address leaves as a link; anything else points to the case page.
        link:
          entry.url && /^https?:\/\//i.test(entry.url)
            ? entry.url
            : `${casePage}#document-${entry.id}`,
        title: `${entry.name}: ${labelOf(entry.documentKind)} — ${entry.title}`,
        date: entry.updatedAt,
      })
    }
  }
  return feed.atom1()
}
