// The whole file planned and checked, a batch at a time with a turn of the event loop between
// batches: what the dry run reports and what the commit checks again before it writes. Only the
// parsed file's cells are held throughout; each batch's planned and checked rows are handed to the
// caller and let go, so memory does not grow with the file's length.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ImportMapping } from '../case-import/fields'
import { IMPORT_BATCH_ROWS, IMPORT_BATCH_ROWS_EMBEDDED } from '../case-import/limits'
import { columnLabels, parseCsvText, type CsvRow } from '../case-import/parse'
import { planRow, type PlanContext } from '../case-import/plan'
import {
  analyseBatch,
  newAnalysisState,
  type AnalysedRow,
  type AnalysisState,
} from './case-import-analyse.server'
import type { getCaseImportWork } from './case-import.server'
import type { Viewer } from './case-visibility.server'

export type ImportWork = Awaited<ReturnType<typeof getCaseImportWork>>

/** Lets requests waiting for the event loop (or for the embedded database) have their turn. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

const batchRowsOf = new WeakMap<Kysely<Database>, Promise<number>>()

/**
 * Rows per batch on this database. PGlite runs each statement inside the app's own process, and
 * serves one transaction at a time: a batch there is what every other request waits for, so it is
 * smaller than on PostgreSQL, where a batch holds only the summary rows it changes.
 */
export function importBatchRows(db: Kysely<Database>): Promise<number> {
  let found = batchRowsOf.get(db)
  if (!found) {
    found = sql<{ v: string }>`SELECT version() AS v`
      .execute(db)
      .then(({ rows }) =>
        /PGlite/i.test(rows[0]?.v ?? '') ? IMPORT_BATCH_ROWS_EMBEDDED : IMPORT_BATCH_ROWS,
      )
    batchRowsOf.set(db, found)
  }
  return found
}

/** The stored file parsed once, with what planning a row needs. */
export function parsedWork(
  work: Pick<ImportWork, 'content' | 'headers' | 'mapping'>,
  today: string,
) {
  const parsed = parseCsvText(work.content)
  if (!parsed.ok) throw new Error(parsed.error)
  const context: PlanContext = {
    labels: columnLabels(work.headers as string[]),
    mapping: work.mapping as ImportMapping,
    today,
  }
  return { context, rows: parsed.value.rows }
}

export type AnalysedBatch = { rows: AnalysedRow[]; done: number; state: AnalysisState }

/** Plans and checks the file's rows `batchRows` at a time, yielding each batch as it is checked. */
export async function* analysedBatches(
  db: Kysely<Database>,
  {
    viewer,
    file,
    batchRows,
  }: {
    viewer: Viewer
    file: { context: PlanContext; rows: CsvRow[] }
    batchRows: number
  },
): AsyncGenerator<AnalysedBatch> {
  const state = newAnalysisState()
  const all = file.rows
  for (let start = 0; start < all.length; start += batchRows) {
    const plans = all.slice(start, start + batchRows).map((row) => planRow(file.context, row))
    const rows = await analyseBatch(db, { viewer, plans, state })
    yield { rows, done: Math.min(start + batchRows, all.length), state }
    await nextTurn()
  }
}
