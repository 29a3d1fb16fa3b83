import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { VisibilityBadge } from '~/components/badges'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { formatTimestamp } from '~/domain/dates'
import { labelOf } from '~/domain/vocabularies'
import { AccessSchema } from '~/domain/route-schemas.server'
import { parseForm } from '~/utils/forms'
import {
  grantCaseAccess,
  listCaseAccess,
  listGrantableUsers,
  revokeCaseAccess,
} from '~/models/case-access.server'
import { getCaseForUser } from '~/models/case.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

const NOTICES = {
  granted: 'Access granted to NAME.',
  already_granted: 'Nothing changed: NAME already had access.',
  revoked: 'Access revoked for NAME.',
  not_granted: 'Nothing changed: NAME had no access to revoke.',
} as const

const asGrantee = (user: { id: number; name: string }) => ({ userId: user.id, name: user.name })

/** The message after a grant or revoke (names come from the database, not from the URL). */
function noticeText(search: URLSearchParams, users: { userId: number; name: string }[]) {
  const notice = search.get('notice')
  if (!notice || !(notice in NOTICES)) return null
  const name = users.find((user) => user.userId === Number(search.get('user')))?.name
  return NOTICES[notice as keyof typeof NOTICES].replace('NAME', name ?? 'the user')
}

async function requireCase(request: Request, slug: string | undefined) {
  const user = await requirePermission(request, 'manage:access')
  const db = await getDb()
  const record = await getCaseForUser(db, { slug: slug ?? '', viewer: user })
  invariantResponse(record)
  return { user, db, record }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, record } = await requireCase(request, params.slug)
  const url = new URL(request.url)
  const [grants, candidates] = await Promise.all([
    listCaseAccess(db, { caseId: record.id }),
    listGrantableUsers(db, { caseId: record.id }),
  ])
  return {
    record: { slug: record.slug, fullName: record.fullName, visibility: record.visibility },
    grants: grants.map((grant) => ({ ...grant, grantedAt: formatTimestamp(grant.grantedAt) })),
    candidates,
    // The Revoke link leads here first: a second button on the page confirms (works without JS).
    confirmRevoke: Number(url.searchParams.get('revoke')) || null,
    notice: noticeText(url.searchParams, [...grants, ...candidates.map(asGrantee)]),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireCase(request, params.slug)
  const parsed = await parseForm(request, AccessSchema)
  const userId = typeof parsed.values.userId === 'string' ? parsed.values.userId : ''
  if (!parsed.success) {
    const intent = typeof parsed.values.intent === 'string' ? parsed.values.intent : ''
    return data({ fieldErrors: parsed.fieldErrors, intent, userId }, { status: 400 })
  }
  const change = parsed.data.intent === 'grant' ? grantCaseAccess : revokeCaseAccess
  const result = await change(db, {
    actor: auditActor(request, user),
    caseId: record.id,
    userId: parsed.data.userId,
  })
  if (!result.ok) {
    const message =
      parsed.data.intent === 'grant'
        ? 'Choose an active editor or viewer from the list'
        : 'There is no such user'
    return data(
      { fieldErrors: { userId: [message] }, intent: parsed.data.intent, userId },
      { status: 400 },
    )
  }
  const search = new URLSearchParams({ notice: result.status, user: String(parsed.data.userId) })
  return redirect(`/cases/${record.slug}/access?${search}`)
}

export default function CaseAccessPage() {
  const { record, grants, candidates, confirmRevoke, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const errors = actionData?.fieldErrors as Partial<Record<'intent' | 'userId', string[]>>
  const grantError = actionData?.intent === 'grant' ? errors?.userId?.[0] : undefined
  const otherError = grantError ? undefined : (errors?.userId?.[0] ?? errors?.intent?.[0])
  const confirming = grants.find((grant) => grant.userId === confirmRevoke)
  return (
    <section aria-labelledby="access-title" className="access-page">
      <p className="breadcrumb">
        <Link to={`/cases/${record.slug}`}>← Back to {record.fullName}</Link>
      </p>
      <h1 id="access-title">Access to {record.fullName}</h1>
      <p className="alert alert--info access-page__note">
        <VisibilityBadge visibility={record.visibility} />{' '}
        {record.visibility === 'restricted'
          ? 'This case is restricted: besides admins, only the users listed here can see it.'
          : `This case is ${labelOf(record.visibility).toLowerCase()}, so every signed-in user can see it. The grants below matter only while its visibility is “Restricted”.`}
      </p>
      {notice ? (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      ) : null}
      {otherError ? (
        <p className="alert alert--error" role="alert">
          {otherError}
        </p>
      ) : null}

      <section aria-labelledby="granted-title" className="panel">
        <h2 id="granted-title">Users with access</h2>
        {grants.length === 0 ? (
          <p className="empty-state">No one has been granted access. Admins always have access.</p>
        ) : (
          <div className="table-wrap table-wrap--flat">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Granted by</th>
                  <th scope="col">Granted</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {grants.map((grant) => (
                  <tr key={grant.userId}>
                    <th scope="row">
                      {grant.name}
                      {grant.disabledAt ? <span className="muted"> (disabled)</span> : null}
                    </th>
                    <td>{grant.email}</td>
                    <td>{labelOf(grant.role)}</td>
                    <td>{grant.grantedByName ?? 'System'}</td>
                    <td>{grant.grantedAt}</td>
                    <td className="access-page__actions">
                      {confirming?.userId === grant.userId ? (
                        <span className="muted">Confirm below</span>
                      ) : (
                        <Link
                          className="button button--quiet"
                          to={`?revoke=${grant.userId}`}
                          preventScrollReset
                        >
                          Revoke<span className="visually-hidden"> access for {grant.name}</span>
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {confirming ? (
          <Form method="post" className="confirm-box" aria-labelledby="confirm-title">
            <p id="confirm-title">
              <strong>
                Revoke {confirming.name}’s access to {record.fullName}?
              </strong>{' '}
              {record.visibility === 'restricted'
                ? 'They will no longer see this case.'
                : 'They keep seeing it while the case is not restricted.'}
            </p>
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="userId" value={confirming.userId} />
            <div className="confirm-box__buttons">
              <button type="submit" className="button button--danger" disabled={busy}>
                Yes, revoke access
              </button>
              <Link to="." className="button" preventScrollReset>
                Cancel
              </Link>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="grant-title" className="panel">
        <h2 id="grant-title">Grant access</h2>
        {candidates.length === 0 ? (
          <p className="empty-state">Every active editor and viewer already has access.</p>
        ) : (
          <Form method="post" className="form form--inline" noValidate>
            <input type="hidden" name="intent" value="grant" />
            <div className="field">
              <label htmlFor="grant-user">User</label>
              <select
                id="grant-user"
                name="userId"
                defaultValue={actionData?.intent === 'grant' ? actionData.userId : ''}
                aria-invalid={grantError ? true : undefined}
                aria-describedby={grantError ? 'grant-user-error' : 'grant-user-hint'}
              >
                <option value="">Choose a user…</option>
                {candidates.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name} — {candidate.email} ({labelOf(candidate.role)})
                  </option>
                ))}
              </select>
              {grantError ? (
                <p id="grant-user-error" className="field__error">
                  {grantError}
                </p>
              ) : (
                <p id="grant-user-hint" className="field__hint">
                  Active editors and viewers without access. Admins see every case already.
                </p>
              )}
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>
              Grant access
            </button>
          </Form>
        )}
      </section>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `Access · ${data.record.fullName} · Case tracker` : 'Access · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
