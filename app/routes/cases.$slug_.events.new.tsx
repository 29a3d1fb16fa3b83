import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { EventForm } from '~/components/event-form'
import { recordStatusEvent } from '~/models/status-event.server'
import { requireEditableCase } from '~/guards/editable-case.server'
import { EventFormSchema } from '~/domain/schemas.server'
import { readEventForm } from '~/guards/event-form.server'
import { auditActor } from '~/utils/request.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record } = await requireEditableCase(request, params.slug)
  return { slug: record.slug, fullName: record.fullName }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireEditableCase(request, params.slug)
  const viewer = { id: user.id, role: user.role }
  const form = await readEventForm(db, request, viewer, EventFormSchema)
  if (form.kind === 'search') return data({ ...form, errors: {} })
  if (form.kind === 'invalid') return data({ ...form, foundSources: null }, { status: 400 })
  await recordStatusEvent(db, {
    actor: auditActor(request, user),
    caseId: record.id,
    ...form.input,
  })
  return redirect(`/cases/${record.slug}#timeline-title`)
}

export default function NewEventPage() {
  const { slug, fullName } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <section aria-labelledby="new-event-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/cases/${slug}`}>← Back to {fullName}</Link>
      </p>
      <h1 id="new-event-title">Record an event for {fullName}</h1>
      <EventForm
        defaults={actionData?.values ?? {}}
        errors={actionData?.errors}
        selectedSources={actionData?.selectedSources ?? []}
        foundSources={actionData?.foundSources}
        sourceQuery={actionData?.sourceQuery}
        submitLabel="Record event"
        cancelTo={`/cases/${slug}`}
      />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? `Record an event · ${loaded.fullName} · Case tracker`
      : 'Record an event · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
