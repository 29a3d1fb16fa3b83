import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { DocumentQuoteForm } from '~/components/document-quote-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { VersionSchema, withVersion } from '~/domain/schemas.server'
import { quoteDifferences, QuoteFormSchema } from '~/domain/schemas.server'
import { listActorOptions } from '~/models/document.server'
import { requireDocument } from '~/guards/document-access.server'
import { deleteQuote, getQuote, updateQuote } from '~/models/document-quotes.server'
import { idParam } from '~/utils/route-params'
import { parseForm, type FieldErrors, type FormValues } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

async function requireQuote(request: Request, params: Record<string, string | undefined>) {
  const found = await requireDocument(request, params.documentId)
  const quote = await getQuote(found.db, {
    documentId: found.record.id,
    quoteId: idParam(params.quoteId),
  })
  invariantResponse(quote)
  return { ...found, quote }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, record, quote } = await requireQuote(request, params)
  return {
    id: record.id,
    title: record.title,
    version: record.version,
    values: {
      actorId: quote.actorId === null ? '' : String(quote.actorId),
      speakerLabel: quote.speakerLabel,
      body: quote.body,
    },
    actors: await listActorOptions(db, { viewer: user }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record, quote } = await requireQuote(request, params)
  const formData = await request.formData()
  const actor = auditActor(request, user)
  const at = { actor, documentId: record.id, quoteId: quote.id }
  const invalid = (form: { fieldErrors: FieldErrors; values: FormValues }) =>
    data(
      { errors: form.fieldErrors, values: form.values, version: record.version, conflict: null },
      { status: 400 },
    )
  let values: FormValues
  let result: Awaited<ReturnType<typeof deleteQuote | typeof updateQuote>>
  if (formData.get('intent') === 'delete') {
    // Deleting reads only the version the form read.
    const form = await parseForm(formData, VersionSchema)
    if (!form.success) return invalid(form)
    values = form.values
    result = await deleteQuote(db, { ...at, version: form.data.version })
  } else {
    const form = await parseForm(formData, withVersion(QuoteFormSchema))
    if (!form.success) return invalid(form)
    values = form.values
    const { version, ...fields } = form.data
    result = await updateQuote(db, { ...at, version, fields, viewer: user })
  }
  if (!result.ok && result.reason === 'stale') {
    const current = await requireDocument(request, params.documentId)
    const saved = await getQuote(db, { documentId: record.id, quoteId: quote.id })
    const actors = new Map(
      (await listActorOptions(db, { viewer: user })).map((a) => [a.id, a.name]),
    )
    const conflict = {
      changedBy: current.record.updatedByName ?? 'someone',
      changedAt: new Date(current.record.updatedAt).toISOString(),
      differences: quoteDifferences(saved ?? null, values, actors),
    }
    return data({ errors: {}, values, version: current.record.version, conflict }, { status: 409 })
  }
  invariantResponse(result.ok || result.reason !== 'not_found')
  if (!result.ok) {
    const errors = { actorId: ['Choose the speaker from the list'] }
    return data({ errors, values, version: record.version, conflict: null }, { status: 400 })
  }
  return redirect(`/documents/${record.id}#quotes-title`)
}

export default function EditQuotePage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-quote-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/documents/${loaded.id}`}>← Back to “{loaded.title}”</Link>
      </p>
      <h1 id="edit-quote-title">Edit the quote</h1>
      <DocumentQuoteForm
        defaults={actionData?.values ?? loaded.values}
        errors={actionData?.errors}
        actors={loaded.actors}
        version={actionData?.version ?? loaded.version}
        conflict={actionData?.conflict}
        submitLabel="Save quote"
        cancelTo={`/documents/${loaded.id}`}
        canDelete
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded ? `Edit a quote · ${loaded.title} · Case tracker` : 'Edit a quote · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
