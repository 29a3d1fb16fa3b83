import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { VisibilityBadge } from '~/components/badges'
import { DocumentHeader } from '~/components/document-header'
import { StatementStaleness } from '~/components/statement-staleness'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FootnoteList, FootnoteRef } from '~/components/footnotes'
import { can } from '~/domain/permissions'
import { getStatementStaleness } from '~/models/statement-staleness.server'
import { getDocumentPage } from '~/models/document.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const id = idParam(params.documentId)
  const page = await getDocumentPage(db, { id, viewer: user })
  invariantResponse(page)
  // A generated draft says when its case changed since, and can be published from here.
  const staleness = await getStatementStaleness(db, { documentId: id, viewer: user })
  return { ...page, staleness, canEdit: can(user.role, 'update:case') }
}

export default function DocumentPage() {
  const { record, bodyHtml, hasBody, quotes, cases, footnotes, canEdit, staleness } =
    useLoaderData<typeof loader>()
  const [searchParams] = useSearchParams()
  const base = `/documents/${record.id}`
  return (
    <article className="document" aria-labelledby="document-title">
      <p className="breadcrumb">
        <Link to="/documents">← All documents</Link>
      </p>
      {searchParams.get('imported') ? (
        <p className="alert alert--success document__notice" role="status">
          Imported. Check the quotes, the cases and the footnotes below; everything can still be
          edited.
        </p>
      ) : null}
      <DocumentHeader record={record} canEdit={canEdit} />
      <StatementStaleness staleness={staleness} />
      {staleness && canEdit && record.status === 'draft' ? (
        <p>
          <Link
            to={`/cases/${staleness.caseSlug}/statement/publish?document=${record.id}`}
            className="button button--primary"
          >
            Publish this statement…
          </Link>
        </p>
      ) : null}

      <section aria-label="Text" className="panel">
        {hasBody ? (
          // Rendered from Markdown on the server with raw HTML escaped and unsafe links refused
          // (app/domain/markdown.ts): no script, no event handler, no javascript: link can get in.
          <div className="markdown" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        ) : (
          <p className="empty-state">No text yet.</p>
        )}
      </section>

      <section aria-labelledby="quotes-title" className="panel">
        <div className="panel__heading">
          <h2 id="quotes-title">Quotes</h2>
          {canEdit ? <Link to={`${base}/quotes/new`}>Add a quote</Link> : null}
        </div>
        {quotes.length === 0 ? (
          <p className="empty-state">No quotes.</p>
        ) : (
          <ul className="quotes">
            {quotes.map((quote) => (
              <li key={quote.id} className="quote">
                <blockquote
                  className="quote__text markdown"
                  dangerouslySetInnerHTML={{ __html: quote.html }}
                />
                <p className="quote__speaker">
                  <span aria-hidden="true">— </span>
                  {quote.actorId && quote.speakerName ? (
                    <Link to={`/actors/${quote.actorId}`} className="quote__name">
                      {quote.speakerName}
                    </Link>
                  ) : null}
                  {quote.unmarked.map((n) => (
                    <FootnoteRef key={n} number={n} />
                  ))}
                  {quote.speakerLabel ? (
                    <span className="quote__label muted">{quote.speakerLabel}</span>
                  ) : null}
                </p>
                {canEdit ? (
                  <p className="quote__tools">
                    <Link to={`${base}/quotes/${quote.id}`}>
                      Edit the quote
                      <span className="visually-hidden">
                        {' '}
                        of {quote.speakerName ?? quote.speakerLabel}
                      </span>
                    </Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cases-title" className="panel">
        <div className="panel__heading">
          <h2 id="cases-title">Cases</h2>
          {canEdit ? <Link to={`${base}/cases`}>Link or unlink cases</Link> : null}
        </div>
        {cases.length === 0 ? (
          <p className="empty-state">Not linked to any case.</p>
        ) : (
          <ul className="plain-list">
            {cases.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.slug}`}>{c.fullName}</Link>{' '}
                {c.visibility === 'restricted' ? (
                  <VisibilityBadge visibility={c.visibility} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sources-title" className="panel">
        <div className="panel__heading">
          <h2 id="sources-title">Sources</h2>
          {canEdit ? <Link to={`${base}/citations`}>Cite or remove sources</Link> : null}
        </div>
        <FootnoteList footnotes={footnotes} />
      </section>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.record.title} · Case tracker` : 'Document not found · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
