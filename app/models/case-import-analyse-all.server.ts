// The whole file planned and checked, a batch at a time with a turn of the event loop between
// batches: what the dry run reports and what the commit checks again before it writes.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ImportMapping } from '../case-import/fields'
import { IMPORT_BATCH_ROWS } from '../case-import/limits'
import { columnLabels, parseCsvText, type CsvRow } from '../case-import/parse'
import { planRow } from '../case-import/plan'
import { analyseBatch, newAnalysisState, type AnalysedRow } from './case-import-analyse.server'
import type { getCaseImportWork } from './case-import.server'
import type { Viewer } from './case-visibility.server'

export type ImportWork = Awaited<ReturnType<typeof getCaseImportWork>>

/** Lets requests waiting for the event loop (or for the embedded database) have their turn. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Plans and checks every row of the file, `IMPORT_BATCH_ROWS` at a time. */
export async function analyseAll(
  db: Kysely<Database>,
  work: ImportWork,
  viewer: Viewer,
  today: string,
  onBatch: (done: number) => Promise<void>,
) {
  const parsed = parseCsvText(work.content)
  if (!parsed.ok) throw new Error(parsed.error)
  const context = {
    labels: columnLabels(work.headers as string[]),
    mapping: work.mapping as ImportMapping,
    today,
  }
  const state = newAnalysisState()
  const rows: AnalysedRow[] = []
  const all: CsvRow[] = parsed.value.rows
  for (let start = 0; start < all.length; start += IMPORT_BATCH_ROWS) {
    const plans = all.slice(start, start + IMPORT_BATCH_ROWS).map((row) => planRow(context, row))
    rows.push(...(await analyseBatch(db, { viewer, plans, state })))
    await onBatch(Math.min(start + IMPORT_BATCH_ROWS, all.length))
    await nextTurn()
  }
  return { rows, newUrls: state.newUrls.size }
}
