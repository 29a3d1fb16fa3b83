import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { CaseForm } from '~/components/case-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { CaseFormSchema, NEW_CASE_ACCESS, withCaseAccessRule } from '~/domain/schemas.server'
import { can } from '~/domain/permissions'
import { createCase } from '~/models/case.server'
import { isKnownUser, listPossibleOwners } from '~/models/user-list.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  return {
    owners: await listPossibleOwners(await getDb()),
    userId: user.id,
    canManageAccess: can(user.role, 'manage:access'),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const form = await parseForm(request, CaseFormSchema, {
    arrayFields: ['grounds'],
    prepare: (fields) => withCaseAccessRule(fields, { role: user.role, kept: NEW_CASE_ACCESS }),
  })
  if (!form.success) return data({ errors: form.fieldErrors, values: form.values }, { status: 400 })
  const db = await getDb()
  if (form.data.ownerId !== null && !(await isKnownUser(db, form.data.ownerId))) {
    const errors = { ownerId: ['Choose an owner from the list'] }
    return data({ errors, values: form.values }, { status: 400 })
  }
  const created = await createCase(db, {
    actor: auditActor(request, user),
    fields: form.data,
    creator: user,
  })
  return redirect(`/cases/${created.slug}`)
}

export default function NewCasePage() {
  const { owners, userId, canManageAccess } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="new-case-title" className="narrow">
      <p className="breadcrumb">
        <Link to="/cases">← All cases</Link>
      </p>
      <h1 id="new-case-title">New case</h1>
      <p className="muted">
        The custody state, legal stage and detention start come from the timeline: record events
        after creating the case.
      </p>
      <CaseForm
        defaults={actionData?.values ?? { ownerId: String(userId) }}
        errors={actionData?.errors}
        owners={owners}
        canManageAccess={canManageAccess}
        submitLabel="Create case"
        cancelTo="/cases"
      />
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'New case · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
