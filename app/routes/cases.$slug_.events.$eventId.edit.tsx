import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EventForm } from '~/components/event-form'
import { EventFormSchema, withVersion } from '~/domain/schemas.server'
import { labelOf } from '~/domain/vocabularies'
import { getSourcesByIds } from '~/models/source.server'
import { getStatusEvent, updateStatusEvent } from '~/models/status-event.server'
import { idParam } from '~/utils/route-params'
import { requireEditableCase } from '~/guards/editable-case.server'
import { eventToFormValues, readEventForm } from '~/guards/event-form.server'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, record } = await requireEditableCase(request, params.slug)
  const event = await getStatusEvent(db, { caseId: record.id, eventId: idParam(params.eventId) })
  invariantResponse(event)
  return {
    slug: record.slug,
    fullName: record.fullName,
    version: event.version,
    values: eventToFormValues(event),
    selectedSources: await getSourcesByIds(
      db,
      event.citations.map((c) => c.sourceId),
    ),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireEditableCase(request, params.slug)
  const eventId = idParam(params.eventId)
  const event = await getStatusEvent(db, { caseId: record.id, eventId })
  invariantResponse(event)
  const viewer = { id: user.id, role: user.role }
  const form = await readEventForm(db, request, viewer, withVersion(EventFormSchema))
  const base = { conflict: null, version: event.version }
  if (form.kind === 'search') return data({ ...form, ...base, errors: {} })
  if (form.kind === 'invalid')
    return data({ ...form, ...base, foundSources: null }, { status: 400 })
  const { version, ...input } = form.input
  const result = await updateStatusEvent(db, {
    actor: auditActor(request, user),
    caseId: record.id,
    eventId,
    version,
    ...input,
  })
  if (!result.ok) {
    const saved = eventToFormValues(result.current)
    const differences = Object.entries(saved)
      .filter(([field, value]) => (form.values[field] ?? '') !== value)
      .map(([field, value]) => ({
        field,
        label: labelOf(field.replace(/([A-Z])/g, '_$1').toLowerCase()),
        saved: value,
        typed: String(form.values[field] ?? ''),
      }))
    const conflict = {
      changedBy: result.current.updatedByName ?? 'someone',
      changedAt: new Date(result.current.updatedAt).toISOString(),
      differences,
    }
    return data(
      { ...form, errors: {}, foundSources: null, conflict, version: result.current.version },
      { status: 409 },
    )
  }
  return redirect(`/cases/${record.slug}#timeline-title`)
}

export default function EditEventPage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="edit-event-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/cases/${loaded.slug}`}>← Back to {loaded.fullName}</Link>
      </p>
      <h1 id="edit-event-title">Edit an event of {loaded.fullName}</h1>
      <EventForm
        defaults={actionData?.values ?? loaded.values}
        errors={actionData?.errors}
        selectedSources={actionData?.selectedSources ?? loaded.selectedSources}
        foundSources={actionData?.foundSources}
        sourceQuery={actionData?.sourceQuery}
        version={actionData?.version ?? loaded.version}
        conflict={actionData?.conflict}
        submitLabel="Save event"
        cancelTo={`/cases/${loaded.slug}`}
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? `Edit an event · ${loaded.fullName} · Case tracker`
      : 'Edit an event · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
