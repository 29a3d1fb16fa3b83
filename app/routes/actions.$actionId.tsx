import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatPartialDate, formatTimestamp } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { labelOf } from '~/domain/vocabularies'
import { getActionForUser } from '~/models/action.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const record = await getActionForUser(await getDb(), {
    id: idParam(params.actionId),
    viewer: user,
  })
  invariantResponse(record)
  // A linked document hidden from this reader comes without its title: its id is not sent either.
  const documentId = record.documentTitle === null ? null : record.documentId
  return { record: { ...record, documentId }, canEdit: can(user.role, 'update:case') }
}

export default function ActionPage() {
  const { record, canEdit } = useLoaderData<typeof loader>()
  const when = formatPartialDate({ date: record.actionDate, precision: record.datePrecision })
  return (
    <article aria-labelledby="action-title" className="narrow action-page">
      <p className="breadcrumb">
        <Link to="/actions">← All actions</Link>
      </p>
      <div className="case__title-row">
        <h1 id="action-title">{record.title || `${labelOf(record.kind)}, ${when}`}</h1>
        {canEdit ? (
          <div className="case__actions">
            <Link to={`/actions/${record.id}/edit`} className="button button--primary">
              Edit action
            </Link>
            <Link to={`/actions/${record.id}/delete`} className="button">
              Delete
            </Link>
          </div>
        ) : null}
      </div>
      <p className="badges">
        <span className="badge badge--outline">{labelOf(record.kind)}</span>
        <span className={`badge ${record.response === 'none' ? 'badge--neutral' : 'badge--ok'}`}>
          Response: {labelOf(record.response)}
        </span>
      </p>
      <section className="panel" aria-label="Details">
        <dl className="facts">
          <div>
            <dt>Date</dt>
            <dd>{when}</dd>
          </div>
          <div>
            <dt>Who acted</dt>
            <dd>{record.actorName ?? 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Addressed to</dt>
            <dd>{record.targetName ?? 'Not recorded'}</dd>
          </div>
          <div>
            <dt>Linked document</dt>
            <dd>
              {record.documentTitle ? (
                <>
                  {record.documentTitle}{' '}
                  <span className="muted">({labelOf(record.documentKind)})</span>
                </>
              ) : (
                'None'
              )}
            </dd>
          </div>
          <div>
            <dt>Cases</dt>
            <dd>
              {record.cases.length === 0
                ? 'None'
                : record.cases.map((c, i) => (
                    <span key={c.id}>
                      {i > 0 ? ', ' : null}
                      <Link to={`/cases/${c.slug}`}>{c.fullName}</Link>
                    </span>
                  ))}
            </dd>
          </div>
          <div>
            <dt>Last changed</dt>
            <dd>
              {formatTimestamp(record.updatedAt)}
              {record.updatedByName ? ` by ${record.updatedByName}` : ''}
            </dd>
          </div>
        </dl>
      </section>
      <section className="panel" aria-labelledby="outcome-title">
        <h2 id="outcome-title">Outcome</h2>
        {record.outcomeNotes ? (
          <p className="prose">{record.outcomeNotes}</p>
        ) : (
          <p className="empty-state">No outcome notes yet.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="action-sources-title">
        <h2 id="action-sources-title">Sources</h2>
        {record.sources.length === 0 ? (
          <p className="empty-state">No sources cited.</p>
        ) : (
          <ol className="footnotes">
            {record.sources.map((source) => (
              <li key={source.id}>
                <span className="footnotes__publisher">
                  {source.publisher ?? 'Unknown publisher'}
                </span>
                , “{source.title}”
                {source.publishedOn && source.publishedPrecision
                  ? `, ${formatPartialDate({ date: source.publishedOn, precision: source.publishedPrecision })}`
                  : null}
                {source.url ? (
                  <>
                    {' '}
                    <a href={source.url} rel="noreferrer noopener">
                      {source.url}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.record.title || labelOf(data.record.kind)} · Actions · Case tracker`
      : 'Action not found · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
