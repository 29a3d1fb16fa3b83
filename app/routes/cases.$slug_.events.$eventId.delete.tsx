// Deleting an event asks first: this page is the confirmation, and works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { CustodyBadge, LegalStageBadge } from '~/components/badges'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatPartialDate } from '~/domain/dates'
import { deleteStatusEvent, getStatusEvent } from '~/models/status-event.server'
import { idParam } from '~/utils/route-params'
import { requireEditableCase } from '~/guards/editable-case.server'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, record } = await requireEditableCase(request, params.slug)
  const event = await getStatusEvent(db, { caseId: record.id, eventId: idParam(params.eventId) })
  invariantResponse(event)
  return { slug: record.slug, fullName: record.fullName, event }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireEditableCase(request, params.slug)
  const deleted = await deleteStatusEvent(db, {
    actor: auditActor(request, user),
    caseId: record.id,
    eventId: idParam(params.eventId),
  })
  invariantResponse(deleted)
  return redirect(`/cases/${record.slug}#timeline-title`)
}

export default function DeleteEventPage() {
  const { slug, fullName, event } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  return (
    <section aria-labelledby="delete-event-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/cases/${slug}`}>← Back to {fullName}</Link>
      </p>
      <h1 id="delete-event-title">Delete this event?</h1>
      <div className="panel">
        <p>
          <strong>
            {formatPartialDate({ date: event.eventDate, precision: event.datePrecision })}
          </strong>{' '}
          <CustodyBadge state={event.custodyState} /> <LegalStageBadge stage={event.legalStage} />
        </p>
        <p>{event.description || <span className="muted">No description.</span>}</p>
        <p className="muted">
          {event.citations.length === 1
            ? 'It cites 1 source'
            : `It cites ${event.citations.length} sources`}
          ; the sources stay in the library. The case’s current state will be worked out again from
          the remaining events. The deletion is recorded in the case history.
        </p>
      </div>
      <Form method="post" className="form-actions">
        <button
          type="submit"
          className="button button--danger"
          disabled={navigation.state === 'submitting'}
        >
          {navigation.state === 'submitting' ? 'Deleting…' : 'Delete event'}
        </button>
        <Link to={`/cases/${slug}`} className="button">
          Keep it
        </Link>
      </Form>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? `Delete an event · ${loaded.fullName} · Case tracker`
      : 'Delete an event · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
