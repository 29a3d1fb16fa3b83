// Deleting a source asks first, and only a source nothing cites can go: otherwise this page says
// what cites it. Works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { getSourcePage } from '~/models/source-library.server'
import { deleteSource } from '~/models/source-write.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const source = await getSourcePage(await getDb(), { id: idParam(params.sourceId), viewer: user })
  invariantResponse(source)
  const { cases, events, documents, quotes, actions } = source
  const citedFor = [
    ...cases.map((c) => ({
      key: `c${c.id}`,
      label: 'Case',
      text: c.fullName,
      to: `/cases/${c.slug}`,
    })),
    ...events.map((e) => ({
      key: `e${e.id}`,
      label: 'Status event',
      text: `${e.fullName}: ${e.description || 'event'}`,
      to: `/cases/${e.slug}`,
    })),
    ...documents.map((d) => ({
      key: `d${d.id}`,
      label: 'Document',
      text: d.title,
      to: `/documents/${d.documentId}`,
    })),
    ...quotes.map((q) => ({
      key: `q${q.id}`,
      label: 'Quote',
      text: `In ${q.documentTitle}`,
      to: `/documents/${q.documentId}`,
    })),
    ...actions.map((a) => ({
      key: `a${a.id}`,
      label: 'Action',
      text: a.title || 'Advocacy action',
      to: null,
    })),
  ]
  return {
    id: source.id,
    title: source.title,
    cited: source.cited,
    citedFor,
    // Citations in records this user may not see are not listed nor counted, only acknowledged.
    citedElsewhere: source.citedElsewhere,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const result = await deleteSource(await getDb(), {
    actor: auditActor(request, user),
    id: idParam(params.sourceId),
    viewer: user,
  })
  if (result.ok) return redirect('/sources')
  invariantResponse(result.reason !== 'not_found')
  return data({ refused: true }, { status: 409 })
}

export default function DeleteSourcePage() {
  const { id, title, cited, citedFor, citedElsewhere } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  return (
    <section aria-labelledby="delete-source-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/sources/${id}`}>← Back to the source</Link>
      </p>
      {cited ? (
        <>
          <h1 id="delete-source-title">This source cannot be deleted</h1>
          <div className="panel">
            {actionData?.refused ? (
              <p className="alert alert--error" role="alert">
                Nothing was deleted: the source was cited in the meantime.
              </p>
            ) : null}
            <p>
              <strong>“{title}”</strong> is cited. A claim must keep leading back to its source, so
              remove or replace these citations first.
            </p>
            {citedFor.length > 0 ? (
              <ul className="plain-list">
                {citedFor.map((item) => (
                  <li key={item.key}>
                    <span className="badge badge--outline">{item.label}</span>{' '}
                    {item.to ? <Link to={item.to}>{item.text}</Link> : item.text}
                  </li>
                ))}
              </ul>
            ) : null}
            {citedElsewhere ? (
              <p className="muted">It is also cited in records you do not have access to.</p>
            ) : null}
          </div>
          <p>
            <Link to={`/sources/${id}`} className="button">
              Back to the source
            </Link>
          </p>
        </>
      ) : (
        <>
          <h1 id="delete-source-title">Delete this source?</h1>
          <div className="panel">
            <p>
              <strong>“{title}”</strong> is not cited anywhere. Deleting removes it from the
              library; the deletion is recorded in the audit log.
            </p>
          </div>
          <Form method="post" className="form-actions">
            <button
              type="submit"
              className="button button--danger"
              disabled={navigation.state === 'submitting'}
            >
              {navigation.state === 'submitting' ? 'Deleting…' : 'Delete source'}
            </button>
            <Link to={`/sources/${id}`} className="button">
              Keep it
            </Link>
          </Form>
        </>
      )}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `Delete “${loaded.title}” · Case tracker` : 'Delete a source · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
