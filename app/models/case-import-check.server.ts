// The commit's first pass: the whole file checked again, a batch at a time, keeping only line
// numbers — which rows have errors, which matched cases changed since the dry run — so a 50,000-row
// commit never holds every checked row. What may be written is decided from these lines; the rows are
// then checked once more, batch by batch, just before each batch is written.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { CsvRow } from '../case-import/parse'
import { hasErrors, type PlanContext } from '../case-import/plan'
import { analysedBatches } from './case-import-analyse-all.server'
import type { AnalysedRow } from './case-import-analyse.server'
import type { CommitResult, DryRunReport } from './case-import.server'
import type { Viewer } from './case-visibility.server'

type Refusal = Extract<CommitResult, { ok: false }>

export type FileCheck = {
  rows: number
  errorLines: number[]
  staleLines: number[]
  validRows: number
}

/** A row matched now to another case, or at another version, than at the dry run. */
export function changedSinceDryRun(row: AnalysedRow, report: DryRunReport) {
  const was = report.matched[String(row.line)]
  return row.match
    ? !was || was.id !== row.match.id || was.version !== row.match.version
    : was !== undefined
}

export async function checkWholeFile(
  db: Kysely<Database>,
  args: {
    viewer: Viewer
    file: { context: PlanContext; rows: CsvRow[] }
    batchRows: number
    report: DryRunReport
  },
): Promise<FileCheck> {
  const check: FileCheck = { rows: 0, errorLines: [], staleLines: [], validRows: 0 }
  for await (const { rows } of analysedBatches(db, args))
    for (const row of rows) {
      check.rows++
      if (hasErrors(row)) check.errorLines.push(row.line)
      else {
        check.validRows++
        if (changedSinceDryRun(row, args.report)) check.staleLines.push(row.line)
      }
    }
  return check
}

const sameLines = (a: number[], b: number[]) =>
  a.length === b.length && a.every((l, i) => l === b[i])

/** Why the checked rows may not be written as the dry run showed, or null when they may. */
export function refusalOf(
  check: FileCheck,
  report: DryRunReport,
  leaveOut: boolean,
): Refusal | null {
  const { errorLines, staleLines } = check
  if (!sameLines(errorLines, report.errorLines))
    return {
      ok: false,
      reason: 'changed',
      message:
        'The problems found now differ from those of the dry run (the library or a case changed meanwhile): run the dry run again.',
      lines: errorLines,
    }
  if (errorLines.length > 0 && !leaveOut)
    return {
      ok: false,
      reason: 'errors',
      message: `Nothing was imported: ${errorLines.length} rows have problems. Fix them and upload the file again, or choose to leave them out.`,
      lines: errorLines,
    }
  if (staleLines.length > 0)
    return {
      ok: false,
      reason: 'stale',
      message: `${staleLines.length} cases were changed by someone since the dry run; nothing was overwritten. Run the dry run again to see them as they are now.`,
      lines: staleLines,
    }
  return null
}
