// The statement form's search boxes ask here as the user types:
// /cases/:slug/statement/actors.json?for=mep|contact|party&q= answers at most ten actors the reader may see
// whose names contain the words typed — MEPs to quote, press contacts, or an issuer or target (anyone
// else) — as JSON. The answer depends on the reader; a case they may not see is a 404, as its page
// is, so the address says nothing of whether a restricted case exists.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { searchStatementActors } from '~/models/statement-setup.server'
import { findVisibleCase } from '~/models/case-follow.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params: route }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'generate:statement')
  const db = await getDb()
  invariantResponse(await findVisibleCase(db, { slug: route.slug ?? '', viewer: user }))
  const params = new URL(request.url).searchParams
  const options = await searchStatementActors(db, {
    viewer: { id: user.id, role: user.role },
    q: (params.get('q') ?? '').slice(0, 200),
    role:
      params.get('for') === 'mep' || params.get('for') === 'contact'
        ? (params.get('for') as 'mep' | 'contact')
        : 'party',
  })
  return new Response(JSON.stringify({ options }), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
