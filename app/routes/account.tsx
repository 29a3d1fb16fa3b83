import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { DigestSetting } from '~/components/digest-setting'
import { FormErrorSummary, TextField } from '~/components/form-fields'
import { DIGEST_FREQUENCIES, type DigestFrequency } from '~/domain/follow'
import { PASSWORD_MAX, PASSWORD_MIN } from '~/domain/password-length'
import { ChangePasswordSchema } from '~/domain/schemas.server'
import { labelOf } from '~/domain/vocabularies'
import { beginSignInAttempt, recordFailedSignIn } from '~/models/sign-in-attempts.server'
import { changeOwnPassword } from '~/models/user-admin.server'
import { getDigestFrequency, setDigestFrequency } from '~/models/digest.server'
import { requireUser, signIn } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { parseForm } from '~/utils/forms'
import { auditActor, requestIdOf } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const notice = new URL(request.url).searchParams.get('notice')
  const changed = notice === 'password-changed'
  // The digest setting exists only where the server can send e-mail (SMTP_URL).
  const digest = getEnv().SMTP_URL ? await getDigestFrequency(await getDb(), user.id) : null
  return {
    user: { name: user.name, email: user.email, role: user.role },
    changed,
    digest,
    digestSaved: notice === 'digest-saved',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await request.formData()
  if (form.get('intent') === 'digest') {
    const frequency = DIGEST_FREQUENCIES.find((f) => f === form.get('frequency'))
    if (!getEnv().SMTP_URL || !frequency)
      return data({ errors: { frequency: ['Choose how often.'] } }, { status: 400 })
    await setDigestFrequency(await getDb(), { userId: user.id, frequency })
    return redirect('/account?notice=digest-saved')
  }
  const parsed = await parseForm(form, ChangePasswordSchema)
  // Passwords are never sent back into the page: after an error each field is typed again.
  if (!parsed.success) return data({ errors: parsed.fieldErrors }, { status: 400 })
  const db = await getDb()
  // A stolen session must not become a way to guess the password: the current password counts
  // against the same limits as the sign-in form.
  const check = await beginSignInAttempt(db, {
    email: user.email,
    address: context.clientAddress ?? 'unknown',
  })
  if (!check.allowed) {
    const minutes = Math.ceil(check.retryAfterSeconds / 60)
    return data(
      {
        errors: {
          currentPassword: [
            `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          ],
        },
      },
      { status: 429, headers: { 'Retry-After': String(check.retryAfterSeconds) } },
    )
  }
  const result = await changeOwnPassword(db, {
    actor: auditActor(request, user),
    userId: user.id,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
  })
  if (!result.ok) {
    await recordFailedSignIn(db, { attempt: check.attempt, requestId: requestIdOf(request) })
    return data(
      { errors: { currentPassword: ['That is not your current password. Nothing was changed.'] } },
      { status: 400 },
    )
  }
  // Every session of the account ended with the change; this browser carries on in a fresh one.
  return signIn(request, { userId: user.id, redirectTo: '/account?notice=password-changed' })
}

export default function AccountPage() {
  const { user, changed, digest, digestSaved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const errors = actionData?.errors
  return (
    <section aria-labelledby="account-title" className="narrow account-page">
      <h1 id="account-title">Your account</h1>
      <dl className="account-page__facts">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{labelOf(user.role)}</dd>
      </dl>
      {changed ? (
        <p className="alert alert--success" role="status">
          Your password was changed. You were signed out everywhere else; this browser stays signed
          in.
        </p>
      ) : null}
      <section aria-labelledby="password-title" className="panel">
        <h2 id="password-title">Change your password</h2>
        <Form method="post" className="form" noValidate key={actionData ? 'retry' : 'first'}>
          <FormErrorSummary errors={errors} />
          <TextField
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            errors={errors}
          />
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A pass-phrase of a few unrelated words is long and easy to remember.`}
            errors={errors}
          />
          <TextField
            name="confirmPassword"
            label="New password again"
            type="password"
            autoComplete="new-password"
            required
            errors={errors}
          />
          <p className="field__hint">Changing it signs you out on every other device.</p>
          <div className="form-actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={navigation.state === 'submitting'}
            >
              {navigation.state === 'submitting' ? 'Changing…' : 'Change password'}
            </button>
          </div>
        </Form>
      </section>
      {digest ? <DigestSetting frequency={digest as DigestFrequency} saved={digestSaved} /> : null}
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Your account · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
