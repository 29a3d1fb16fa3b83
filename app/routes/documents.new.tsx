import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { DocumentForm } from '~/components/document-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { DocumentFormSchema } from '~/domain/schemas.server'
import { listActorOptions } from '~/models/document.server'
import { createDocument } from '~/models/document-write.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  return { actors: await listActorOptions(await getDb(), { viewer: user }) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const form = await parseForm(request, DocumentFormSchema)
  if (!form.success) return data({ errors: form.fieldErrors, values: form.values }, { status: 400 })
  const result = await createDocument(await getDb(), {
    actor: auditActor(request, user),
    fields: form.data,
    viewer: user,
  })
  if (!result.ok) {
    const errors = { issuerId: ['Choose an issuer from the list'] }
    return data({ errors, values: form.values }, { status: 400 })
  }
  return redirect(`/documents/${result.id}`)
}

export default function NewDocumentPage() {
  const { actors } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="new-document-title" className="narrow">
      <p className="breadcrumb">
        <Link to="/documents">← All documents</Link>
      </p>
      <h1 id="new-document-title">New document</h1>
      <p className="muted">
        To bring in a press release from its text, <Link to="/documents/import">import it</Link>{' '}
        instead: its quotes, footnotes and cases are read for you.
      </p>
      <DocumentForm
        defaults={actionData?.values ?? {}}
        errors={actionData?.errors}
        actors={actors}
        submitLabel="Create document"
        cancelTo="/documents"
      />
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'New document · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
