import { Link } from '@remix-run/react'
import { formatPartialDate } from '~/domain/dates'
import type {
  Certainty,
  CustodyState,
  DatePrecision,
  LegalStage,
  ReleaseReason,
} from '~/domain/vocabularies'
import { labelOf } from '~/domain/vocabularies'
import { CustodyBadge, LegalStageBadge } from './badges'
import { NewBadge } from './changed-badge'
import { FootnoteRef } from './footnotes'

export type TimelineItem = {
  id: number
  eventDate: string
  datePrecision: DatePrecision
  custodyState: CustodyState | null
  legalStage: LegalStage | null
  releaseReason: ReleaseReason | null
  location: string | null
  description: string
  certainty: Certainty
  footnoteNumbers: number[]
}

/**
 * The events of a case; with `editBase` (editors) each event links to its edit and delete pages;
 * the events named in `highlight` are new to this reader since their last visit.
 */
export function Timeline({
  events,
  emptyText,
  editBase,
  highlight = [],
}: {
  events: TimelineItem[]
  emptyText: string
  editBase?: string
  highlight?: number[]
}) {
  if (events.length === 0) return <p className="empty-state">{emptyText}</p>
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li
          key={event.id}
          className={`timeline__event timeline__event--${event.certainty}${highlight.includes(event.id) ? ' timeline__event--new' : ''}`}
        >
          <p className="timeline__date">
            <time dateTime={event.eventDate}>
              {formatPartialDate({ date: event.eventDate, precision: event.datePrecision })}
            </time>
          </p>
          <div className="timeline__body">
            <p className="timeline__states">
              <NewBadge show={highlight.includes(event.id)} />
              {event.custodyState ? <CustodyBadge state={event.custodyState} /> : null}
              <LegalStageBadge stage={event.legalStage} />
              {event.releaseReason ? (
                <span className="badge badge--outline">{labelOf(event.releaseReason)}</span>
              ) : null}
              {event.certainty === 'alleged' ? (
                <span className="badge badge--alleged" title="Reported, not established">
                  Alleged
                </span>
              ) : null}
            </p>
            <p className="timeline__description">
              {event.description}
              {event.footnoteNumbers.map((n) => (
                <FootnoteRef key={n} number={n} />
              ))}
            </p>
            {event.location ? <p className="timeline__location muted">{event.location}</p> : null}
            {editBase ? (
              <p className="timeline__tools">
                <Link
                  to={`${editBase}/${event.id}/edit`}
                  aria-label={`Edit the event of ${formatPartialDate({ date: event.eventDate, precision: event.datePrecision })}`}
                >
                  Edit
                </Link>
                <Link
                  to={`${editBase}/${event.id}/delete`}
                  aria-label={`Delete the event of ${formatPartialDate({ date: event.eventDate, precision: event.datePrecision })}`}
                >
                  Delete
                </Link>
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  )
}
