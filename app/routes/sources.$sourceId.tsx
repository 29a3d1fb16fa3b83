import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CustodyBadge, LegalStageBadge } from '~/components/badges'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ReliabilityBadge } from '~/components/source-form'
import { formatPartialDate, formatTimestampDay } from '~/domain/dates'
import { can } from '~/domain/permissions'
import type { DatePrecision } from '~/domain/vocabularies'
import { labelOf } from '~/domain/vocabularies'
import { getSourcePage } from '~/models/source-library.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const page = await getSourcePage(await getDb(), { id: idParam(params.sourceId), viewer: user })
  invariantResponse(page)
  return { source: page, canEdit: can(user.role, 'update:case') }
}

function PartialDate({
  date,
  precision,
}: {
  date: string | null
  precision: DatePrecision | null
}) {
  if (!date || !precision) return <span className="muted">—</span>
  return <>{formatPartialDate({ date, precision })}</>
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

function excerpt(text: string, max = 280): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/\s+\S*$/, '')}…`
}

export default function SourcePage() {
  const { source, canEdit } = useLoaderData<typeof loader>()
  const { cases, events, documents, quotes, actions } = source
  const seen = cases.length + events.length + documents.length + quotes.length + actions.length
  const parts = [
    cases.length ? plural(cases.length, 'case', 'cases') : null,
    events.length ? plural(events.length, 'status event', 'status events') : null,
    documents.length ? plural(documents.length, 'document', 'documents') : null,
    quotes.length ? plural(quotes.length, 'quote', 'quotes') : null,
    actions.length ? plural(actions.length, 'advocacy action', 'advocacy actions') : null,
  ].filter(Boolean)
  return (
    <article aria-labelledby="source-title" className="source-page">
      <p className="breadcrumb">
        <Link to="/sources">← All sources</Link>
      </p>
      <header className="record-header">
        <div className="record-header__title-row">
          <h1 id="source-title">{source.title}</h1>
          {canEdit ? (
            <div className="record-header__actions">
              <Link to={`/sources/${source.id}/edit`} className="button">
                Edit source
              </Link>
              <Link to={`/sources/${source.id}/delete`} className="button">
                Delete
              </Link>
            </div>
          ) : null}
        </div>
        <p className="badges">
          <span className="badge badge--dark">{labelOf(source.kind)}</span>
          <ReliabilityBadge reliability={source.reliability} named />
        </p>
        <dl className="facts">
          <div>
            <dt>Publisher</dt>
            <dd>{source.publisher ?? '—'}</dd>
          </div>
          <div>
            <dt>Published</dt>
            <dd>
              <PartialDate date={source.publishedOn} precision={source.publishedPrecision} />
            </dd>
          </div>
          <div>
            <dt>Accessed</dt>
            <dd>
              <PartialDate date={source.accessedOn} precision={source.accessedOn ? 'day' : null} />
            </dd>
          </div>
          <div>
            <dt>Last edited</dt>
            <dd>
              {formatTimestampDay(source.updatedAt)}
              {source.updatedByName ? ` by ${source.updatedByName}` : null}
            </dd>
          </div>
        </dl>
        <dl className="facts facts--wide">
          <div>
            <dt>URL</dt>
            <dd className="source-page__url">
              {source.url ? (
                <a href={source.url} rel="noreferrer noopener" target="_blank">
                  {source.url}
                </a>
              ) : (
                <span className="badge badge--warn">Link missing</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Archived copy</dt>
            <dd className="source-page__url">
              {source.archivedUrl ? (
                <a href={source.archivedUrl} rel="noreferrer noopener" target="_blank">
                  {source.archivedUrl}
                </a>
              ) : (
                <span className="muted">None recorded</span>
              )}
            </dd>
          </div>
        </dl>
      </header>

      <section aria-labelledby="cited-by-title" className="panel">
        <h2 id="cited-by-title">Cited by</h2>
        {seen === 0 ? (
          <p className="empty-state">Nothing you can see cites this source.</p>
        ) : (
          <p className="muted">
            Cited by{' '}
            {parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]}.
          </p>
        )}
        {cases.length > 0 ? (
          <>
            <h3>Cases</h3>
            <ul className="plain-list">
              {cases.map((c) => (
                <li key={c.id}>
                  <Link to={`/cases/${c.slug}`}>{c.fullName}</Link>
                  {c.locator ? <span className="muted"> — {c.locator}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {events.length > 0 ? (
          <>
            <h3>Status events</h3>
            <ul className="plain-list citing-list">
              {events.map((event) => (
                <li key={event.id}>
                  <p className="citing-list__head">
                    <Link to={`/cases/${event.slug}`}>{event.fullName}</Link>
                    <span className="citing-list__date">
                      {formatPartialDate({ date: event.eventDate, precision: event.datePrecision })}
                    </span>
                    {event.custodyState ? <CustodyBadge state={event.custodyState} /> : null}
                    <LegalStageBadge stage={event.legalStage} />
                    {event.certainty === 'alleged' ? (
                      <span className="badge badge--alleged">Alleged</span>
                    ) : null}
                  </p>
                  {event.description ? (
                    <p className="citing-list__text">{event.description}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {documents.length > 0 ? (
          <>
            <h3>Documents</h3>
            <ul className="plain-list">
              {documents.map((doc) => (
                <li key={doc.id}>
                  <span className="badge badge--outline">{labelOf(doc.kind)}</span>{' '}
                  <Link to={`/documents/${doc.documentId}`}>{doc.title}</Link>
                  {doc.documentDate ? (
                    <span className="muted">
                      {' '}
                      — <PartialDate date={doc.documentDate} precision={doc.datePrecision} />
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {quotes.length > 0 ? (
          <>
            <h3>Quotes</h3>
            <ul className="plain-list">
              {quotes.map((quote) => (
                <li key={quote.id}>
                  <blockquote className="quote-excerpt">“{excerpt(quote.body)}”</blockquote>
                  <p className="muted">
                    —{' '}
                    {quote.actorId ? (
                      <Link to={`/actors/${quote.actorId}`}>{quote.actorName}</Link>
                    ) : (
                      quote.speakerLabel || 'Unattributed'
                    )}
                    , in <Link to={`/documents/${quote.documentId}`}>{quote.documentTitle}</Link>
                  </p>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {actions.length > 0 ? (
          <>
            <h3>Advocacy actions</h3>
            <ul className="plain-list">
              {actions.map((action) => (
                <li key={action.id}>
                  <span className="badge badge--outline">{labelOf(action.kind)}</span>{' '}
                  {formatPartialDate({ date: action.actionDate, precision: action.datePrecision })}
                  {action.title ? ` — ${action.title}` : null}
                  {action.actorName ? <span className="muted"> ({action.actorName})</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.source.title} · Sources · Case tracker`
      : 'Source not found · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
