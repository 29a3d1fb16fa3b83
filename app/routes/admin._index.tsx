import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { requirePermission } from '~/guards/auth.server'

/** /admin has no page of its own: admins land on the users list, everyone else gets 403. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'manage:users')
  return redirect('/admin/users')
}
