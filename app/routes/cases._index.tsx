import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CustodyBadge, LegalStageBadge, VisibilityBadge } from '~/components/badges'
import { ChangedBadge } from '~/components/changed-badge'
import { ActiveFilters, CaseFilterForm, IgnoredFilters } from '~/components/case-filters'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import {
  caseListSearch,
  hasActiveFilters,
  parseCaseListQuery,
  SORT_LABELS,
} from '~/domain/case-filters'
import { formatPartialDate, todayIso } from '~/domain/dates'
import { daysInDetention, type DetentionSummary } from '~/domain/status'
import { labelOf } from '~/domain/vocabularies'
import { summariseCases } from '~/models/case-facets.server'
import { changedCaseIds } from '~/models/case-follow.server'
import { listCasesForUser } from '~/models/case-list.server'
import { resolveSponsorFilter } from '~/models/case-sponsor.server'
import { can } from '~/domain/permissions'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const parsed = parseCaseListQuery(new URL(request.url).searchParams)
  const viewer = { id: user.id, role: user.role }
  const sponsor = await resolveSponsorFilter(db, { viewer, filters: parsed.filters })
  // Words typed without JavaScript that find one person: the address keeps only the chosen id.
  if (parsed.filters.sponsorQ && sponsor.chosen)
    throw redirect(`/cases${caseListSearch({ ...parsed, filters: sponsor.filters })}`)
  const query = {
    ...parsed,
    filters: sponsor.filters,
    ignored: sponsor.ignored ? [...parsed.ignored, 'sponsor' as const] : parsed.ignored,
  }
  const { total, facets } = await summariseCases(db, { viewer, filters: query.filters })
  const list = await listCasesForUser(db, {
    viewer,
    filters: query.filters,
    sort: query.sort,
    page: query.page,
    total,
  })
  // Changed since this reader last opened them (or followed them): one statement for the page.
  const changed = new Set(
    await changedCaseIds(db, { viewer, caseIds: list.cases.map((row) => row.id) }),
  )
  const today = todayIso()
  // Formatted here, once, so the server and the browser cannot disagree: "24 Nov 2026".
  const shortDay = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
  return {
    canCreate: can(user.role, 'update:case'),
    // The page actually shown: a page past the end is answered with the last one.
    query: { ...query, page: list.page },
    filtered: hasActiveFilters(query.filters),
    facets,
    sponsor: {
      text: sponsor.chosen?.label ?? parsed.filters.sponsorQ ?? '',
      matches: sponsor.matches?.map((m) => ({
        ...m,
        href: `/cases${caseListSearch({ ...query, page: 1, filters: { ...query.filters, sponsor: m.id } })}`,
      })),
    },
    total: list.total,
    pageCount: list.pageCount,
    firstRow: list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1,
    cases: list.cases.map((row) => ({
      ...row,
      changed: changed.has(row.id),
      updatedOn: shortDay.format(row.updatedAt),
      detention: daysInDetention(
        row.detainedSince && row.detainedSincePrecision
          ? { date: row.detainedSince, precision: row.detainedSincePrecision }
          : null,
        today,
      ),
    })),
  }
}

function DetentionDays({ detention }: { detention: DetentionSummary | null }) {
  if (!detention) return <span className="muted">—</span>
  return (
    <>
      {detention.atLeast ? (
        <>
          <span aria-hidden="true">≥ </span>
          <span className="visually-hidden">at least </span>
        </>
      ) : null}
      {detention.days}
      <span className="case-table__since">since {formatPartialDate(detention.since)}</span>
    </>
  )
}

export default function CasesPage() {
  const data = useLoaderData<typeof loader>()
  const { query, facets, sponsor, cases, total, pageCount, firstRow, filtered, canCreate } = data
  const lastRow = firstRow + cases.length - 1
  const pageLink = (page: number) => `/cases${caseListSearch(query, { page })}`
  return (
    <section aria-labelledby="cases-title">
      <div className="page-heading">
        <h1 id="cases-title">Cases</h1>
        {canCreate ? (
          <Link to="/cases/new" className="button button--primary">
            New case
          </Link>
        ) : null}
        {canCreate ? (
          <Link to="/cases/import" className="button">
            Import from CSV
          </Link>
        ) : null}
      </div>
      <div className="case-list">
        <CaseFilterForm
          key={caseListSearch(query)}
          query={query}
          facets={facets}
          sponsor={sponsor}
        />
        <div className="case-list__results">
          <IgnoredFilters ignored={query.ignored} />
          <div className="case-list__bar">
            <p className="case-list__count" role="status">
              {total === 0 ? 'No cases' : `Showing ${firstRow}–${lastRow} of ${total}`}
            </p>
            {total > 0 ? (
              <a href={`/cases.csv${caseListSearch({ ...query, page: 1 })}`} download>
                Download CSV
                <span className="visually-hidden"> of all {total} cases matching</span>
              </a>
            ) : null}
            <ActiveFilters query={query} facets={facets} sponsorName={sponsor.text} />
          </div>
          {total === 0 ? (
            <div className="panel case-list__empty">
              {filtered ? (
                <p>
                  No cases match — <Link to="/cases">clear filters</Link>
                </p>
              ) : (
                <p>No cases yet.</p>
              )}
            </div>
          ) : (
            <div className="table-wrap">
              <table className="data-table case-table">
                <caption className="visually-hidden">
                  Cases you can see, sorted by {SORT_LABELS[query.sort].toLowerCase()}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Status</th>
                    <th scope="col" className="numeric">
                      Days in detention
                    </th>
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
                        {row.changed ? (
                          <>
                            {' '}
                            <ChangedBadge />
                          </>
                        ) : null}
                        {row.visibility === 'restricted' ? (
                          <>
                            {' '}
                            <VisibilityBadge visibility={row.visibility} />
                          </>
                        ) : null}
                      </th>
                      <td>
                        <span className="case-table__status">
                          <CustodyBadge state={row.currentCustodyState} />
                          <LegalStageBadge stage={row.currentLegalStage} />
                        </span>
                      </td>
                      <td className="numeric">
                        <DetentionDays detention={row.detention} />
                      </td>
                      <td>{row.country ?? <span className="muted">—</span>}</td>
                      <td>
                        <span className={`badge badge--risk-${row.riskLevel}`}>
                          {labelOf(row.riskLevel)}
                        </span>
                      </td>
                      <td className="case-table__date">
                        <time dateTime={new Date(row.updatedAt).toISOString()}>
                          {row.updatedOn}
                        </time>
                      </td>
                      <td>{row.ownerName ?? <span className="muted">Unassigned</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={query.page} pageCount={pageCount} hrefFor={pageLink} />
        </div>
      </div>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const q = data?.query.filters.q
  return [{ title: q ? `Cases matching “${q}” · Case tracker` : 'Cases · Case tracker' }]
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
