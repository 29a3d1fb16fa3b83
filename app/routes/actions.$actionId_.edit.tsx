import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ActionForm } from '~/components/action-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { actionDifferences, actionToFormValues, readActionFormData } from '~/domain/schemas.server'
import { VersionSchema } from '~/domain/schemas.server'
import { labelOf } from '~/domain/vocabularies'
import {
  checkActionReferences,
  getActionForUser,
  getActionFormOptions,
  type ActionRecord,
} from '~/models/action.server'
import { loadFormSources, updateAction } from '~/models/action-write.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

const formValues = (record: ActionRecord) =>
  actionToFormValues({ ...record, caseIds: record.cases.map((c) => c.id) })

async function load(request: Request, actionId: string | undefined) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const record = await getActionForUser(db, { id: idParam(actionId), viewer: user })
  invariantResponse(record)
  return { user, db, record }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, record } = await load(request, params.actionId)
  return {
    id: record.id,
    name: record.title || labelOf(record.kind),
    version: record.version,
    values: formValues(record),
    sources: record.sources,
    options: await getActionFormOptions(db, { viewer: user }),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await load(request, params.actionId)
  const form = await readActionFormData(request)
  const sources = await loadFormSources(db, {
    ...form,
    search: form.kind === 'search',
    viewer: user,
  })
  const version = await parseForm(form.raw, VersionSchema)
  const answer = {
    values: form.values,
    sourceQuery: form.sourceQuery,
    version: version.success ? version.data.version : record.version,
    conflict: null,
    ...sources,
  }
  if (form.kind === 'search') return data({ ...answer, errors: {} })
  if (form.kind === 'invalid' || !version.success) {
    const errors = {
      ...(form.kind === 'invalid' ? form.errors : {}),
      ...version.fieldErrors,
    }
    return data({ ...answer, errors }, { status: 400 })
  }
  const { fields, caseIds, sourceIds, newSource } = form.input
  const errors = await checkActionReferences(db, {
    viewer: user,
    fields,
    caseIds,
    sourceIds,
    newSourceUrl: newSource?.url,
  })
  if (Object.keys(errors).length) return data({ ...answer, errors }, { status: 400 })
  const result = await updateAction(db, {
    actor: auditActor(request, user),
    viewer: user,
    id: record.id,
    version: version.data.version,
    ...form.input,
  })
  if (result.ok) return redirect(`/actions/${record.id}`)
  invariantResponse(result.current)
  const options = await getActionFormOptions(db, { viewer: user })
  const conflict = {
    changedBy: result.current.updatedByName ?? 'someone',
    changedAt: new Date(result.current.updatedAt).toISOString(),
    differences: actionDifferences(formValues(result.current), form.values, {
      actors: new Map(options.actors.map((a) => [String(a.id), a.name])),
      cases: new Map(options.cases.map((c) => [String(c.id), c.fullName])),
      documents: new Map(options.documents.map((d) => [String(d.id), d.title])),
    }),
  }
  // The form now carries the current version: saving again deliberately replaces what is saved.
  return data({ ...answer, errors: {}, version: result.current.version, conflict }, { status: 409 })
}

export default function EditActionPage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-action-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/actions/${loaded.id}`}>← Back to the action</Link>
      </p>
      <h1 id="edit-action-title">Edit action</h1>
      <ActionForm
        defaults={actionData?.values ?? loaded.values}
        errors={actionData?.errors}
        options={loaded.options}
        selectedSources={actionData?.selectedSources ?? loaded.sources}
        foundSources={actionData?.foundSources}
        sourceQuery={actionData?.sourceQuery}
        version={actionData?.version ?? loaded.version}
        conflict={actionData?.conflict}
        submitLabel="Save changes"
        cancelTo={`/actions/${loaded.id}`}
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `Edit ${loaded.name} · Case tracker` : 'Edit action · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
