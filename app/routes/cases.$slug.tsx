import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { CustodyBadge, LegalStageBadge, RiskBadge, VisibilityBadge } from '~/components/badges'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FootnoteList } from '~/components/footnotes'
import { Timeline } from '~/components/timeline'
import { formatPartialDate } from '~/domain/dates'
import { describeDetention } from '~/domain/status'
import { labelOf } from '~/domain/vocabularies'
import { refreshDueCases } from '~/models/case.server'
import { getCasePage } from '~/models/case-page.server'
import { requirePermission } from '~/utils/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  await refreshDueCases(db)
  const page = await getCasePage(db, { slug: params.slug ?? '', viewer: user })
  if (!page) throw new Response('Not found', { status: 404 })
  return page
}

export default function CasePage() {
  const { record, timeline, upcoming, footnotes, detention, documents, actions } =
    useLoaderData<typeof loader>()
  return (
    <article className="case" aria-labelledby="case-title">
      <p className="breadcrumb">
        <Link to="/cases">← All cases</Link>
      </p>
      <header className="case__header">
        <h1 id="case-title">{record.fullName}</h1>
        {record.aliases.length > 0 ? (
          <p className="case__aliases">Also written: {record.aliases.join(' · ')}</p>
        ) : null}
        <p className="badges">
          <CustodyBadge state={record.currentCustodyState} />
          <LegalStageBadge stage={record.currentLegalStage} />
          <RiskBadge risk={record.riskLevel} />
          <VisibilityBadge visibility={record.visibility} />
        </p>
        {detention ? (
          <p className="case__detention">In detention for {describeDetention(detention)}</p>
        ) : null}
        <dl className="facts">
          <div>
            <dt>Country</dt>
            <dd>{[record.region, record.country].filter(Boolean).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>Nationality</dt>
            <dd>{record.nationality ?? '—'}</dd>
          </div>
          <div>
            <dt>Grounds</dt>
            <dd>{record.grounds.map(labelOf).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>Owner</dt>
            <dd>{record.ownerName ?? 'Unassigned'}</dd>
          </div>
        </dl>
      </header>

      {record.summary ? (
        <section aria-labelledby="summary-title" className="panel">
          <h2 id="summary-title">Summary</h2>
          <p>{record.summary}</p>
        </section>
      ) : null}

      <section aria-labelledby="timeline-title" className="panel">
        <h2 id="timeline-title">Timeline</h2>
        <Timeline events={timeline} emptyText="No events recorded yet." />
        {upcoming.length > 0 ? (
          <>
            <h3>Upcoming</h3>
            <Timeline events={upcoming} emptyText="" />
          </>
        ) : null}
      </section>

      <div className="two-columns">
        <section aria-labelledby="documents-title" className="panel">
          <h2 id="documents-title">Documents</h2>
          {documents.length === 0 ? (
            <p className="empty-state">No documents linked yet.</p>
          ) : (
            <ul className="plain-list">
              {documents.map((doc) => (
                <li key={doc.id}>
                  <span className="badge badge--outline">{labelOf(doc.kind)}</span> {doc.title}
                  {doc.documentDate && doc.datePrecision ? (
                    <span className="muted">
                      {' '}
                      —{' '}
                      {formatPartialDate({ date: doc.documentDate, precision: doc.datePrecision })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="actions-title" className="panel">
          <h2 id="actions-title">Advocacy actions</h2>
          {actions.length === 0 ? (
            <p className="empty-state">No actions recorded yet.</p>
          ) : (
            <ul className="plain-list">
              {actions.map((action) => (
                <li key={action.id}>
                  <span className="badge badge--outline">{labelOf(action.kind)}</span>{' '}
                  {formatPartialDate({ date: action.actionDate, precision: action.datePrecision })}
                  {action.actorName ? ` — ${action.actorName}` : null}
                  {action.targetName ? ` to ${action.targetName}` : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="sources-title" className="panel">
        <h2 id="sources-title">Sources</h2>
        <FootnoteList footnotes={footnotes} />
      </section>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.record.fullName} · Case tracker` : 'Case not found · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
