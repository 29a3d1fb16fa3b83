import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrorSummary, SelectField, TextField } from '~/components/form-fields'
import { todayIso } from '~/domain/dates'
import { labelOf } from '~/domain/vocabularies'
import { PublishSchema } from '~/domain/route-schemas.server'
import {
  getPublishableDraft,
  listPublishTargets,
  publishStatement,
} from '~/models/statement.server'
import { ACTION_KIND_OF } from '~/statements/kinds'
import { TEMPLATE_IDS } from '~/statements/types'
import { idParam } from '~/utils/route-params'
import { requireEditableCase } from '~/guards/editable-case.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

async function loadDraft(request: Request, slug: string | undefined, documentId: string | null) {
  const { user, db, record } = await requireEditableCase(request, slug)
  const draft = await getPublishableDraft(db, {
    caseId: record.id,
    documentId: idParam(documentId ?? undefined),
    viewer: user,
  })
  invariantResponse(draft)
  return { user, db, record, draft }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const { user, db, record, draft } = await loadDraft(
    request,
    params.slug,
    url.searchParams.get('document'),
  )
  const actors = await listPublishTargets(db, { viewer: user })
  const template = TEMPLATE_IDS.find((t) => t === draft.template) ?? 'press_release'
  return {
    slug: record.slug,
    fullName: record.fullName,
    draft,
    actionKind: ACTION_KIND_OF[template],
    targets: actors.map((a) => ({ value: String(a.id), label: `${a.name} (${labelOf(a.kind)})` })),
    defaults: {
      target: url.searchParams.get('target') ?? '',
      date: draft.documentDate ?? todayIso(),
    },
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = await parseForm(request, PublishSchema)
  const { user, db, record, draft } = await loadDraft(
    request,
    params.slug,
    String(parsed.fields.document ?? ''),
  )
  if (!parsed.success) return data({ errors: parsed.fieldErrors, formError: null }, { status: 400 })
  const result = await publishStatement(db, {
    actor: auditActor(request, user),
    viewer: user,
    caseId: record.id,
    documentId: draft.id,
    targetId: parsed.data.target ? Number(parsed.data.target) : null,
    actionDate: parsed.data.date,
  })
  if (result.ok) return redirect(`/cases/${record.slug}#actions-title`)
  invariantResponse(result.reason !== 'not_found')
  const message = {
    already_published: 'This document is already published: nothing was changed.',
    not_generated: 'Only a generated statement can be published here.',
    unknown_target: 'Choose the target from the list.',
  }[result.reason]
  return data(
    { errors: result.reason === 'unknown_target' ? { target: [message] } : {}, formError: message },
    { status: result.reason === 'already_published' ? 409 : 400 },
  )
}

export default function PublishStatementPage() {
  const { slug, fullName, draft, actionKind, targets, defaults } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <section aria-labelledby="publish-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/cases/${slug}`}>← Back to {fullName}</Link>
      </p>
      <h1 id="publish-title">Publish “{draft.title}”</h1>
      {draft.status === 'published' ? (
        <p className="alert alert--info">This document is already published.</p>
      ) : (
        <Form method="post" className="form">
          <FormErrorSummary errors={result?.errors} formError={result?.formError} />
          <p>
            Publishing marks the document as published and records a{' '}
            <strong>{labelOf(actionKind).toLowerCase()}</strong> action for {fullName}.
          </p>
          <input type="hidden" name="document" value={draft.id} />
          <SelectField
            name="target"
            label="Target of the action"
            errors={result?.errors}
            defaultValue={defaults.target}
            options={targets}
            emptyLabel="(none)"
          />
          <TextField
            name="date"
            label="Date of the action"
            type="date"
            errors={result?.errors}
            defaultValue={defaults.date}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              Publish and record the action
            </button>
            <Link to={`/cases/${slug}/statement`}>Cancel</Link>
          </div>
        </Form>
      )}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `Publish · ${loaded.fullName} · Case tracker` : 'Publish · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
