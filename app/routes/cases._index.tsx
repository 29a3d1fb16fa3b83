import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CustodyBadge, LegalStageBadge } from '~/components/badges'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatTimestampDay, todayIso } from '~/domain/dates'
import { daysInDetention } from '~/domain/status'
import { labelOf } from '~/domain/vocabularies'
import { listCasesForUser, refreshDueCases } from '~/models/case.server'
import { requirePermission } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'
import { pageFrom } from '~/utils/request.server'

const PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  await refreshDueCases(db)
  const page = pageFrom(new URL(request.url))
  const rows = await listCasesForUser(db, {
    viewer: user,
    limit: PAGE_SIZE + 1,
    offset: (page - 1) * PAGE_SIZE,
  })
  const today = todayIso()
  return {
    page,
    hasNext: rows.length > PAGE_SIZE,
    cases: rows.slice(0, PAGE_SIZE).map((row) => ({
      ...row,
      detention: daysInDetention(
        row.detainedSince && row.detainedSincePrecision
          ? { date: row.detainedSince, precision: row.detainedSincePrecision }
          : null,
        today,
      ),
    })),
  }
}

export default function CasesPage() {
  const { cases, page, hasNext } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="cases-title">
      <div className="page-heading">
        <h1 id="cases-title">Cases</h1>
      </div>
      {cases.length === 0 ? (
        <p className="empty-state">No cases yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">
              Cases you can see, most recently updated first
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Days in detention</th>
                <th scope="col">Country</th>
                <th scope="col">Risk</th>
                <th scope="col">Last update</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link to={`/cases/${row.slug}`}>{row.fullName}</Link>
                  </th>
                  <td>
                    <CustodyBadge state={row.currentCustodyState} />{' '}
                    <LegalStageBadge stage={row.currentLegalStage} />
                  </td>
                  <td className="numeric">
                    {row.detention
                      ? `${row.detention.atLeast ? '≥ ' : ''}${row.detention.days}`
                      : '—'}
                  </td>
                  <td>{row.country ?? '—'}</td>
                  <td>{labelOf(row.riskLevel)}</td>
                  <td>{formatTimestampDay(row.updatedAt)}</td>
                  <td>{row.ownerName ?? 'Unassigned'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pagination" className="pagination">
        {page > 1 ? <Link to={`?page=${page - 1}`}>← Previous</Link> : null}
        <span>Page {page}</span>
        {hasNext ? <Link to={`?page=${page + 1}`}>Next →</Link> : null}
      </nav>
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Cases · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
