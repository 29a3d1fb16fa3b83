import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { dateLineOf, DocumentStatusBadge } from '~/components/document-header'
import { ActiveDocumentFilters, DocumentFilterForm } from '~/components/document-filters'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import {
  DOCUMENT_FILTER_LABELS,
  DOCUMENT_PAGE_SIZE,
  documentListSearch,
  hasDocumentFilters,
} from '~/domain/document-list-search'
import { parseDocumentListQuery } from '~/domain/schemas.server'
import { can } from '~/domain/permissions'
import { labelOf } from '~/domain/vocabularies'
import { listDocumentFilterOptions, listDocumentsForUser } from '~/models/document-list.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const query = parseDocumentListQuery(new URL(request.url).searchParams)
  const viewer = { id: user.id, role: user.role }
  const [list, options] = await Promise.all([
    listDocumentsForUser(db, { viewer, query }),
    listDocumentFilterOptions(db, { viewer }),
  ])
  return {
    query: { ...query, page: list.page },
    filtered: hasDocumentFilters(query.filters),
    options,
    documents: list.documents.map(({ total: _total, ...row }) => row),
    total: list.total,
    pageCount: list.pageCount,
    firstRow: list.total === 0 ? 0 : (list.page - 1) * DOCUMENT_PAGE_SIZE + 1,
    canEdit: can(user.role, 'update:case'),
  }
}

export default function DocumentsPage() {
  const { query, filtered, options, documents, total, pageCount, firstRow, canEdit } =
    useLoaderData<typeof loader>()
  const lastRow = firstRow + documents.length - 1
  const pageLink = (page: number) => `/documents${documentListSearch(query, { page })}`
  return (
    <section aria-labelledby="documents-title">
      <div className="page-heading">
        <h1 id="documents-title">Documents</h1>
        {canEdit ? (
          <div className="case__actions">
            <Link to="/documents/import" className="button button--primary">
              Import a press release
            </Link>
            <Link to="/documents/new" className="button">
              New document
            </Link>
          </div>
        ) : null}
      </div>
      <div className="case-list">
        <DocumentFilterForm key={documentListSearch(query)} query={query} options={options} />
        <div>
          {query.ignored.length > 0 ? (
            <p className="alert alert--info case-list__notice" role="status">
              Ignored a filter value that could not be read (
              {query.ignored.map((key) => DOCUMENT_FILTER_LABELS[key]).join(', ')}); the list uses
              the other filters.
            </p>
          ) : null}
          <div className="case-list__bar">
            <p className="case-list__count" role="status">
              {total === 0 ? 'No documents' : `Showing ${firstRow}–${lastRow} of ${total}`}
            </p>
            <ActiveDocumentFilters query={query} options={options} />
          </div>
          {total === 0 ? (
            <div className="panel case-list__empty">
              {filtered ? (
                <p>
                  No documents match — <Link to="/documents">clear filters</Link>
                </p>
              ) : (
                <p>
                  No documents yet.
                  {canEdit ? (
                    <>
                      {' '}
                      <Link to="/documents/import">Import a press release</Link> or{' '}
                      <Link to="/documents/new">add a document</Link>.
                    </>
                  ) : null}
                </p>
              )}
            </div>
          ) : (
            <ul className="document-list">
              {documents.map((doc) => (
                <li key={doc.id} className="document-list__item">
                  <div className="document-list__meta">
                    <span className="badge badge--outline">{labelOf(doc.kind)}</span>
                    {doc.status === 'draft' ? <DocumentStatusBadge status={doc.status} /> : null}
                    <span className="muted">{dateLineOf(doc) || 'Undated'}</span>
                  </div>
                  <h2 className="document-list__title">
                    <Link to={`/documents/${doc.id}`}>{doc.title}</Link>
                  </h2>
                  <p className="document-list__details">
                    {doc.issuerName ? <span>{doc.issuerName}</span> : null}
                    {doc.cases.length > 0 ? (
                      <span>
                        {doc.cases.map((c, i) => (
                          <span key={c.slug}>
                            {i > 0 ? ', ' : null}
                            <Link to={`/cases/${c.slug}`}>{c.fullName}</Link>
                          </span>
                        ))}
                      </span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination page={query.page} pageCount={pageCount} hrefFor={pageLink} />
        </div>
      </div>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const q = data?.query.filters.q
  return [{ title: q ? `Documents matching “${q}” · Case tracker` : 'Documents · Case tracker' }]
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
