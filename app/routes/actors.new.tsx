import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { ActorForm } from '~/components/actor-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActorFormSchema } from '~/domain/schemas.server'
import { createActor } from '~/models/actor.server'
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
  const form = await parseForm(request, ActorFormSchema)
  if (!form.success) return data({ errors: form.fieldErrors, values: form.values }, { status: 400 })
  const created = await createActor(await getDb(), {
    actor: auditActor(request, user),
    fields: form.data,
  })
  return redirect(`/actors/${created.id}`)
}

export default function NewActorPage() {
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="new-actor-title" className="narrow">
      <p className="breadcrumb">
        <Link to="/actors">← All actors</Link>
      </p>
      <h1 id="new-actor-title">New actor</h1>
      <p className="muted">
        Check the list first: an actor already there under another spelling can be merged later, but
        one record from the start is better.
      </p>
      <ActorForm
        defaults={actionData?.values ?? {}}
        errors={actionData?.errors}
        submitLabel="Add actor"
        cancelTo="/actors"
      />
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'New actor · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
