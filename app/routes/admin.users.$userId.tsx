import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { OneTimePassword } from '~/components/admin-one-time-password'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SelectField } from '~/components/form-fields'
import { formatTimestamp } from '~/domain/dates'
import { ROLES, labelOf } from '~/domain/vocabularies'
import { IntentSchema } from '~/domain/route-schemas.server'
import {
  changeUserRole,
  getUserForAdmin,
  resetUserPassword,
  setUserDisabled,
} from '~/models/user-admin.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'

const NOTICES = {
  role: 'The role was changed.',
  disabled: 'The account was disabled and its sessions ended.',
  enabled: 'The account was enabled. Its old password works again.',
  unchanged: 'Nothing changed: the account was already like that.',
} as const

async function requireAccount(request: Request, userIdParam: string | undefined) {
  const admin = await requirePermission(request, 'manage:users')
  const userId = /^\d{1,9}$/.test(userIdParam ?? '') ? Number(userIdParam) : 0
  const db = await getDb()
  const account = userId ? await getUserForAdmin(db, userId) : undefined
  invariantResponse(account)
  return { admin, db, account }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, account } = await requireAccount(request, params.userId)
  const search = new URL(request.url).searchParams
  const notice = search.get('notice')
  return {
    account: {
      ...account,
      createdAt: formatTimestamp(account.createdAt),
      disabledAt: account.disabledAt ? formatTimestamp(account.disabledAt) : null,
    },
    isSelf: admin.id === account.id,
    // The Disable link leads here first: a second button on the page confirms (works without JS).
    confirmDisable: search.get('confirm') === 'disable',
    notice: notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
  }
}

const SELF_REFUSED = {
  role: 'You cannot change your own role: ask another admin.',
  disable: 'You cannot disable your own account: ask another admin.',
  reset: 'You cannot reset your own password here: change it on your Account page.',
} as const

type Intent = 'role' | 'disable' | 'enable' | 'reset'

function refused(intent: Intent, message: string, status = 400) {
  return data({ intent, error: message, password: null, errors: null }, { status })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, db, account } = await requireAccount(request, params.userId)
  const parsed = await parseForm(request, IntentSchema)
  if (!parsed.success)
    return data(
      {
        intent: 'role' as Intent,
        error: null,
        password: null,
        errors: parsed.fieldErrors,
      },
      { status: 400 },
    )
  const form = parsed.data
  const actor = auditActor(request, admin)
  const back = (notice: keyof typeof NOTICES) =>
    redirect(`/admin/users/${account.id}?notice=${notice}`)
  if (form.intent === 'reset') {
    const result = await resetUserPassword(db, { actor, userId: account.id })
    if (!result.ok) return refused('reset', SELF_REFUSED.reset)
    // The new password is in this response only: not stored in clear, not in a URL, not cached.
    return data(
      { intent: 'reset' as Intent, error: null, password: result.password, errors: null },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  }
  if (form.intent === 'role') {
    const result = await changeUserRole(db, { actor, userId: account.id, ...form })
    if (result.ok) return back('role')
    if (result.reason === 'unchanged') return back('unchanged')
    if (result.reason === 'stale')
      return refused(
        'role',
        'Someone changed this account while you were looking at it. Nothing was saved: check the role below and choose again.',
        409,
      )
    return refused('role', SELF_REFUSED.role)
  }
  const disabled = form.intent === 'disable'
  const result = await setUserDisabled(db, { actor, userId: account.id, disabled })
  if (result.ok) return back(disabled ? 'disabled' : 'enabled')
  if (result.reason === 'unchanged') return back('unchanged')
  return refused(form.intent, SELF_REFUSED.disable)
}

