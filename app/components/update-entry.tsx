// One line of the updates inbox: what changed (a new or changed event, document or action, or the
// case record with its current state), linked to where it is read in full.
import { Link } from '@remix-run/react'
import { formatPartialDate } from '~/domain/dates'
import {
  labelOf,
  type CustodyState,
  type DatePrecision,
  type LegalStage,
} from '~/domain/vocabularies'
import { CustodyBadge, LegalStageBadge } from './badges'
import { NewBadge } from './changed-badge'

export type UpdateEntryView = {
  kind: 'case' | 'event' | 'document' | 'action'
  id: number
  isNew: boolean
  at: Date | string
  title: string | null
  date: string | null
  precision: DatePrecision | null
  custodyState: string | null
  legalStage: string | null
  recordKind: string | null
  response: string | null
}

const shortTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
})

function when(entry: UpdateEntryView) {
  const at = new Date(entry.at)
  return <time dateTime={at.toISOString()}>{shortTime.format(at)} UTC</time>
}

function dated(entry: UpdateEntryView) {
  return entry.date && entry.precision
    ? formatPartialDate({ date: entry.date, precision: entry.precision })
    : null
}

export function UpdateEntryLine({ entry, slug }: { entry: UpdateEntryView; slug: string }) {
  if (entry.kind === 'case')
    return (
      <li>
        <span className="badge badge--outline">Case record</span>
        <Link to={`/cases/${slug}`}>updated</Link>
        <span>— now</span>
        <CustodyBadge state={entry.custodyState as CustodyState | null} />
        <LegalStageBadge stage={entry.legalStage as LegalStage | null} />
        {when(entry)}
      </li>
    )
  if (entry.kind === 'event')
    return (
      <li>
        <NewBadge show updated={!entry.isNew} />
        <span className="badge badge--outline">Event</span>
        <Link to={`/cases/${slug}#timeline-title`}>{dated(entry)}</Link>
        {entry.custodyState ? <CustodyBadge state={entry.custodyState as CustodyState} /> : null}
        {entry.legalStage ? <LegalStageBadge stage={entry.legalStage as LegalStage} /> : null}
        <span>{entry.title}</span>
        {when(entry)}
      </li>
    )
  const path = entry.kind === 'document' ? 'documents' : 'actions'
  return (
    <li>
      <NewBadge show updated={!entry.isNew} />
      <span className="badge badge--outline">
        {entry.recordKind ? labelOf(entry.recordKind) : entry.kind}
      </span>
      <Link to={`/${path}/${entry.id}`}>
        {entry.title || (entry.kind === 'action' ? 'Advocacy action' : 'Document')}
      </Link>
      {dated(entry) ? <span className="muted">{dated(entry)}</span> : null}
      {entry.response && entry.response !== 'none' ? (
        <span className="muted">response: {labelOf(entry.response).toLowerCase()}</span>
      ) : null}
      {when(entry)}
    </li>
  )
}
