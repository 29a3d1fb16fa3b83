// The "Sponsors" section of a case (issue 13 §4): the MEPs and other people who sponsor it, since
// when and why. On the case page editors get a link to /cases/:slug/sponsors, where the forms are
// (components/case-sponsor-forms.tsx): the case page is a chart page whose script has a budget, and
// the search box and forms stay off it.
import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatPartialDate } from '~/domain/dates'
import { labelOf, type ActorKind, type DatePrecision } from '~/domain/vocabularies'

export type SponsorView = {
  actorId: number
  name: string
  kind: ActorKind
  politicalGroup: string | null
  since: string | null
  sincePrecision: DatePrecision | null
  note: string
}

export function sinceText(sponsor: Pick<SponsorView, 'since' | 'sincePrecision'>) {
  return sponsor.since && sponsor.sincePrecision
    ? formatPartialDate({ date: sponsor.since, precision: sponsor.sincePrecision })
    : null
}

export function CaseSponsors({
  slug,
  sponsors,
  canEdit,
  removeFor,
  children,
}: {
  slug: string
  sponsors: SponsorView[]
  canEdit: boolean
  /** The sponsors page's removal form beside each sponsor. */
  removeFor?: (sponsor: SponsorView) => ReactNode
  /** The sponsors page's add form; without it, editors get a link to that page. */
  children?: ReactNode
}) {
  return (
    <section aria-labelledby="sponsors-title" className="panel case-sponsors" id="sponsors">
      <h2 id="sponsors-title">Sponsors</h2>
      {sponsors.length === 0 ? (
        <p className="empty-state">No MEP sponsors this case yet.</p>
      ) : (
        <ul className="plain-list">
          {sponsors.map((sponsor) => (
            <li key={sponsor.actorId}>
              <Link to={`/actors/${sponsor.actorId}`}>{sponsor.name}</Link>{' '}
              <span className="badge badge--outline">{labelOf(sponsor.kind)}</span>
              {sponsor.politicalGroup ? ` ${sponsor.politicalGroup}` : null}
              {sinceText(sponsor) ? (
                <span className="muted"> — since {sinceText(sponsor)}</span>
              ) : null}
              {sponsor.note ? <p className="case-sponsors__note">{sponsor.note}</p> : null}
              {removeFor?.(sponsor)}
            </li>
          ))}
        </ul>
      )}
      {children ??
        (canEdit ? (
          <p>
            <Link to={`/cases/${slug}/sponsors`} className="button button--quiet">
              Add or remove sponsors
            </Link>
          </p>
        ) : null)}
    </section>
  )
}
