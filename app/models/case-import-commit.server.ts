// The commit of a dry-run import. The whole file is checked again first, and nothing is written
// while a row has an error (unless the user chose to leave those rows out), the problems differ from
// the dry run's, or a matched case changed since. Then the valid rows are written IMPORT_BATCH_ROWS
// at a time, one transaction per batch, each recording the rows written so far: another user's write
// to a case (whose summary rows the batch's triggers update) waits for one batch at most, not for the
// whole file, and on the embedded database (one connection) every other request gets its turn between
// batches. A failure or a restart mid-way leaves whole batches written and says so; running the dry
// run again then shows those rows as matches that change nothing, and the commit writes the rest.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { IMPORT_BATCH_ROWS } from '../case-import/limits'
import { hasErrors } from '../case-import/plan'
import { todayIso } from '../domain/dates'
import { writeAudit, type Actor } from './audit.server'
import { analyseAll, nextTurn, type ImportWork } from './case-import-analyse-all.server'
import type { AnalysedRow } from './case-import-analyse.server'
import { StaleCaseError } from './case-import-write-parts.server'
import { writeRows } from './case-import-write.server'
import {
  finishCaseImport,
  getCaseImportWork,
  recordCommitBatch,
  type CommitResult,
  type DryRunReport,
} from './case-import.server'
import type { Viewer } from './case-visibility.server'

type Db = Kysely<Database>
type Refusal = Extract<CommitResult, { ok: false }>
type Totals = {
  rows: number
  created: number
  updated: number
  events: number
  sourcesNew: number
  citations: number
  slugs: string[]
}

/** Rows written so far by a commit running in this process (read by its page between batches). */
const commitProgress = new Map<number, number>()

export const commitProgressOf = (id: number) => commitProgress.get(id) ?? null

function logOneLine(what: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`${what}: ${message}`.split('\n')[0])
}

const sameLines = (a: number[], b: number[]) =>
  a.length === b.length && a.every((l, i) => l === b[i])

/** Why the checked rows may not be written as the dry run showed, or null when they may. */
function refusalOf(rows: AnalysedRow[], report: DryRunReport, leaveOut: boolean): Refusal | null {
  const errorLines = rows.filter(hasErrors).map((r) => r.line)
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
  const stale = rows.filter((r) => {
    if (hasErrors(r)) return false
    const was = report.matched[String(r.line)]
    return r.match
      ? !was || was.id !== r.match.id || was.version !== r.match.version
      : was !== undefined
  })
  if (stale.length > 0)
    return {
      ok: false,
      reason: 'stale',
      message: `${stale.length} cases were changed by someone since the dry run; nothing was overwritten. Run the dry run again to see them as they are now.`,
      lines: stale.map((r) => r.line),
    }
  return null
}

/** What the page says of a commit that stopped after writing `done` of `of` rows. */
export function stoppedAfter(done: number, of: number, lastLine: number) {
  return (
    `The import stopped after writing ${done.toLocaleString('en')} of ${of.toLocaleString('en')} ` +
    `rows (up to line ${lastLine} of the file): those are imported, the rest is not. Go back to ` +
    'the mapping and run the dry run again: the rows already imported show as cases to update ' +
    'that change nothing, and importing then writes the rest.'
  )
}

async function auditImport(
  db: Db,
  {
    id,
    actor,
    work,
    totals,
    leftOut,
  }: {
    id: number
    actor: Actor
    work: ImportWork
    totals: Totals
    leftOut: number
  },
  note = '',
) {
  await writeAudit(db, {
    actor,
    entity: 'case_import',
    entityId: id,
    action: 'create',
    changes: [
      {
        field: 'summary',
        new: `imported ${totals.created + totals.updated} cases from ${work.fileName}${note}`,
      },
      { field: 'rows', new: totals.rows },
      { field: 'created', new: totals.created },
      { field: 'updated', new: totals.updated },
      { field: 'leftOut', new: leftOut },
      { field: 'events', new: totals.events },
      { field: 'sourcesNew', new: totals.sourcesNew },
      { field: 'citations', new: totals.citations },
    ],
  })
}

