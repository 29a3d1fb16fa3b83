import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { OneTimePassword } from '~/components/admin-one-time-password'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrorSummary, SaveOrCancel, SelectField, TextField } from '~/components/form-fields'
import { ROLES, labelOf } from '~/domain/vocabularies'
import { NewUserSchema } from '~/domain/route-schemas.server'
import { createUserWithOneTimePassword } from '~/models/user-admin.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'manage:users')
  return null
}

// The one-time password goes back in this response only, never cached, never in a URL.
const NOT_STORED = { 'Cache-Control': 'no-store' }

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'manage:users')
  const form = await parseForm(request, NewUserSchema)
  if (!form.success) return data({ errors: form.fieldErrors, values: form.values }, { status: 400 })
  const result = await createUserWithOneTimePassword(await getDb(), {
    actor: auditActor(request, user),
    fields: form.data,
  })
  if (!result.ok)
    return data(
      {
        errors: { email: ['There is already an account with this email address'] },
        values: form.values,
      },
      { status: 400 },
    )
  return data({ created: result.user, password: result.password }, { headers: NOT_STORED })
}

export default function NewUserPage() {
  const actionData = useActionData<typeof action>()
  if (actionData && 'created' in actionData) {
    const { created, password } = actionData
    return (
      <section aria-labelledby="new-user-title" className="narrow admin-page">
        <AdminNav />
        <h1 id="new-user-title">Account created</h1>
        <p className="alert alert--success" role="status">
          {created.name} ({created.email}) can now sign in as {labelOf(created.role).toLowerCase()}.
        </p>
        <OneTimePassword password={password} name={created.name} />
        <p className="form-actions">
          <Link to={`/admin/users/${created.id}`} className="button">
            Open {created.name}’s account
          </Link>
          <Link to="/admin/users/new" reloadDocument className="button">
            Add another user
          </Link>
          <Link to="/admin/users">Back to users</Link>
        </p>
      </section>
    )
  }
  const values = actionData?.values ?? {}
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : '')
  return (
    <section aria-labelledby="new-user-title" className="narrow admin-page">
      <AdminNav />
      <p className="breadcrumb">
        <Link to="/admin/users">← All users</Link>
      </p>
      <h1 id="new-user-title">Add a user</h1>
      <p className="muted">
        The account gets a one-time password, shown once on the next page. Nobody, not even an
        admin, can read it later.
      </p>
      <Form method="post" className="form" noValidate>
        <FormErrorSummary errors={actionData?.errors} />
        <TextField
          name="name"
          label="Name"
          required
          maxLength={200}
          autoComplete="off"
          defaultValue={text('name')}
          errors={actionData?.errors}
        />
        <TextField
          name="email"
          label="Email"
          type="email"
          required
          maxLength={320}
          autoComplete="off"
          defaultValue={text('email')}
          errors={actionData?.errors}
        />
        <SelectField
          name="role"
          label="Role"
          required
          options={ROLES}
          emptyLabel="Choose a role…"
          hint="Viewers read (MEP offices); editors also record and change case data; admins also manage users, access and the audit log."
          defaultValue={text('role')}
          errors={actionData?.errors}
        />
        <SaveOrCancel submitLabel="Create account" cancelTo="/admin/users" />
      </Form>
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Add a user · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
