// Deleting an action asks first: this page is the confirmation, and works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatPartialDate } from '~/domain/dates'
import { labelOf } from '~/domain/vocabularies'
import { getActionForUser } from '~/models/action.server'
import { deleteAction } from '~/models/action-write.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

async function load(request: Request, actionId: string | undefined) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const record = await getActionForUser(db, { id: idParam(actionId), viewer: user })
  invariantResponse(record)
  return { user, db, record }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record } = await load(request, params.actionId)
  return { record }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await load(request, params.actionId)
  const deleted = await deleteAction(db, { actor: auditActor(request, user), id: record.id })
  invariantResponse(deleted)
  return redirect('/actions')
}

export default function DeleteActionPage() {
  const { record } = useLoaderData<typeof loader>()
  const navigation = useNavigation()
  const when = formatPartialDate({ date: record.actionDate, precision: record.datePrecision })
  return (
    <section aria-labelledby="delete-action-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/actions/${record.id}`}>← Back to the action</Link>
      </p>
      <h1 id="delete-action-title">Delete this action?</h1>
      <div className="panel">
        <p>
          <strong>{when}</strong>{' '}
          <span className="badge badge--outline">{labelOf(record.kind)}</span> {record.title}
        </p>
        <p className="muted">
          {record.cases.length > 0
            ? `It is linked to ${record.cases.map((c) => c.fullName).join(', ')}. `
            : ''}
          Its sources stay in the library. The deletion is recorded in the audit log.
        </p>
      </div>
      <Form method="post" className="form-actions">
        <button
          type="submit"
          className="button button--danger"
          disabled={navigation.state === 'submitting'}
        >
          {navigation.state === 'submitting' ? 'Deleting…' : 'Delete action'}
        </button>
        <Link to={`/actions/${record.id}`} className="button">
          Keep it
        </Link>
      </Form>
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Delete an action · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
