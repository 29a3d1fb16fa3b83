import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { Conflict } from '~/domain/conflict'
import type { FieldErrors } from '~/utils/forms'
import { SourceForm, type DuplicateUrl } from '~/components/source-form'
import { withVersion } from '~/domain/schemas.server'
import {
  SOURCE_FIELD_LABELS,
  SourceFormSchema,
  formDifferences,
  sourceToFormValues,
} from '~/domain/schemas.server'
import { getSource } from '~/models/source-library.server'
import { updateSource } from '~/models/source-write.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

async function requireSource(request: Request, sourceId: string | undefined) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const source = await getSource(db, { id: idParam(sourceId), viewer: user })
  invariantResponse(source)
  return { user, db, source }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { source } = await requireSource(request, params.sourceId)
  return {
    id: source.id,
    title: source.title,
    version: source.version,
    values: sourceToFormValues(source),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, source } = await requireSource(request, params.sourceId)
  const form = await parseForm(request, withVersion(SourceFormSchema))
  const values = form.values
  type Answer = {
    errors: FieldErrors
    version: number
    duplicate: DuplicateUrl | null
    conflict: Conflict | null
  }
  const answer = (status: number, extra: Partial<Answer>) => {
    const base: Answer = { errors: {}, version: source.version, duplicate: null, conflict: null }
    return data({ ...base, ...extra, values }, { status })
  }
  if (!form.success) return answer(400, { errors: form.fieldErrors })
  const { version, ...fields } = form.data
  const result = await updateSource(db, {
    actor: auditActor(request, user),
    id: source.id,
    version,
    fields,
    viewer: user,
  })
  if (result.ok) return redirect(`/sources/${source.id}`)
  if (result.reason === 'duplicate_url') return answer(409, { duplicate: result.existing })
  // The form now carries the current version: saving again deliberately replaces what is saved.
  return answer(409, {
    version: result.current.version,
    conflict: {
      changedBy: result.current.updatedByName ?? 'someone',
      changedAt: new Date(result.current.updatedAt).toISOString(),
      differences: formDifferences(SOURCE_FIELD_LABELS, sourceToFormValues(result.current), values),
    },
  })
}

export default function EditSourcePage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-source-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/sources/${loaded.id}`}>← Back to the source</Link>
      </p>
      <h1 id="edit-source-title">Edit source</h1>
      <SourceForm
        defaults={actionData?.values ?? loaded.values}
        errors={actionData?.errors}
        duplicate={actionData?.duplicate}
        version={actionData?.version ?? loaded.version}
        conflict={actionData?.conflict}
        submitLabel="Save changes"
        cancelTo={`/sources/${loaded.id}`}
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `Edit “${loaded.title}” · Case tracker` : 'Edit source · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
