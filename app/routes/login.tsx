import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { LoginSchema } from '~/domain/route-schemas.server'
import { parseForm } from '~/utils/forms'
import {
  beginSignInAttempt,
  recordFailedSignIn,
  recordSuccessfulSignIn,
} from '~/models/sign-in-attempts.server'
import { verifyLogin } from '~/models/user.server'
import { getOptionalUser, safeRedirect, signIn } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { requestIdOf } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo')))
  return null
}

const WRONG_CREDENTIALS = 'The email or password is not correct.'

function tooManyAttempts(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, LoginSchema)
  // The email is typed again into the form; the password never is.
  const email = typeof parsed.values.email === 'string' ? parsed.values.email : ''
  if (!parsed.success) {
    return data({ fieldErrors: parsed.fieldErrors, formError: null, email }, { status: 400 })
  }
  const db = await getDb()
  const requestId = requestIdOf(request)
  // Counted before the password is checked: over the limit, the password is not looked at.
  const check = await beginSignInAttempt(db, {
    email: parsed.data.email,
    address: context.clientAddress ?? 'unknown',
  })
  if (!check.allowed) {
    return data(
      { fieldErrors: {}, formError: tooManyAttempts(check.retryAfterSeconds), email },
      { status: 429, headers: { 'Retry-After': String(check.retryAfterSeconds) } },
    )
  }
  const user = await verifyLogin(db, parsed.data)
  if (!user) {
    await recordFailedSignIn(db, { attempt: check.attempt, requestId })
    return data({ fieldErrors: {}, formError: WRONG_CREDENTIALS, email }, { status: 400 })
  }
  await recordSuccessfulSignIn(db, { attempt: check.attempt, userId: user.id, requestId })
  return signIn(request, { userId: user.id, redirectTo: safeRedirect(parsed.data.redirectTo) })
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const redirectTo = searchParams.get('redirectTo') ?? '/dashboard'
  const errors = actionData?.fieldErrors as
    Partial<Record<'email' | 'password', string[]>> | undefined
  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      <p className="muted">Case tracker for human-rights advocacy. Case data is confidential.</p>
      {actionData?.formError ? (
        <p className="alert alert--error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className="field">
          <label htmlFor="email">Email</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData?.email}
            aria-invalid={errors?.email ? true : undefined}
            aria-describedby={errors?.email ? 'email-error' : undefined}
          />
          {errors?.email ? (
            <p id="email-error" className="field__error">
              {errors.email[0]}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={errors?.password ? true : undefined}
            aria-describedby={errors?.password ? 'password-error' : undefined}
          />
          {errors?.password ? (
            <p id="password-error" className="field__error">
              {errors.password[0]}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={navigation.state === 'submitting'}
        >
          {navigation.state === 'submitting' ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Sign in · Case tracker' }]
