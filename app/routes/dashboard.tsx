import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CustodyBadge } from '~/components/badges'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { isDeprivedOfLiberty } from '~/domain/status'
import { countCasesByCustodyState, refreshDueCases } from '~/models/case.server'
import { requirePermission } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  await refreshDueCases(db)
  const byState = await countCasesByCustodyState(db, { viewer: user })
  const total = byState.reduce((sum, row) => sum + row.count, 0)
  const deprived = byState
    .filter((row) => isDeprivedOfLiberty(row.currentCustodyState))
    .reduce((sum, row) => sum + row.count, 0)
  return { byState, total, deprived, userName: user.name }
}

export default function DashboardPage() {
  const { byState, total, deprived } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="dashboard-title">
      <div className="page-heading">
        <h1 id="dashboard-title">Dashboard</h1>
      </div>
      <div className="key-figures">
        <div className="key-figure">
          <p className="key-figure__value">{total}</p>
          <p className="key-figure__label">cases you can see</p>
        </div>
        <div className="key-figure key-figure--alert">
          <p className="key-figure__value">{deprived}</p>
          <p className="key-figure__label">people deprived of liberty now</p>
        </div>
      </div>
      <section className="panel" aria-labelledby="by-state-title">
        <h2 id="by-state-title">Cases by custody state</h2>
        {byState.length === 0 ? (
          <p className="empty-state">
            No cases yet. <Link to="/cases">Go to cases</Link>
          </p>
        ) : (
          <table className="data-table data-table--compact">
            <caption className="visually-hidden">
              Number of cases in each current custody state
            </caption>
            <thead>
              <tr>
                <th scope="col">Custody state</th>
                <th scope="col" className="numeric">
                  Cases
                </th>
              </tr>
            </thead>
            <tbody>
              {byState.map((row) => (
                <tr key={row.currentCustodyState ?? 'none'}>
                  <th scope="row">
                    <CustodyBadge state={row.currentCustodyState} />
                  </th>
                  <td className="numeric">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Dashboard · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
