import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { VisibilityBadge } from '~/components/badges'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { CaseLinkSchema } from '~/domain/schemas.server'
import { findCasesToLink, getVisibleCaseById, listLinkedCases } from '~/models/document.server'
import { requireDocument } from '~/guards/document-access.server'
import { linkCase, unlinkCase } from '~/models/document-parts.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, record } = await requireDocument(request, params.documentId)
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, 200)
  const [linked, found] = await Promise.all([
    listLinkedCases(db, record.id),
    query ? findCasesToLink(db, { viewer: user, query }) : Promise.resolve(null),
  ])
  return { id: record.id, title: record.title, linked, found, query }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireDocument(request, params.documentId)
  const form = await parseForm(request, CaseLinkSchema)
  if (!form.success) throw new Response('Choose a case', { status: 400 })
  // A case the user may not see is answered like one that does not exist.
  const target = await getVisibleCaseById(db, { id: form.data.caseId, viewer: user })
  invariantResponse(target)
  const actor = auditActor(request, user)
  if (form.values.intent === 'unlink') {
    await unlinkCase(db, { actor, documentId: record.id, caseId: target.id })
  } else {
    await linkCase(db, { actor, documentId: record.id, caseId: target.id })
  }
  const q = String(form.values.q ?? '').slice(0, 200)
  return redirect(`/documents/${record.id}/cases${q ? `?q=${encodeURIComponent(q)}` : ''}`)
}

export default function DocumentCasesPage() {
  const { id, title, linked, found, query } = useLoaderData<typeof loader>()
  const busy = useNavigation().state !== 'idle'
  const linkedIds = new Set(linked.map((c) => c.id))
  return (
    <section aria-labelledby="document-cases-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/documents/${id}`}>← Back to “{title}”</Link>
      </p>
      <h1 id="document-cases-title">Cases of this document</h1>
      <section className="panel" aria-labelledby="linked-title">
        <h2 id="linked-title">Linked cases</h2>
        {linked.length === 0 ? (
          <p className="empty-state">Not linked to any case yet.</p>
        ) : (
          <ul className="plain-list">
            {linked.map((c) => (
              <li key={c.id} className="link-row">
                <span>
                  <Link to={`/cases/${c.slug}`}>{c.fullName}</Link>{' '}
                  {c.visibility === 'restricted' ? (
                    <VisibilityBadge visibility={c.visibility} />
                  ) : null}
                </span>
                <Form method="post">
                  <input type="hidden" name="caseId" value={c.id} />
                  <input type="hidden" name="q" value={query} />
                  <button
                    type="submit"
                    name="intent"
                    value="unlink"
                    className="button button--quiet"
                    disabled={busy}
                  >
                    Unlink<span className="visually-hidden"> {c.fullName}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="find-title">
        <h2 id="find-title">Link a case</h2>
        <Form method="get" className="source-search">
          <div className="field">
            <label htmlFor="case-query">Find a case by name or alias</label>
            <input id="case-query" name="q" type="search" defaultValue={query} maxLength={200} />
          </div>
          <button type="submit" className="button">
            Find cases
          </button>
        </Form>
        {found === null ? null : found.length === 0 ? (
          <p className="muted">No case you can see matches “{query}”.</p>
        ) : (
          <ul className="plain-list">
            {found.map((c) => (
              <li key={c.id} className="link-row">
                <span>
                  {c.fullName}{' '}
                  {c.visibility === 'restricted' ? (
                    <VisibilityBadge visibility={c.visibility} />
                  ) : null}
                </span>
                {linkedIds.has(c.id) ? (
                  <span className="muted">Linked</span>
                ) : (
                  <Form method="post">
                    <input type="hidden" name="caseId" value={c.id} />
                    <input type="hidden" name="q" value={query} />
                    <button
                      type="submit"
                      name="intent"
                      value="link"
                      className="button button--quiet"
                      disabled={busy}
                    >
                      Link<span className="visually-hidden"> {c.fullName}</span>
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="field__hint">
          Linking a restricted case hides this document from everyone who may not see that case.
        </p>
      </section>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Cases · ${data.title} · Case tracker` : 'Cases · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
