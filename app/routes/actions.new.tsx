import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ActionForm } from '~/components/action-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { readActionFormData } from '~/domain/schemas.server'
import { checkActionReferences, getActionFormOptions } from '~/models/action.server'
import { createAction, loadFormSources } from '~/models/action-write.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { auditActor } from '~/utils/request.server'

/** `?case=<slug>` comes from a case page's "Record an action": that case is ticked already. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const options = await getActionFormOptions(await getDb(), { viewer: user })
  const slug = new URL(request.url).searchParams.get('case')
  const fromCase = slug ? (options.cases.find((c) => c.slug === slug) ?? null) : null
  return {
    options,
    fromCase: fromCase && { slug: fromCase.slug, fullName: fromCase.fullName },
    defaults: {
      datePrecision: 'day',
      response: 'none',
      caseIds: fromCase ? [String(fromCase.id)] : [],
    },
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const form = await readActionFormData(request)
  const sources = await loadFormSources(db, {
    ...form,
    search: form.kind === 'search',
    viewer: user,
  })
  const answer = { values: form.values, sourceQuery: form.sourceQuery, ...sources }
  if (form.kind === 'search') return data({ ...answer, errors: {} })
  if (form.kind === 'invalid') return data({ ...answer, errors: form.errors }, { status: 400 })
  const errors = await checkActionReferences(db, {
    viewer: user,
    fields: form.input.fields,
    caseIds: form.input.caseIds,
    sourceIds: form.input.sourceIds,
    newSourceUrl: form.input.newSource?.url,
  })
  if (Object.keys(errors).length) return data({ ...answer, errors }, { status: 400 })
  const created = await createAction(db, {
    actor: auditActor(request, user),
    viewer: user,
    ...form.input,
  })
  return redirect(`/actions/${created.id}`)
}

export default function NewActionPage() {
  const { options, fromCase, defaults } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const back = fromCase ? `/cases/${fromCase.slug}` : '/actions'
  return (
    <section aria-labelledby="new-action-title" className="narrow">
      <p className="breadcrumb">
        <Link to={back}>← Back to {fromCase ? fromCase.fullName : 'actions'}</Link>
      </p>
      <h1 id="new-action-title">Record an action{fromCase ? ` for ${fromCase.fullName}` : ''}</h1>
      <ActionForm
        defaults={actionData?.values ?? defaults}
        errors={actionData?.errors}
        options={options}
        selectedSources={actionData?.selectedSources ?? []}
        foundSources={actionData?.foundSources}
        sourceQuery={actionData?.sourceQuery}
        submitLabel="Record action"
        cancelTo={back}
      />
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Record an action · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
