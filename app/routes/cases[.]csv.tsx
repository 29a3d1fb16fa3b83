// The case list as CSV: /cases.csv with the list's own query (search and filters; sort and page are
// not needed, rows come in the order the cases were created), only the cases the reader may see.
// Streamed a batch at a time; columns in docs/exports.md.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseCaseListQuery } from '~/domain/case-filters'
import { todayIso } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { requirePermission } from '~/guards/auth.server'
import { caseCsvColumns, exportCasesForUser } from '~/models/case-export.server'
import { csvStreamResponse } from '~/utils/csv'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const url = new URL(request.url)
  const { filters } = parseCaseListQuery(url.searchParams)
  const viewer = { id: user.id, role: user.role }
  const columns = caseCsvColumns({
    withNotes: can(user.role, 'update:case'),
    origin: url.origin,
  })
  async function* rows() {
    for await (const batch of exportCasesForUser(db, { viewer, filters }))
      yield batch.map(columns.cells)
  }
  return csvStreamResponse(columns.header, rows(), `cases-${todayIso()}.csv`)
}
