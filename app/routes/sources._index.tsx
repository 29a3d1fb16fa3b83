import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigate } from '@remix-run/react'
import type { FormEvent } from 'react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { ReliabilityBadge } from '~/components/source-form'
import { formatPartialDate } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { listSearch } from '~/domain/list-search'
import { parseSourceListQuery } from '~/domain/schemas.server'
import { RELIABILITIES, SOURCE_KINDS, labelOf } from '~/domain/vocabularies'
import { listSources, sourceFilterOptions } from '~/models/source-library.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const query = parseSourceListQuery(new URL(request.url).searchParams)
  const [list, options] = await Promise.all([
    listSources(db, { query, viewer: user }),
    sourceFilterOptions(db, { viewer: user }),
  ])
  return {
    query,
    options,
    sources: list.sources,
    total: list.total,
    pageCount: Math.max(1, Math.ceil(list.total / list.pageSize)),
    firstRow: (query.page - 1) * list.pageSize + 1,
    canEdit: can(user.role, 'update:case'),
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

export default function SourcesPage() {
  const { query, options, sources, total, pageCount, firstRow, canEdit } =
    useLoaderData<typeof loader>()
  const navigate = useNavigate()
  const filtered = Boolean(
    query.q || query.kind || query.reliability || query.publisher || query.year,
  )
  const pageLink = (page: number) => `/sources${listSearch({ ...query, page })}`
  // With JavaScript the address keeps only the filters in use; without it the form posts as is.
  function submitWithoutEmptyFields(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const values = Object.fromEntries(
      [...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v).trim()]),
    )
    navigate(`/sources${listSearch(values)}`)
  }
  return (
    <section aria-labelledby="sources-title">
      <div className="page-heading">
        <h1 id="sources-title">Sources</h1>
        {canEdit ? (
          <Link to="/sources/new" className="button button--primary">
            Add a source
          </Link>
        ) : null}
      </div>
      <Form
        method="get"
        action="/sources"
        className="library-filters"
        aria-label="Search and filter sources"
        onSubmit={submitWithoutEmptyFields}
        key={listSearch({ ...query, page: 1 })}
      >
        <div className="library-filters__field library-filters__field--search">
          <label htmlFor="source-search">Search</label>
          <input
            id="source-search"
            type="search"
            name="q"
            defaultValue={query.q}
            placeholder="Title, publisher or URL"
            maxLength={200}
          />
        </div>
        <div className="library-filters__field">
          <label htmlFor="source-kind">Kind</label>
          <select id="source-kind" name="kind" defaultValue={query.kind ?? ''}>
            <option value="">Any kind</option>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {labelOf(kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="library-filters__field">
          <label htmlFor="source-reliability">Reliability</label>
          <select id="source-reliability" name="reliability" defaultValue={query.reliability ?? ''}>
            <option value="">Any</option>
            {RELIABILITIES.map((r) => (
              <option key={r} value={r}>
                {labelOf(r)}
              </option>
            ))}
          </select>
        </div>
        <div className="library-filters__field">
          <label htmlFor="source-publisher">Publisher</label>
          <select id="source-publisher" name="publisher" defaultValue={query.publisher ?? ''}>
            <option value="">Any publisher</option>
            {[
              ...new Set([...(query.publisher ? [query.publisher] : []), ...options.publishers]),
            ].map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div className="library-filters__field">
          <label htmlFor="source-year">Year</label>
          <select id="source-year" name="year" defaultValue={query.year ?? ''}>
            <option value="">Any year</option>
            {[...new Set([...(query.year ? [query.year] : []), ...options.years])].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="library-filters__actions">
          <button type="submit" className="button button--primary">
            Search
          </button>
          {filtered ? <Link to="/sources">Clear</Link> : null}
        </div>
      </Form>
      <p className="library-count" role="status">
        {total === 0
          ? 'No sources'
          : `Showing ${firstRow}–${firstRow + sources.length - 1} of ${total}`}
      </p>
      {sources.length === 0 ? (
        <div className="panel library-empty">
          {filtered ? (
            <p>
              No sources match — <Link to="/sources">clear the search and filters</Link>
            </p>
          ) : query.page > 1 ? (
            <p>
              There is no page {query.page}. <Link to="/sources">Go to the first page</Link>
            </p>
          ) : (
            <p>The library is empty. Sources are added from an event’s form, or here.</p>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table source-table">
            <caption className="visually-hidden">Sources, newest publication first</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Publisher</th>
                <th scope="col">Published</th>
                <th scope="col">Kind</th>
                <th scope="col">Reliability</th>
                <th scope="col" className="numeric">
                  Cited
                </th>
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => (
                <tr key={source.id}>
                  <th scope="row">
                    <Link to={`/sources/${source.id}`}>{source.title}</Link>
                    <span className="source-table__url">
                      {source.url ? hostOf(source.url) : 'link missing'}
                    </span>
                  </th>
                  <td>{source.publisher ?? <span className="muted">—</span>}</td>
                  <td className="source-table__date">
                    {source.publishedOn && source.publishedPrecision ? (
                      formatPartialDate({
                        date: source.publishedOn,
                        precision: source.publishedPrecision,
                      })
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="source-table__kind">{labelOf(source.kind)}</td>
                  <td>
                    <ReliabilityBadge reliability={source.reliability} />
                  </td>
                  <td className="numeric">{source.citedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageLink} />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.query.q
      ? `Sources matching “${data.query.q}” · Case tracker`
      : 'Sources · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
