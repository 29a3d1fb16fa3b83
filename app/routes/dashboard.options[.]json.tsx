// The chart filter's search boxes ask here as the user types: /dashboard/options.json?for=case|actor&q=
// answers at most ten cases (by name or alias prefix) or actors the reader may see, as JSON.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { searchChartActors, searchChartCases } from '~/models/chart-choices.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const params = new URL(request.url).searchParams
  const viewer = { id: user.id, role: user.role }
  const q = (params.get('q') ?? '').slice(0, 200)
  const db = await getDb()
  const options =
    params.get('for') === 'actor'
      ? await searchChartActors(db, { viewer, q })
      : await searchChartCases(db, { viewer, q })
  return new Response(JSON.stringify({ options }), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
