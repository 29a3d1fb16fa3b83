// Every unknown address answers 404 through the shared error page.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { requireUser } from '~/guards/auth.server'
import { notFound } from '~/utils/invariant'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  throw notFound()
}

export default function NotFound() {
  return <GeneralErrorBoundary />
}

export const meta: MetaFunction = () => [{ title: 'Page not found · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
