import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CustodyBadge } from '~/components/badges'
import { ActionsOverTimeChart } from '~/components/charts/actions-over-time'
import { ChartFilterForm } from '~/components/charts/chart-filters'
import { CountBarChart } from '~/components/charts/count-bars'
import { DashboardScopeForm } from '~/components/dashboard-scope-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { daysAgo } from '~/domain/attention'
import { scopeParams } from '~/domain/dashboard-scope'
import { formatPartialDate, formatTimestamp, todayIso } from '~/domain/dates'
import { labelOf } from '~/domain/vocabularies'
import { loadDashboard } from '~/models/dashboard-page.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const data = await loadDashboard(await getDb(), {
    viewer: { id: user.id, role: user.role },
    params: new URL(request.url).searchParams,
    today: todayIso(),
    attentionDays: getEnv().NEEDS_ATTENTION_DAYS,
  })
  if (data.redirect !== null) throw redirect(data.redirect)
  return data
}

function KeyFigure({
  value,
  label,
  note,
}: {
  value: string | number
  label: string
  note?: string
}) {
  return (
    <div className="key-figure">
      <p className="key-figure__value">{value}</p>
      <p className="key-figure__label">{label}</p>
      {note ? <p className="key-figure__note">{note}</p> : null}
    </div>
  )
}

function trend(now: number, before: number) {
  if (now === before) return `the same as in the 30 days before`
  return `${now > before ? 'up' : 'down'} from ${before} in the 30 days before`
}

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>()
  const { figures, query, actions, attention, upcoming, recent, today } = data
  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <div className="page-heading">
        <h1 id="dashboard-title">Dashboard</h1>
      </div>
      <div className="key-figures">
        <KeyFigure
          value={figures.deprived}
          label="people deprived of liberty now"
          note={`of ${plural(figures.casesTotal, 'case')} you can see`}
        />
        <KeyFigure
          value={figures.medianDays ?? '—'}
          label="median days in detention"
          note={
            figures.impreciseStarts > 0
              ? `at least: ${figures.impreciseStarts} ${figures.impreciseStarts === 1 ? 'arrest is' : 'arrests are'} known only to the month or year, counted from its last day`
              : 'counted from each arrest to today'
          }
        />
        <KeyFigure
          value={figures.last30}
          label="actions in the last 30 days"
          note={trend(figures.last30, figures.previous30)}
        />
        <KeyFigure
          value={attention[0]?.total ?? 0}
          label="need attention"
          note={`deprived of liberty, nothing recorded for ${data.attentionDays} days`}
        />
      </div>

      <DashboardScopeForm
        scope={data.scope}
        sponsor={data.sponsorChoice}
        chartParams={data.chartParams}
      />
      <section className="panel" aria-labelledby="actions-title">
        <h2 id="actions-title">Advocacy actions over time</h2>
        {data.messages.length > 0 ? (
          <div className="alert alert--info chart__messages" role="status">
            <ul>
              {data.messages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <ChartFilterForm
          {...query}
          caseChoice={data.caseChoice}
          actorChoice={data.actorChoice}
          hidden={scopeParams(data.scope)}
        />
        <ActionsOverTimeChart {...actions} csvHref={data.csv.actions} />
      </section>

      <div className="two-columns">
        <section className="panel" aria-labelledby="by-state-title">
          <h2 id="by-state-title">Cases by custody state</h2>
          <CountBarChart
            id="by-state"
            {...data.custody}
            csvHref={data.csv.custody}
            description="Bar chart of the number of cases in each current custody state."
          />
        </section>
        <section className="panel" aria-labelledby="by-country-title">
          <h2 id="by-country-title">Cases by country</h2>
          <CountBarChart
            id="by-country"
            {...data.country}
            csvHref={data.csv.country}
            description="Bar chart of the number of cases in each country of detention or risk."
          />
        </section>
      </div>

      <div className="two-columns">
        <section className="panel" aria-labelledby="attention-title">
          <h2 id="attention-title">Needs attention</h2>
          <p className="muted">
            Deprived of liberty with no event and no action for {data.attentionDays} days, longest
            silence first.
          </p>
          {attention.length === 0 ? (
            <p className="empty-state">Nobody: every case has recent activity.</p>
          ) : (
            <ul className="plain-list dashboard-list">
              {attention.map((row) => (
                <li key={row.id}>
                  <Link to={`/cases/${row.slug}`}>{row.fullName}</Link>{' '}
                  <CustodyBadge state={row.currentCustodyState} />
                  <span className="dashboard-list__meta">
                    {row.lastActivityDate
                      ? `Last activity ${formatPartialDate({ date: row.lastActivityDate, precision: 'day' })} (${daysAgo(row.lastActivityDate, today)})`
                      : 'No event or action recorded'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">Upcoming in the next 30 days</h2>
          {upcoming.length === 0 ? (
            <p className="empty-state">No hearings or other dates scheduled.</p>
          ) : (
            <ul className="plain-list dashboard-list">
              {upcoming.map((event) => (
                <li key={event.id}>
                  <strong>
                    {formatPartialDate({ date: event.eventDate, precision: event.datePrecision })}
                  </strong>{' '}
                  <Link to={`/cases/${event.slug}`}>{event.fullName}</Link>
                  <span className="dashboard-list__meta">
                    {[event.custodyState, event.legalStage]
                      .filter(Boolean)
                      .map(labelOf)
                      .join(', ') ||
                      event.description ||
                      'Scheduled event'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent updates</h2>
        {recent.length === 0 ? (
          <p className="empty-state">Nothing recorded yet.</p>
        ) : (
          <ul className="plain-list dashboard-list">
            {recent.map((item) => (
              <li key={`${item.type}-${item.id}`}>
                <span className="dashboard-list__who">{item.userName ?? 'System (seed)'}</span>{' '}
                {item.version > 1 ? 'updated' : 'recorded'}{' '}
                {/* The link names the event or action, not the person: the case is named once, as text. */}
                {item.type === 'event' ? (
                  <>
                    <Link to={`/cases/${item.slug}#timeline-title`}>
                      an event of{' '}
                      {formatPartialDate({ date: item.date, precision: item.datePrecision })}
                    </Link>{' '}
                    for {item.fullName}
                    {item.code ? `: ${labelOf(item.code)}` : ''}
                  </>
                ) : (
                  <>
                    <Link to={`/actions/${item.id}`}>
                      an action of{' '}
                      {formatPartialDate({ date: item.date, precision: item.datePrecision })}
                    </Link>
                    : {item.text || labelOf(item.code)}
                  </>
                )}
                <span className="dashboard-list__meta">
                  <time dateTime={new Date(item.updatedAt).toISOString()}>
                    {formatTimestamp(item.updatedAt)}
                  </time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Dashboard · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
