// The CSV download of a chart's table: the same rows the page shows, built by the same functions.
// /dashboard/csv?chart=actions|custody|country|case plus the chart's own filters.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { chartTableCsv } from '~/charts/table'
import { todayIso } from '~/domain/dates'
import { getChartTable } from '~/models/chart-tables.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const result = await getChartTable(db, {
    viewer: { id: user.id, role: user.role },
    params: new URL(request.url).searchParams,
    today: todayIso(),
  })
  invariantResponse(result)
  // A byte-order mark so spreadsheet programs read the UTF-8 (names in Cyrillic, accents) correctly.
  return new Response(`\uFEFF${chartTableCsv(result.table)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
