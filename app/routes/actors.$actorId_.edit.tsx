import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ActorForm } from '~/components/actor-form'
import type { Conflict } from '~/domain/conflict'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { FieldErrors } from '~/utils/forms'
import { ACTOR_FIELD_LABELS, ActorFormSchema, actorToFormValues } from '~/domain/schemas.server'
import { withVersion } from '~/domain/schemas.server'
import { formDifferences } from '~/domain/schemas.server'
import { getActor, updateActor } from '~/models/actor.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

async function requireActor(request: Request, actorId: string | undefined) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const record = await getActor(db, { id: idParam(actorId), viewer: user })
  invariantResponse(record)
  return { user, db, record }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record } = await requireActor(request, params.actorId)
  return {
    id: record.id,
    name: record.name,
    version: record.version,
    values: actorToFormValues(record),
  }
}

type Answer = { errors: FieldErrors; version: number; conflict: Conflict | null }

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireActor(request, params.actorId)
  const form = await parseForm(request, withVersion(ActorFormSchema))
  const values = form.values
  const answer = (status: number, extra: Partial<Answer>) => {
    const base: Answer = { errors: {}, version: record.version, conflict: null }
    return data({ ...base, ...extra, values }, { status })
  }
  if (!form.success) return answer(400, { errors: form.fieldErrors })
  const { version, ...fields } = form.data
  const result = await updateActor(db, {
    actor: auditActor(request, user),
    id: record.id,
    version,
    fields,
  })
  if (result.ok) return redirect(`/actors/${record.id}`)
  // The form now carries the current version: saving again deliberately replaces what is saved.
  return answer(409, {
    version: result.current.version,
    conflict: {
      changedBy: result.current.updatedByName ?? 'someone',
      changedAt: new Date(result.current.updatedAt).toISOString(),
      differences: formDifferences(ACTOR_FIELD_LABELS, actorToFormValues(result.current), values),
    },
  })
}

export default function EditActorPage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-actor-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/actors/${loaded.id}`}>← Back to {loaded.name}</Link>
      </p>
      <h1 id="edit-actor-title">Edit actor</h1>
      <ActorForm
        defaults={actionData?.values ?? loaded.values}
        errors={actionData?.errors}
        version={actionData?.version ?? loaded.version}
        conflict={actionData?.conflict}
        submitLabel="Save changes"
        cancelTo={`/actors/${loaded.id}`}
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `Edit ${loaded.name} · Case tracker` : 'Edit actor · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