export async function runCommit(
  db: Db,
  { id, viewer, actor, leaveOut }: { id: number; viewer: Viewer; actor: Actor; leaveOut: boolean },
) {
  const totals: Totals = {
    rows: 0,
    created: 0,
    updated: 0,
    events: 0,
    sourcesNew: 0,
    citations: 0,
    slugs: [],
  }
  let written = 0
  let valid: AnalysedRow[] = []
  let work: ImportWork | null = null
  try {
    work = await getCaseImportWork(db, { id, userId: viewer.id })
    const report = work.report as DryRunReport
    const today = todayIso()
    const { rows } = await analyseAll(db, work, viewer, today, async () => {})
    totals.rows = rows.length
    const refusal = refusalOf(rows, report, leaveOut)
    if (refusal) {
      await finishCaseImport(db, { id, status: 'planned', result: refusal })
      return
    }
    valid = rows.filter((r) => !hasErrors(r))
    const leftOut = rows.length - valid.length
    const sourceIds = new Map<string, number>()
    const fileName = work.fileName
    for (let start = 0; start < valid.length; start += IMPORT_BATCH_ROWS) {
      const batch = valid.slice(start, start + IMPORT_BATCH_ROWS)
      const done = start + batch.length
      const counts = await db.transaction().execute(async (trx) => {
        const batchCounts = await writeRows(trx, {
          actor,
          viewer,
          fileName,
          rows: batch,
          sourceIds,
          today,
        })
        await recordCommitBatch(trx, {
          id,
          done,
          ifStopped: stoppedAfter(done, valid.length, batch[batch.length - 1]?.line ?? 0),
        })
        return batchCounts
      })
      written = done
      totals.created += counts.created
      totals.updated += counts.updated
      totals.events += counts.events
      totals.sourcesNew += counts.sourcesNew
      totals.citations += counts.citations
      if (totals.slugs.length < 50)
        totals.slugs.push(...counts.slugs.slice(0, 50 - totals.slugs.length))
      commitProgress.set(id, done)
      await nextTurn()
    }
    const { rows: _all, ...written_ } = totals
    const committed: CommitResult = {
      ok: true,
      ...written_,
      sourcesReused: report.counts.sourcesReused,
      leftOut,
    }
    await db.transaction().execute(async (trx) => {
      await auditImport(trx, { id, actor, work: work!, totals, leftOut })
      await finishCaseImport(trx, { id, status: 'committed', result: committed })
    })
  } catch (error) {
    await commitFailed(db, { id, error, written, valid, work, actor, totals })
  } finally {
    commitProgress.delete(id)
  }
}

async function commitFailed(
  db: Db,
  {
    id,
    error,
    written,
    valid,
    work,
    actor,
    totals,
  }: {
    id: number
    error: unknown
    written: number
    valid: AnalysedRow[]
    work: ImportWork | null
    actor: Actor
    totals: Totals
  },
) {
  const stale = error instanceof StaleCaseError ? error : null
  if (!stale) logOneLine('Case import commit failed', error)
  if (written === 0) {
    await finishCaseImport(
      db,
      stale
        ? {
            id,
            status: 'planned',
            result: {
              ok: false,
              reason: 'stale',
              message: `${stale.message}; nothing was imported. Run the dry run again.`,
              lines: [stale.line],
            },
          }
        : {
            id,
            status: 'failed',
            error:
              'The import stopped on an unexpected error. Nothing was written: run the dry run again.',
          },
    )
    return
  }
  const why = stale ? `${stale.message}. ` : 'The import met an unexpected error. '
  const lastLine = valid[written - 1]?.line ?? 0
  await finishCaseImport(db, {
    id,
    status: 'failed',
    error: why + stoppedAfter(written, valid.length, lastLine),
  })
  if (work)
    await auditImport(
      db,
      { id, actor, work, totals, leftOut: totals.rows - valid.length },
      ` (stopped after ${written} of ${valid.length} rows)`,
    ).catch((e: unknown) => logOneLine('Case import audit entry failed', e))
}
