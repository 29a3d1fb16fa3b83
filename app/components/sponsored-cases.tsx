// An actor's page: the cases they sponsor (issue 13 §4), each with its current state and its latest
// advocacy action, a page at a time — only the cases the reader may see.
import { Link } from '@remix-run/react'
import { formatPartialDate, type PartialDate } from '~/domain/dates'
import type { CustodyState, DatePrecision, LegalStage } from '~/domain/vocabularies'
import { CustodyBadge, LegalStageBadge } from './badges'
import { Pagination } from './pagination'

export type SponsoredCaseRow = {
  id: number
  slug: string
  fullName: string
  currentCustodyState: CustodyState | null
  currentLegalStage: LegalStage | null
  since: string | null
  sincePrecision: DatePrecision | null
  lastAction: PartialDate | null
}

export function SponsoredCases({
  cases,
  total,
  page,
  pageCount,
  hrefFor,
}: {
  cases: SponsoredCaseRow[]
  total: number
  page: number
  pageCount: number
  hrefFor: (page: number) => string
}) {
  return (
    <section aria-labelledby="sponsored-title" className="panel" id="sponsored">
      <h2 id="sponsored-title">Cases sponsored{total > 0 ? ` (${total})` : ''}</h2>
      {cases.length === 0 ? (
        <p className="empty-state">Sponsors no case you can see.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Current state</th>
                <th scope="col">Sponsor since</th>
                <th scope="col">Latest action</th>
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
                  <td>
                    {row.since && row.sincePrecision
                      ? formatPartialDate({ date: row.since, precision: row.sincePrecision })
                      : '—'}
                  </td>
                  <td>{row.lastAction ? formatPartialDate(row.lastAction) : 'None yet'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </section>
  )
}
