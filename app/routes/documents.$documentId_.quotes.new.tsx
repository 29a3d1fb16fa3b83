import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { DocumentQuoteForm } from '~/components/document-quote-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { withVersion } from '~/domain/schemas.server'
import { QuoteFormSchema } from '~/domain/schemas.server'
import { listActorOptions } from '~/models/document.server'
import { requireDocument } from '~/guards/document-access.server'
import { addQuote } from '~/models/document-quotes.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, record } = await requireDocument(request, params.documentId)
  return {
    id: record.id,
    title: record.title,
    version: record.version,
    actors: await listActorOptions(db, { viewer: user }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireDocument(request, params.documentId)
  const form = await parseForm(request, withVersion(QuoteFormSchema))
  const values = form.values
  if (!form.success) {
    const errors = form.fieldErrors
    return data({ errors, values, version: record.version, conflict: null }, { status: 400 })
  }
  const { version, ...fields } = form.data
  const result = await addQuote(db, {
    actor: auditActor(request, user),
    documentId: record.id,
    version,
    fields,
    viewer: user,
  })
  if (!result.ok && result.reason === 'stale') {
    const current = await requireDocument(request, params.documentId)
    const conflict = {
      changedBy: current.record.updatedByName ?? 'someone',
      changedAt: new Date(current.record.updatedAt).toISOString(),
      differences: [],
    }
    return data({ errors: {}, values, version: current.record.version, conflict }, { status: 409 })
  }
  if (!result.ok) {
    const errors = { actorId: ['Choose the speaker from the list'] }
    return data({ errors, values, version: record.version, conflict: null }, { status: 400 })
  }
  return redirect(`/documents/${record.id}#quotes-title`)
}

export default function NewQuotePage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="new-quote-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/documents/${loaded.id}`}>← Back to “{loaded.title}”</Link>
      </p>
      <h1 id="new-quote-title">Add a quote</h1>
      <DocumentQuoteForm
        defaults={actionData?.values ?? {}}
        errors={actionData?.errors}
        actors={loaded.actors}
        version={actionData?.version ?? loaded.version}
        conflict={actionData?.conflict}
        submitLabel="Add quote"
        cancelTo={`/documents/${loaded.id}`}
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `Add a quote · ${loaded.title} · Case tracker` : 'Add a quote · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
