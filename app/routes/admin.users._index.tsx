import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AdminNav } from '~/components/admin-nav'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { formatTimestamp } from '~/domain/dates'
import { labelOf } from '~/domain/vocabularies'
import { USER_PAGE_SIZE, listUsersPage } from '~/models/user-admin.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { pageFrom } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'manage:users')
  const list = await listUsersPage(await getDb(), { page: pageFrom(new URL(request.url)) })
  return {
    ...list,
    // Worked out here: a .server module's constants do not reach the browser.
    first: list.total === 0 ? 0 : (list.page - 1) * USER_PAGE_SIZE + 1,
    users: list.users.map((user) => ({
      ...user,
      lastSignIn: user.lastSignInAt ? formatTimestamp(user.lastSignInAt) : null,
    })),
  }
}

export default function AdminUsersPage() {
  const { users, total, page, pageCount, first } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="users-title" className="admin-page">
      <AdminNav />
      <div className="page-heading">
        <h1 id="users-title">Users</h1>
        <Link to="/admin/users/new" className="button button--primary">
          Add a user
        </Link>
      </div>
      <p className="muted" role="status">
        {users.length === 0
          ? 'No users on this page.'
          : `Showing ${first}–${first + users.length - 1} of ${total}`}
      </p>
      {users.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table admin-users">
            <caption className="visually-hidden">Users by name</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                  </th>
                  <td>{user.email}</td>
                  <td>{labelOf(user.role)}</td>
                  <td>
                    {user.disabledAt ? (
                      <span className="badge badge--danger">Disabled</span>
                    ) : (
                      <span className="badge badge--ok">Active</span>
                    )}
                  </td>
                  <td>{user.lastSignIn ?? <span className="muted">Not known</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(p) => (p === 1 ? '/admin/users' : `/admin/users?page=${p}`)}
      />
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Users · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
