import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { DocumentForm } from '~/components/document-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { withVersion } from '~/domain/schemas.server'
import {
  documentDifferences,
  DocumentFormSchema,
  documentToFormValues,
} from '~/domain/schemas.server'
import { listActorOptions } from '~/models/document.server'
import { requireDocument } from '~/guards/document-access.server'
import { updateDocument } from '~/models/document-write.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, record } = await requireDocument(request, params.documentId)
  return {
    id: record.id,
    title: record.title,
    version: record.version,
    values: documentToFormValues(record),
    actors: await listActorOptions(db, { viewer: user }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireDocument(request, params.documentId)
  const form = await parseForm(request, withVersion(DocumentFormSchema))
  const values = form.values
  if (!form.success) {
    const errors = form.fieldErrors
    return data({ errors, values, version: record.version, conflict: null }, { status: 400 })
  }
  const { version, ...fields } = form.data
  const result = await updateDocument(db, {
    actor: auditActor(request, user),
    id: record.id,
    version,
    fields,
    viewer: user,
  })
  if (!result.ok && result.reason === 'unknown_issuer') {
    const errors = { issuerId: ['Choose an issuer from the list'] }
    return data({ errors, values, version: record.version, conflict: null }, { status: 400 })
  }
  if (!result.ok) {
    const actors = await listActorOptions(db, { viewer: user })
    const conflict = {
      changedBy: result.current.updatedByName ?? 'someone',
      changedAt: new Date(result.current.updatedAt).toISOString(),
      differences: documentDifferences(
        documentToFormValues(result.current),
        values,
        new Map(actors.map((a) => [String(a.id), a.name])),
      ),
    }
    // The form now carries the current version: saving again deliberately replaces what is saved.
    return data({ errors: {}, values, version: result.current.version, conflict }, { status: 409 })
  }
  return redirect(`/documents/${record.id}`)
}

export default function EditDocumentPage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-document-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/documents/${loaded.id}`}>← Back to the document</Link>
      </p>
      <h1 id="edit-document-title">Edit document</h1>
      <DocumentForm
        defaults={actionData?.values ?? loaded.values}
        errors={actionData?.errors}
        actors={loaded.actors}
        version={actionData?.version ?? loaded.version}
        conflict={actionData?.conflict}
        submitLabel="Save changes"
        cancelTo={`/documents/${loaded.id}`}
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `Edit ${loaded.title} · Case tracker` : 'Edit document · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
