import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { signOut } from '~/guards/auth.server'

export async function loader() {
  return redirect('/dashboard')
}

export async function action({ request }: ActionFunctionArgs) {
  return signOut(request)
}
