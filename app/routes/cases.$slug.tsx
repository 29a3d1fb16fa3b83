import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CaseActionsChart } from '~/components/charts/case-actions-chart'
import { CaseHeader } from '~/components/case-header'
import { CaseSponsors } from '~/components/case-sponsors'
import { NewBadge } from '~/components/changed-badge'
import { FollowButton } from '~/components/follow-button'
import { keepHighlights, SeenMarker } from '~/components/seen-marker'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FootnoteList } from '~/components/footnotes'
import { Timeline } from '~/components/timeline'
import { formatPartialDate, todayIso } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { labelOf } from '~/domain/vocabularies'
import { getCaseActionChart } from '~/models/action-chart.server'
import { getCaseNews } from '~/models/case-changes.server'
import {
  CASE_PAGE_LATEST_EVENTS,
  CASE_PAGE_MAX_EVENTS,
  getCasePage,
} from '~/models/case-page.server'
import { listCaseSponsors } from '~/models/case-sponsor.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const today = todayIso()
  const query = new URL(request.url).searchParams
  // The latest events of a long timeline, or all of them (up to a cap) when asked.
  const allEvents = query.get('events') === 'all'
  const page = await getCasePage(db, {
    slug: params.slug ?? '',
    viewer: user,
    today,
    attentionDays: getEnv().NEEDS_ATTENTION_DAYS,
    latestEvents: allEvents ? CASE_PAGE_MAX_EVENTS : CASE_PAGE_LATEST_EVENTS,
  })
  invariantResponse(page)
  const newestFirst = query.get('order') === 'newest'
  // Side by side on the pool (one round trip instead of three). The news is read before the page
  // posts its visit, so this view keeps its highlights.
  const [actionChart, sponsors, news] = await Promise.all([
    getCaseActionChart(db, { caseId: page.record.id, viewer: user, today }),
    listCaseSponsors(db, { caseId: page.record.id }),
    getCaseNews(db, { viewer: user, caseId: page.record.id }),
  ])
  return {
    ...page,
    sponsors,
    actionChart,
    news,
    timeline: newestFirst ? [...page.timeline].reverse() : page.timeline,
    newestFirst,
    allEvents,
    latestEvents: CASE_PAGE_LATEST_EVENTS,
    today,
    can: {
      edit: can(user.role, 'update:case'),
      history: can(user.role, 'read:history'),
      access: can(user.role, 'manage:access'),
    },
  }
}

