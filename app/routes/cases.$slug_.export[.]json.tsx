// A case as JSON: /cases/:slug/export.json, a download of what the case page shows this reader (the
// shape is in docs/exports.md). A case the reader may not see is a 404, as its page is.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { todayIso } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { requirePermission } from '~/guards/auth.server'
import { getCaseExport } from '~/models/case-json.server'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const exported = await getCaseExport(await getDb(), {
    slug: params.slug ?? '',
    viewer: { id: user.id, role: user.role },
    withNotes: can(user.role, 'update:case'),
    origin: new URL(request.url).origin,
  })
  invariantResponse(exported)
  const fileName = `case-${exported.case.slug.replace(/[^a-z0-9-]+/g, '')}-${todayIso()}.json`
  return new Response(`${JSON.stringify(exported, null, 2)}\n`, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
