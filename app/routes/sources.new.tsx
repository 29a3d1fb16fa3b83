import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SourceForm } from '~/components/source-form'
import { SourceFormSchema } from '~/domain/schemas.server'
import { createSource } from '~/models/source-write.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'update:case')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const form = await parseForm(request, SourceFormSchema)
  const values = form.values
  if (!form.success)
    return data({ errors: form.fieldErrors, values, duplicate: null }, { status: 400 })
  const result = await createSource(await getDb(), {
    actor: auditActor(request, user),
    fields: form.data,
    viewer: user,
  })
  if (!result.ok) return data({ errors: {}, values, duplicate: result.existing }, { status: 409 })
  return redirect(`/sources/${result.id}`)
}

export default function NewSourcePage() {
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="new-source-title" className="narrow">
      <p className="breadcrumb">
        <Link to="/sources">← All sources</Link>
      </p>
      <h1 id="new-source-title">New source</h1>
      <p className="muted">
        A source is what a claim rests on: an article, an official document, a report, a testimony.
        Each web address is in the library once.
      </p>
      <SourceForm
        defaults={actionData?.values ?? {}}
        errors={actionData?.errors}
        duplicate={actionData?.duplicate}
        submitLabel="Add source"
        cancelTo="/sources"
      />
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'New source · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
