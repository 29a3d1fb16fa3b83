// The sponsor search boxes ask here as the user types: /actors/sponsors.json?q= answers at most ten
// people the reader may see (MEPs first) whose names contain the words typed, as JSON.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { searchSponsorActors } from '~/models/case-sponsor.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200)
  const options = await searchSponsorActors(await getDb(), {
    viewer: { id: user.id, role: user.role },
    q,
  })
  return new Response(JSON.stringify({ options }), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
