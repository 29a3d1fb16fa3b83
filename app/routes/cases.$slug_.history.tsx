import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { describeHistoryRow } from '~/domain/history'
import { getCaseForUser } from '~/models/case.server'
import { getHistoryReferences, listCaseHistory } from '~/models/history.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { pageFrom } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

const PAGE_SIZE = 50

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:history')
  const db = await getDb()
  const record = await getCaseForUser(db, { slug: params.slug ?? '', viewer: user })
  invariantResponse(record)
  const page = pageFrom(new URL(request.url))
  const rows = await listCaseHistory(db, {
    caseId: record.id,
    limit: PAGE_SIZE + 1,
    offset: (page - 1) * PAGE_SIZE,
  })
  const shown = rows.slice(0, PAGE_SIZE)
  const refs = await getHistoryReferences(db, shown)
  return {
    record: { slug: record.slug, fullName: record.fullName },
    page,
    hasNext: rows.length > PAGE_SIZE,
    entries: shown.map((row) => describeHistoryRow(row, refs)),
  }
}

export default function CaseHistoryPage() {
  const { record, page, hasNext, entries } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="history-title" className="history-page">
      <p className="breadcrumb">
        <Link to={`/cases/${record.slug}`}>← Back to {record.fullName}</Link>
      </p>
      <h1 id="history-title">History of {record.fullName}</h1>
      <p className="muted">
        Every change to the case, its timeline and its sources, newest first. Times are UTC. Values
        of sensitive fields are never recorded.
      </p>
      {entries.length === 0 ? (
        <p className="empty-state panel">
          {page > 1 ? 'There are no older changes.' : 'No changes have been recorded yet.'}
        </p>
      ) : (
        <ol className="history panel" aria-label="Changes, newest first">
          {entries.map((entry) => (
            <li key={entry.id} className="history__entry">
              <p className="history__summary">
                <strong>{entry.who}</strong> {entry.summary}
              </p>
              {entry.details.length > 0 ? (
                <ul className="history__details">
                  {entry.details.map((detail, index) => (
                    <li key={index}>{detail}</li>
                  ))}
                </ul>
              ) : null}
              <p className="history__when">
                <time dateTime={entry.occurredAt}>{entry.when}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {page > 1 || hasNext ? (
        <nav className="pagination" aria-label="History pages">
          {page > 1 ? <Link to={`?page=${page - 1}`}>← Newer</Link> : null}
          <span>Page {page}</span>
          {hasNext ? <Link to={`?page=${page + 1}`}>Older →</Link> : null}
        </nav>
      ) : null}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `History · ${data.record.fullName} · Case tracker` : 'History · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