export default function AdminUserPage() {
  const { account, isSelf, confirmDisable, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errorFor = (intent: Intent) =>
    actionData?.intent === intent && actionData.error ? (
      <p className="field__error" role="alert">
        {actionData.error}
      </p>
    ) : null
  return (
    <section aria-labelledby="user-title" className="narrow admin-page">
      <AdminNav />
      <p className="breadcrumb">
        <Link to="/admin/users">← All users</Link>
      </p>
      <h1 id="user-title">
        {account.name}{' '}
        {account.disabledAt ? (
          <span className="badge badge--danger">Disabled</span>
        ) : (
          <span className="badge badge--ok">Active</span>
        )}
      </h1>
      <dl className="account-page__facts">
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>Role</dt>
        <dd>{labelOf(account.role)}</dd>
        <dt>Created</dt>
        <dd>{account.createdAt}</dd>
        {account.disabledAt ? (
          <>
            <dt>Disabled</dt>
            <dd>{account.disabledAt}</dd>
          </>
        ) : null}
        <dt>Signed in now</dt>
        <dd>
          {account.sessionCount === 0
            ? 'No open sessions'
            : `${account.sessionCount} open session${account.sessionCount === 1 ? '' : 's'}`}
        </dd>
      </dl>
      <p>
        <Link to={`/admin/activity?user=${account.id}`}>What {account.name} did</Link>
      </p>
      {notice ? (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      ) : null}
      {actionData?.password ? (
        <OneTimePassword password={actionData.password} name={account.name} />
      ) : null}

      <section aria-labelledby="role-title" className="panel">
        <h2 id="role-title">Role</h2>
        {isSelf ? (
          <>
            <p className="muted">You cannot change your own role; another admin can.</p>
            {errorFor('role')}
          </>
        ) : (
          <Form method="post" className="form form--inline" noValidate key={account.version}>
            <input type="hidden" name="intent" value="role" />
            <input type="hidden" name="version" value={account.version} />
            <SelectField
              name="role"
              label="Role"
              options={ROLES}
              defaultValue={account.role}
              errors={actionData?.intent === 'role' ? (actionData.errors ?? undefined) : undefined}
            />
            <button type="submit" className="button button--primary" disabled={busy}>
              Change role
            </button>
            {errorFor('role')}
          </Form>
        )}
      </section>

      <section aria-labelledby="password-title" className="panel">
        <h2 id="password-title">Password</h2>
        {isSelf ? (
          <>
            <p className="muted">
              Change your own password on your <Link to="/account">Account page</Link>.
            </p>
            {errorFor('reset')}
          </>
        ) : (
          <details className="admin-confirm">
            <summary className="button">Reset password…</summary>
            <Form method="post" className="confirm-box">
              <p>
                <strong>Give {account.name} a new one-time password?</strong> Their current password
                stops working and they are signed out everywhere at once.
              </p>
              <input type="hidden" name="intent" value="reset" />
              <div className="confirm-box__buttons">
                <button type="submit" className="button button--danger" disabled={busy}>
                  Yes, reset the password
                </button>
              </div>
              {errorFor('reset')}
            </Form>
          </details>
        )}
      </section>

      <section aria-labelledby="status-title" className="panel">
        <h2 id="status-title">Access to the tracker</h2>
        {account.disabledAt ? (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="enable" />
            <p>This account is disabled: it cannot sign in.</p>
            <button type="submit" className="button button--primary" disabled={busy}>
              Enable the account
            </button>
            {errorFor('enable')}
          </Form>
        ) : isSelf ? (
          <>
            <p className="muted">You cannot disable your own account; another admin can.</p>
            {errorFor('disable')}
          </>
        ) : confirmDisable ? (
          <Form method="post" className="confirm-box" aria-labelledby="confirm-title">
            <p id="confirm-title">
              <strong>Disable {account.name}’s account?</strong> They are signed out at once and
              cannot sign in until an admin enables the account again. Nothing they recorded is
              removed.
            </p>
            <input type="hidden" name="intent" value="disable" />
            <div className="confirm-box__buttons">
              <button type="submit" className="button button--danger" disabled={busy}>
                Yes, disable the account
              </button>
              <Link to="." className="button" preventScrollReset>
                Cancel
              </Link>
            </div>
            {errorFor('disable')}
          </Form>
        ) : (
          <p>
            <Link to="?confirm=disable" className="button button--danger" preventScrollReset>
              Disable the account…
            </Link>
          </p>
        )}
      </section>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.account.name} · Users · Case tracker` : 'User · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
