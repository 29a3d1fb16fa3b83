import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ACTIVITY_ENTITIES, activitySearch, type ActivityFilters } from '~/domain/activity-search'
import {
  ACTIVITY_PAGE_SIZE,
  activityLink,
  cursorParam,
  describeActivityRow,
  parseActivityQuery,
} from '~/domain/schemas.server'
import { AUDIT_ACTIONS, labelOf } from '~/domain/vocabularies'
import { listActivity, listActivityUserOptions } from '~/models/activity.server'
import { getHistoryReferences } from '~/models/history.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'read:audit')
  const db = await getDb()
  const { filters, cursor, ignored } = parseActivityQuery(new URL(request.url).searchParams)
  const [page, userOptions] = await Promise.all([
    listActivity(db, { filters, cursor, pageSize: ACTIVITY_PAGE_SIZE }),
    listActivityUserOptions(db, { selected: filters.user }),
  ])
  const refs = await getHistoryReferences(db, page.rows)
  const first = page.rows[0]
  const last = page.rows.at(-1)
  return {
    filters,
    ignored,
    userOptions,
    entries: page.rows.map((row) => ({
      ...describeActivityRow(row, refs),
      record: activityLink(row),
      entity: row.entity,
      action: row.action,
    })),
    newerHref:
      page.newer && first
        ? activitySearch(filters, { direction: 'after', value: cursorParam(first) })
        : null,
    olderHref:
      page.older && last
        ? activitySearch(filters, { direction: 'before', value: cursorParam(last) })
        : null,
  }
}

function FilterSelect({
  name,
  label,
  value,
  all,
  options,
}: {
  name: keyof ActivityFilters
  label: string
  value: string | number | undefined
  all: string
  options: { value: string | number; label: string }[]
}) {
  return (
    <div className="action-filters__field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value === undefined ? '' : value}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export default function AdminActivityPage() {
  const { filters, ignored, userOptions, entries, newerHref, olderHref } =
    useLoaderData<typeof loader>()
  const filtered = activitySearch(filters) !== ''
  return (
    <section aria-labelledby="activity-title" className="admin-page">
      <AdminNav />
      <h1 id="activity-title">Activity</h1>
      <p className="muted">
        Every recorded change across the tracker, newest first. Times are UTC. Values of sensitive
        fields and passwords are never recorded.
      </p>
      <Form
        method="get"
        className="action-filters"
        aria-label="Filter activity"
        key={activitySearch(filters)}
      >
        <FilterSelect
          name="user"
          label="Who"
          value={filters.user}
          all="Anyone"
          options={userOptions.users.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
        />
        <FilterSelect
          name="entity"
          label="Kind of record"
          value={filters.entity}
          all="All kinds"
          options={ACTIVITY_ENTITIES.map((e) => ({ value: e, label: labelOf(e) }))}
        />
        <FilterSelect
          name="action"
          label="Action"
          value={filters.action}
          all="All actions"
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: labelOf(a) }))}
        />
        <div className="action-filters__field">
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="action-filters__field">
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <div className="action-filters__buttons">
          <button type="submit" className="button button--primary">
            Show
          </button>
          {filtered ? <Link to="/admin/activity">Clear filters</Link> : null}
        </div>
      </Form>
      {userOptions.truncated ? (
        <p className="field__hint">
          The “Who” list shows the first {userOptions.users.length} users by name; for anyone else,
          use “What they did” on their account page.
        </p>
      ) : null}
      {ignored.length > 0 ? (
        <div className="alert alert--info" role="status">
          <ul>
            {ignored.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {entries.length === 0 ? (
        <div className="panel empty-state">
          {filtered ? (
            <p>
              Nothing matches — <Link to="/admin/activity">clear filters</Link>
            </p>
          ) : (
            <p>Nothing has been recorded yet.</p>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table activity-table">
            <caption className="visually-hidden">Activity, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Record</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="activity-table__when">
                    <time dateTime={entry.occurredAt} title={entry.occurredAt}>
                      {entry.when}
                    </time>
                  </td>
                  <td>{entry.who}</td>
                  <td>
                    {entry.summary}
                    {entry.details.length > 0 ? (
                      <ul className="history__details">
                        {entry.details.map((detail, index) => (
                          <li key={index}>{detail}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                  <td>
                    {entry.record ? (
                      <Link to={entry.record.href}>{entry.record.label}</Link>
                    ) : (
                      <span className="muted">{labelOf(entry.entity)}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {newerHref || olderHref ? (
        <nav className="pagination" aria-label="Activity pages">
          {newerHref ? (
            <Link to={`/admin/activity${newerHref}`} rel="prev">
              ← Newer
            </Link>
          ) : null}
          {newerHref ? <Link to={`/admin/activity${activitySearch(filters)}`}>Newest</Link> : null}
          {olderHref ? (
            <Link to={`/admin/activity${olderHref}`} rel="next">
              Older →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Activity · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
