import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SponsoredCases } from '~/components/sponsored-cases'
import { formatPartialDate, formatTimestampDay } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { labelOf, type DatePrecision } from '~/domain/vocabularies'
import { getActorPage } from '~/models/actor.server'
import { listSponsoredCases } from '~/models/case-sponsor.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const actor = await getActorPage(db, { id: idParam(params.actorId), viewer: user })
  invariantResponse(actor)
  const page = Math.floor(Number(new URL(request.url).searchParams.get('sponsored'))) || 1
  const sponsored = await listSponsoredCases(db, { actorId: actor.id, viewer: user, page })
  return { actor, sponsored, canEdit: can(user.role, 'update:case') }
}

function When({ date, precision }: { date: string | null; precision: DatePrecision | null }) {
  if (!date || !precision) return null
  return <span className="muted"> — {formatPartialDate({ date, precision })}</span>
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children || '—'}</dd>
    </div>
  )
}

export default function ActorPage() {
  const { actor, sponsored, canEdit } = useLoaderData<typeof loader>()
  return (
    <article aria-labelledby="actor-title" className="actor-page">
      <p className="breadcrumb">
        <Link to="/actors">← All actors</Link>
      </p>
      <header className="record-header">
        <div className="record-header__title-row">
          <h1 id="actor-title">{actor.name}</h1>
          {canEdit ? (
            <div className="record-header__actions">
              <Link to={`/actors/${actor.id}/edit`} className="button">
                Edit actor
              </Link>
              <Link to={`/actors/${actor.id}/merge`} className="button">
                Merge a duplicate
              </Link>
            </div>
          ) : null}
        </div>
        <p className="badges">
          <span className="badge badge--dark">{labelOf(actor.kind)}</span>
        </p>
        {actor.roles.length > 0 ? (
          <ul className="actor-roles">
            {actor.roles.map((role) => (
              <li key={role}>{role}</li>
            ))}
          </ul>
        ) : null}
        <dl className="facts">
          <Fact label="Organisation">{actor.organisation}</Fact>
          <Fact label="Political group">{actor.politicalGroup}</Fact>
          <Fact label="Committees">{actor.committees.join(', ')}</Fact>
          <Fact label="Country">{actor.country}</Fact>
          <Fact label="Office">{actor.office}</Fact>
          <Fact label="Email">
            {actor.email ? <a href={`mailto:${actor.email}`}>{actor.email}</a> : null}
          </Fact>
          <Fact label="Phone">
            {actor.phone ? (
              <a href={`tel:${actor.phone.replace(/[^+\d]/g, '')}`}>{actor.phone}</a>
            ) : null}
          </Fact>
          <Fact label="Last edited">
            {formatTimestampDay(actor.updatedAt)}
            {actor.updatedByName ? ` by ${actor.updatedByName}` : null}
          </Fact>
        </dl>
        {actor.notes ? <p className="prose actor-notes">{actor.notes}</p> : null}
      </header>

      {sponsored.total > 0 || actor.kind === 'mep' ? (
        <SponsoredCases {...sponsored} hrefFor={(p) => `?sponsored=${p}#sponsored-title`} />
      ) : null}

      <section aria-labelledby="quotes-title" className="panel">
        <h2 id="quotes-title">Quotes</h2>
        {actor.quotes.length === 0 ? (
          <p className="empty-state">No quotes attributed.</p>
        ) : (
          <ul className="plain-list">
            {actor.quotes.map((quote) => (
              <li key={quote.id}>
                <blockquote className="quote-excerpt">“{quote.body}”</blockquote>
                <p className="muted">
                  In <Link to={`/documents/${quote.documentId}`}>{quote.documentTitle}</Link>
                  <When date={quote.documentDate} precision={quote.datePrecision} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="two-columns">
        <section aria-labelledby="documents-title" className="panel">
          <h2 id="documents-title">Documents issued</h2>
          {actor.documents.length === 0 ? (
            <p className="empty-state">No documents issued.</p>
          ) : (
            <ul className="plain-list">
              {actor.documents.map((doc) => (
                <li key={doc.id}>
                  <span className="badge badge--outline">{labelOf(doc.kind)}</span>{' '}
                  <Link to={`/documents/${doc.id}`}>{doc.title}</Link>
                  <When date={doc.documentDate} precision={doc.datePrecision} />
                  {doc.status === 'draft' ? (
                    <span className="badge badge--neutral">Draft</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="actions-title" className="panel">
          <h2 id="actions-title">Advocacy actions</h2>
          {actor.actions.length === 0 ? (
            <p className="empty-state">No actions taken or addressed.</p>
          ) : (
            <ul className="plain-list">
              {actor.actions.map((action) => (
                <li key={action.id}>
                  <span className="badge badge--outline">{labelOf(action.kind)}</span>{' '}
                  {formatPartialDate({ date: action.actionDate, precision: action.datePrecision })}
                  {action.title ? ` — ${action.title}` : null}
                  <span className="actor-action__role">
                    {action.actorId === actor.id ? 'Taken' : 'Addressed to them'}
                    {action.actorId === actor.id && action.targetName
                      ? `, addressed to ${action.targetName}`
                      : null}
                    {action.actorId !== actor.id && action.actorName
                      ? ` by ${action.actorName}`
                      : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.actor.name} · Actors · Case tracker` : 'Actor not found · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
