import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseCsvText, problemRows } from '~/models/case-import-files.server'
import { requirePermission } from '~/guards/auth.server'
import { getCaseImport, getCaseImportWork } from '~/models/case-import.server'
import { csvFileName, csvResponse } from '~/utils/csv'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'
import { idParam } from '~/utils/route-params'

/** The rows of the user's own import that have errors, with a column naming them (spreadsheet-safe). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const id = idParam(params.importId)
  const db = await getDb()
  const record = await getCaseImport(db, { id, userId: user.id })
  invariantResponse(record?.report)
  const work = await getCaseImportWork(db, { id, userId: user.id })
  const parsed = parseCsvText(work.content)
  invariantResponse(parsed.ok)
  const rows = problemRows(record.headers, parsed.value.rows, record.report.problems)
  const base = record.fileName.replace(/\.[a-z]{2,4}$/i, '')
  return csvResponse(rows, csvFileName(base, 'problems'))
}
