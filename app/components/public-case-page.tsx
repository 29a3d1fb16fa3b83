// The parts of a public case page (/p/:slug): who and where, the current state and days in
// detention (never overstated), the confirmed timeline with its footnotes, the published documents.
import { CustodyBadge, LegalStageBadge } from '~/components/badges'
import { FootnoteList, FootnoteRef, type FootnoteEntry } from '~/components/footnotes'
import { formatPartialDate } from '~/domain/dates'
import { describeDetention, type DetentionSummary } from '~/domain/status'
import type {
  CustodyState,
  DatePrecision,
  DocumentKind,
  LegalStage,
  ReleaseReason,
} from '~/domain/vocabularies'
import { labelOf } from '~/domain/vocabularies'

export type PublicEvent = {
  id: number
  eventDate: string
  datePrecision: DatePrecision
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  releaseReason: ReleaseReason | null
  description: string
  footnoteNumbers: number[]
}

export type PublicDocument = {
  id: number
  kind: DocumentKind
  title: string
  place: string | null
  documentDate: string | null
  datePrecision: DatePrecision | null
  url: string | null
}

export function PublicCaseHeading({
  name,
  aliases,
  country,
  region,
  custodyState,
  legalStage,
  detention,
}: {
  name: string
  aliases: string[]
  country: string | null
  region: string | null
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  detention: DetentionSummary | null
}) {
  const place = [region, country].filter(Boolean).join(', ')
  return (
    <header className="public-case__heading">
      <h1>{name}</h1>
      {aliases.length ? (
        <p className="public-case__aliases">Also written {aliases.join(', ')}</p>
      ) : null}
      <dl className="public-case__facts">
        <div>
          <dt>Current state</dt>
          <dd>
            <CustodyBadge state={custodyState} /> <LegalStageBadge stage={legalStage} />
          </dd>
        </div>
        {detention ? (
          <div>
            <dt>Deprived of liberty</dt>
            <dd>{describeDetention(detention)}</dd>
          </div>
        ) : null}
        {place ? (
          <div>
            <dt>Country</dt>
            <dd>{place}</dd>
          </div>
        ) : null}
      </dl>
    </header>
  )
}

export function PublicTimeline({
  events,
  emptyText,
}: {
  events: PublicEvent[]
  emptyText: string
}) {
  if (events.length === 0) return <p className="muted">{emptyText}</p>
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id} id={`event-${event.id}`} className="timeline__event">
          <p className="timeline__date">
            <time dateTime={event.eventDate}>
              {formatPartialDate({ date: event.eventDate, precision: event.datePrecision })}
            </time>
          </p>
          <div className="timeline__body">
            <p className="timeline__states">
              {event.custodyState ? <CustodyBadge state={event.custodyState} /> : null}
              <LegalStageBadge stage={event.legalStage} />
              {event.releaseReason ? (
                <span className="badge badge--outline">{labelOf(event.releaseReason)}</span>
              ) : null}
            </p>
            <p className="timeline__description">
              {event.description}
              {event.footnoteNumbers.map((n) => (
                <FootnoteRef key={n} number={n} />
              ))}
            </p>
          </div>
        </li>
      ))}
    </ol>
  )
}

export function PublicDocuments({ documents }: { documents: PublicDocument[] }) {
  if (documents.length === 0) return <p className="muted">No published documents yet.</p>
  return (
    <ul className="public-documents">
      {documents.map((document) => (
        <li key={document.id} id={`document-${document.id}`}>
          <span className="badge badge--outline">{labelOf(document.kind)}</span>{' '}
          {document.url && /^https?:\/\//i.test(document.url) ? (
            <a href={document.url} rel="noreferrer noopener">
              {document.title}
            </a>
          ) : (
            <span>{document.title}</span>
          )}
          {document.place || document.documentDate ? (
            <span className="muted">
              {' — '}
              {[
                document.place,
                document.documentDate && document.datePrecision
                  ? formatPartialDate({
                      date: document.documentDate,
                      precision: document.datePrecision,
                    })
                  : null,
              ]
                .filter(Boolean)
                .join(', ')}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function PublicSources({ footnotes }: { footnotes: FootnoteEntry[] }) {
  return <FootnoteList footnotes={footnotes} />
}
