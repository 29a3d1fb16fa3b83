// The commit of a dry-run import. The whole file is checked again first (keeping only line numbers,
// case-import-check.server.ts), and nothing is written while a row has an error (unless the user
// chose to leave those rows out), the problems differ from the dry run's, or a matched case changed
// since. Then the valid rows are checked once more and written a batch at a time (importBatchRows),
// one transaction per batch, each recording the rows written so far: another user's write
// to a case (whose summary rows the batch's triggers update) waits for one batch at most, not for the
// whole file, and on the embedded database (one connection) every other request gets its turn between
// batches. A failure or a restart mid-way leaves whole batches written and says so; running the dry
// run again then shows those rows as matches that change nothing, and the commit writes the rest.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { hasErrors } from '../case-import/plan'
import { todayIso } from '../domain/dates'
import { writeAudit, type Actor } from './audit.server'
import { analysedBatches, importBatchRows, parsedWork } from './case-import-analyse-all.server'
import { changedSinceDryRun, checkWholeFile, refusalOf } from './case-import-check.server'
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

/**
 * A link an earlier batch of this commit added to the library is found there by the next batch's
 * check: it is cited as the dry run showed, as one this import adds.
 */
function adoptAddedSources(rows: AnalysedRow[], sourceIds: Map<string, number>) {
  for (const row of rows)
    for (const source of row.sources)
      if (sourceIds.has(source.url)) {
        source.state = 'new'
        source.id = null
      }
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
    fileName,
    totals,
    leftOut,
  }: {
    id: number
    actor: Actor
    fileName: string
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
        new: `imported ${totals.created + totals.updated} cases from ${fileName}${note}`,
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
  const progress = { written: 0, lastLine: 0, validRows: 0, fileName: null as string | null }
  try {
    const work = await getCaseImportWork(db, { id, userId: viewer.id })
    const report = work.report as DryRunReport
    const fileName = work.fileName
    const today = todayIso()
    const file = parsedWork(work, today)
    const batchRows = await importBatchRows(db)
    const check = await checkWholeFile(db, { viewer, file, batchRows, report })
    totals.rows = check.rows
    const refusal = refusalOf(check, report, leaveOut)
    if (refusal) {
      await finishCaseImport(db, { id, status: 'planned', result: refusal })
      return
    }
    progress.fileName = fileName
    progress.validRows = check.validRows
    const leftOut = check.rows - check.validRows
    const skipped = new Set(check.errorLines)
    const sourceIds = new Map<string, number>()
    // Each batch is checked again just before it is written, so only one batch's rows are held.
    for await (const analysed of analysedBatches(db, { viewer, file, batchRows })) {
      const batch = analysed.rows.filter((r) => !skipped.has(r.line))
      const changed = batch.find((r) => hasErrors(r) || changedSinceDryRun(r, report))
      if (changed) throw new StaleCaseError(changed.line)
      if (batch.length === 0) continue
      adoptAddedSources(batch, sourceIds)
      const done = progress.written + batch.length
      const lastLine = batch[batch.length - 1]!.line
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
          ifStopped: stoppedAfter(done, check.validRows, lastLine),
        })
        return batchCounts
      })
      progress.written = done
      progress.lastLine = lastLine
      totals.created += counts.created
      totals.updated += counts.updated
      totals.events += counts.events
      totals.sourcesNew += counts.sourcesNew
      totals.citations += counts.citations
      if (totals.slugs.length < 50)
        totals.slugs.push(...counts.slugs.slice(0, 50 - totals.slugs.length))
      commitProgress.set(id, done)
    }
    const { rows: _all, ...written_ } = totals
    const committed: CommitResult = {
      ok: true,
      ...written_,
      sourcesReused: report.counts.sourcesReused,
      leftOut,
    }
    await db.transaction().execute(async (trx) => {
      await auditImport(trx, { id, actor, fileName, totals, leftOut })
      await finishCaseImport(trx, { id, status: 'committed', result: committed })
    })
  } catch (error) {
    await commitFailed(db, { id, error, progress, actor, totals })
  } finally {
    commitProgress.delete(id)
  }
}

async function commitFailed(
  db: Db,
  {
    id,
    error,
    progress: { written, lastLine, validRows, fileName },
    actor,
    totals,
  }: {
    id: number
    error: unknown
    progress: { written: number; lastLine: number; validRows: number; fileName: string | null }
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
  await finishCaseImport(db, {
    id,
    status: 'failed',
    error: why + stoppedAfter(written, validRows, lastLine),
  })
  if (fileName)
    await auditImport(
      db,
      { id, actor, fileName, totals, leftOut: totals.rows - validRows },
      ` (stopped after ${written} of ${validRows} rows)`,
    ).catch((e: unknown) => logOneLine('Case import audit entry failed', e))
}