export default function CasePage() {
  const {
    record,
    timeline,
    upcoming,
    footnotes,
    detention,
    attention,
    documents,
    actions,
    newestFirst,
    allEvents,
    latestEvents,
    eventCounts,
    today,
    can,
    sponsors,
    actionChart,
    news,
  } = useLoaderData<typeof loader>()
  const editBase = can.edit ? `/cases/${record.slug}/events` : undefined
  const order = `order=${newestFirst ? 'newest' : 'oldest'}`
  const all = allEvents ? '&events=all' : ''
  const count = (n: number) => n.toLocaleString('en')
  return (
    <article className="case" aria-labelledby="case-title">
      <p className="breadcrumb">
        <Link to="/cases">← All cases</Link>
      </p>
      <div className="case-follow-bar">
        <FollowButton slug={record.slug} following={news.following} />
        <SeenMarker slug={record.slug} summary={news.summary} readAt={news.readAt} />
      </div>
      <CaseHeader
        record={record}
        detention={detention}
        attention={attention}
        today={today}
        can={can}
      />

      {record.summary ? (
        <section aria-labelledby="summary-title" className="panel">
          <h2 id="summary-title">Summary</h2>
          <p className="prose">{record.summary}</p>
        </section>
      ) : null}

      <section aria-labelledby="timeline-title" className="panel">
        <div className="panel__heading">
          <h2 id="timeline-title">Timeline</h2>
          <Link
            to={`?order=${newestFirst ? 'oldest' : 'newest'}${all}#timeline-title`}
            preventScrollReset
          >
            {newestFirst ? 'Show oldest first' : 'Show newest first'}
          </Link>
        </div>
        <Timeline
          events={timeline}
          emptyText="No events recorded yet."
          editBase={editBase}
          highlight={news.events}
        />
        {eventCounts.past > timeline.length ? (
          <p className="timeline-window">
            The latest {count(timeline.length)} of {count(eventCounts.past)} past events
            {allEvents ? ' (the JSON download below has them all)' : ''}.{' '}
            {allEvents ? null : (
              <Link to={`?${order}&events=all#timeline-title`} preventScrollReset>
                Show all {count(eventCounts.past + eventCounts.upcoming)} events
              </Link>
            )}
          </p>
        ) : null}
        {allEvents && eventCounts.past > latestEvents ? (
          <p className="timeline-window">
            <Link to={`?${order}#timeline-title`} preventScrollReset>
              Show the latest {count(latestEvents)} only
            </Link>
          </p>
        ) : null}
        {upcoming.length > 0 ? (
          <>
            <h3>Upcoming</h3>
            <Timeline events={upcoming} emptyText="" editBase={editBase} />
            {eventCounts.upcoming > upcoming.length ? (
              <p className="timeline-window">
                The next {count(upcoming.length)} of {count(eventCounts.upcoming)} upcoming events.
              </p>
            ) : null}
          </>
        ) : null}
      </section>

      <div className="two-columns">
        <section aria-labelledby="documents-title" className="panel">
          <h2 id="documents-title">Documents</h2>
          {documents.length === 0 ? (
            <p className="empty-state">No documents linked yet.</p>
          ) : (
            <ul className="plain-list">
              {documents.map((doc) => (
                <li key={doc.id}>
                  <NewBadge show={news.documents.includes(doc.id)} />
                  <span className="badge badge--outline">{labelOf(doc.kind)}</span>{' '}
                  <Link to={`/documents/${doc.id}`}>{doc.title}</Link>
                  {doc.documentDate && doc.datePrecision ? (
                    <span className="muted">
                      {' '}
                      —{' '}
                      {formatPartialDate({ date: doc.documentDate, precision: doc.datePrecision })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="actions-title" className="panel">
          <div className="panel__heading">
            <h2 id="actions-title">Advocacy actions</h2>
            {can.edit ? (
              <Link to={`/actions/new?case=${record.slug}`} className="button button--quiet">
                Record an action
              </Link>
            ) : null}
          </div>
          {actions.length === 0 ? (
            <p className="empty-state">No actions recorded yet.</p>
          ) : (
            <ul className="plain-list">
              {actions.map((action) => (
                <li key={action.id}>
                  <NewBadge show={news.actions.includes(action.id)} />
                  <span className="badge badge--outline">{labelOf(action.kind)}</span>{' '}
                  <Link to={`/actions/${action.id}`}>
                    {formatPartialDate({
                      date: action.actionDate,
                      precision: action.datePrecision,
                    })}
                  </Link>
                  {action.actorName ? ` — ${action.actorName}` : null}
                  {action.targetName ? ` to ${action.targetName}` : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <CaseSponsors slug={record.slug} sponsors={sponsors} canEdit={can.edit} />

      <CaseActionsChart caseId={record.id} chart={actionChart} />

      <section aria-labelledby="sources-title" className="panel">
        <h2 id="sources-title">Sources</h2>
        <FootnoteList footnotes={footnotes} />
      </section>
      <p>
        <Link to={`/cases/${record.slug}/card`}>One-page case card</Link>{' '}
        <span className="muted">(to print or read on a phone)</span>
      </p>
      <p>
        <a href={`/cases/${record.slug}/export.json`} download>
          Download this case as JSON
        </a>{' '}
        <span className="muted">(timeline, sources, documents and actions)</span>
      </p>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.record.fullName} · Case tracker` : 'Case not found · Case tracker' },
]

export const shouldRevalidate = keepHighlights

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
