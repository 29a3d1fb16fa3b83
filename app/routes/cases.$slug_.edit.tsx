import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { CaseForm } from '~/components/case-form'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { caseDifferences, caseToFormValues } from '~/domain/case-form-values'
import { CaseFormSchema, withCaseAccessRule, withVersion } from '~/domain/schemas.server'
import { can } from '~/domain/permissions'
import { getCaseForUser, updateCase } from '~/models/case.server'
import { isKnownUser, listPossibleOwners } from '~/models/user-list.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { invariantResponse } from '~/utils/invariant'
import { auditActor } from '~/utils/request.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const record = await getCaseForUser(db, { slug: params.slug ?? '', viewer: user })
  invariantResponse(record)
  return {
    slug: record.slug,
    fullName: record.fullName,
    version: record.version,
    values: caseToFormValues(record),
    owners: await listPossibleOwners(db),
    canManageAccess: can(user.role, 'manage:access'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const record = await getCaseForUser(db, { slug: params.slug ?? '', viewer: user })
  invariantResponse(record)
  const form = await parseForm(request, withVersion(CaseFormSchema), {
    arrayFields: ['grounds'],
    prepare: (fields) => withCaseAccessRule(fields, { role: user.role, kept: record }),
  })
  const values = form.values
  if (!form.success) {
    const errors = form.fieldErrors
    return data({ errors, values, version: record.version, conflict: null }, { status: 400 })
  }
  const { version, ...fields } = form.data
  if (fields.ownerId !== null && !(await isKnownUser(db, fields.ownerId))) {
    const errors = { ownerId: ['Choose an owner from the list'] }
    return data({ errors, values, version: record.version, conflict: null }, { status: 400 })
  }
  const result = await updateCase(db, {
    actor: auditActor(request, user),
    id: record.id,
    version,
    fields,
  })
  if (!result.ok) {
    const owners = await listPossibleOwners(db)
    const ownerNames = new Map(owners.map((o) => [String(o.id), o.name]))
    const conflict = {
      changedBy: result.current.updatedByName ?? 'someone',
      changedAt: new Date(result.current.updatedAt).toISOString(),
      differences: caseDifferences(caseToFormValues(result.current), values, ownerNames),
    }
    // The form now carries the current version: saving again deliberately replaces what is saved.
    return data({ errors: {}, values, version: result.current.version, conflict }, { status: 409 })
  }
  return redirect(`/cases/${result.slug}`)
}

export default function EditCasePage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-case-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/cases/${loaded.slug}`}>← Back to {loaded.fullName}</Link>
      </p>
      <h1 id="edit-case-title">Edit case</h1>
      <CaseForm
        defaults={actionData?.values ?? loaded.values}
        errors={actionData?.errors}
        owners={loaded.owners}
        canManageAccess={loaded.canManageAccess}
        version={actionData?.version ?? loaded.version}
        conflict={actionData?.conflict}
        submitLabel="Save changes"
        cancelTo={`/cases/${loaded.slug}`}
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `Edit ${loaded.fullName} · Case tracker` : 'Edit case · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
