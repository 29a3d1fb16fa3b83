// The actions list as CSV: /actions.csv with the list's own filters, only the actions the reader may
// see (an action linked to a case hidden from them is hidden), newest first. Streamed a batch at a
// time; columns in docs/exports.md.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { todayIso } from '~/domain/dates'
import { parseActionListQuery } from '~/domain/schemas.server'
import { requirePermission } from '~/guards/auth.server'
import {
  ACTION_CSV_HEADER,
  actionCsvCells,
  exportActionsForUser,
} from '~/models/action-export.server'
import { csvStreamResponse } from '~/utils/csv'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const url = new URL(request.url)
  // A case, actor or target the reader may not see matches no visible action: the file is empty,
  // exactly as for one that does not exist.
  const { filters } = parseActionListQuery(url.searchParams)
  const viewer = { id: user.id, role: user.role }
  async function* rows() {
    for await (const batch of exportActionsForUser(db, { viewer, filters }))
      yield batch.map((row) => actionCsvCells(row, url.origin))
  }
  return csvStreamResponse(ACTION_CSV_HEADER, rows(), `actions-${todayIso()}.csv`)
}
