// Running an import's dry run and commit in the background of the app server, batch by batch, so
// a 50,000-row file neither holds a request open nor keeps other requests waiting for long. The
// commit is one transaction: a failure or a restart mid-way leaves nothing written.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { ImportMapping } from '../case-import/fields'
import { IMPORT_BATCH_ROWS } from '../case-import/limits'
import { columnLabels, parseCsvText, type CsvRow } from '../case-import/parse'
import { hasErrors, planRow } from '../case-import/plan'
import { todayIso } from '../domain/dates'
import { writeAudit, type Actor } from './audit.server'
import { analyseBatch, newAnalysisState, type AnalysedRow } from './case-import-analyse.server'
import { StaleCaseError } from './case-import-write-parts.server'
import { writeRows } from './case-import-write.server'
import {
  claimCaseImport,
  finishCaseImport,
  getCaseImportWork,
  reportProgress,
  type CommitResult,
  type DryRunReport,
} from './case-import.server'
import type { Viewer } from './case-visibility.server'

type Db = Kysely<Database>
type Work = Awaited<ReturnType<typeof getCaseImportWork>>

const tasks = new Map<number, Promise<void>>()
/** Rows written so far by a commit running in this process (its transaction hides them from SQL). */
const commitProgress = new Map<number, number>()

export const commitProgressOf = (id: number) => commitProgress.get(id) ?? null

/** Resolves when this process has no dry run or commit of the import running (for tests, scripts). */
export const waitForCaseImport = async (id: number) => {
  await tasks.get(id)
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

function inBackground(id: number, run: () => Promise<void>) {
  const task = run().finally(() => tasks.delete(id))
  tasks.set(id, task)
}

function logOneLine(what: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`${what}: ${message}`.split('\n')[0])
}

/** Plans and checks every row of the file, `IMPORT_BATCH_ROWS` at a time. */
async function analyseAll(
  db: Db | Transaction<Database>,
  work: Work,
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

function reportOf(rows: AnalysedRow[], newUrls: number): DryRunReport {
  const valid = rows.filter((r) => !hasErrors(r))
  const sources = (state: 'reused' | 'withheld', of: AnalysedRow[]) =>
    new Set(of.flatMap((r) => r.sources.filter((s) => s.state === state).map((s) => s.url))).size
  const cited = (r: AnalysedRow) => r.sources.filter((s) => s.state !== 'withheld').length
  return {
    counts: {
      rows: rows.length,
      validRows: valid.length,
      errorRows: rows.length - valid.length,
      create: valid.filter((r) => !r.match).length,
      update: valid.filter((r) => r.match).length,
      events: valid.reduce((n, r) => n + r.events.length, 0),
      sourcesNew: newUrls,
      sourcesReused: sources('reused', valid),
      sourcesWithheld: sources('withheld', rows),
      citations: valid.reduce((n, r) => n + cited(r) * (1 + r.events.length), 0),
    },
    problems: rows.flatMap((r) => r.problems),
    errorLines: rows.filter(hasErrors).map((r) => r.line),
    matched: Object.fromEntries(
      valid.flatMap((r) =>
        r.match ? [[r.line, { id: r.match.id, version: r.match.version }]] : [],
      ),
    ),
  }
}

export async function runDryRun(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  try {
    const work = await getCaseImportWork(db, { id, userId: viewer.id })
    const { rows, newUrls } = await analyseAll(db, work, viewer, todayIso(), (done) =>
      reportProgress(db, { id, status: 'dry_running', done }),
    )
    await finishCaseImport(db, { id, status: 'planned', report: reportOf(rows, newUrls) })
  } catch (error) {
    logOneLine('Case import dry run failed', error)
    await finishCaseImport(db, {
      id,
      status: 'failed',
      error: 'The dry run stopped on an unexpected error. Nothing was written: run it again.',
    })
  }
}

/** Saves the mapping and starts the dry run; false when a step of this import is running. */
export async function startDryRun(
  db: Db,
  { id, viewer, mapping }: { id: number; viewer: Viewer; mapping: ImportMapping },
) {
  const claimed = await claimCaseImport(db, {
    id,
    userId: viewer.id,
    from: ['uploaded', 'planned', 'failed'],
    to: 'dry_running',
    set: { mapping, report: null, result: null },
  })
  if (claimed) inBackground(id, () => runDryRun(db, { id, viewer }))
  return claimed
}

const sameLines = (a: number[], b: number[]) =>
  a.length === b.length && a.every((l, i) => l === b[i])

export async function runCommit(
  db: Db,
  { id, viewer, actor, leaveOut }: { id: number; viewer: Viewer; actor: Actor; leaveOut: boolean },
) {
  const heartbeat = (done: number) => {
    commitProgress.set(id, done)
    // Not awaited: on the embedded database it waits for the transaction's end, harmlessly.
    void reportProgress(db, { id, status: 'committing', done }).catch(() => {})
    return Promise.resolve()
  }
  try {
    const work = await getCaseImportWork(db, { id, userId: viewer.id })
    const report = work.report as DryRunReport
    const today = todayIso()
    const result = await db.transaction().execute(async (trx): Promise<CommitResult> => {
      const { rows } = await analyseAll(trx, work, viewer, today, async () => {})
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
      const valid = rows.filter((r) => !hasErrors(r))
      const stale = valid.filter((r) => {
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
      const totals = {
        created: 0,
        updated: 0,
        events: 0,
        sourcesNew: 0,
        citations: 0,
        slugs: [] as string[],
      }
      const sourceIds = new Map<string, number>()
      for (let start = 0; start < valid.length; start += IMPORT_BATCH_ROWS) {
        const counts = await writeRows(trx, {
          actor,
          viewer,
          fileName: work.fileName,
          rows: valid.slice(start, start + IMPORT_BATCH_ROWS),
          sourceIds,
          today,
        })
        totals.created += counts.created
        totals.updated += counts.updated
        totals.events += counts.events
        totals.sourcesNew += counts.sourcesNew
        totals.citations += counts.citations
        if (totals.slugs.length < 50)
          totals.slugs.push(...counts.slugs.slice(0, 50 - totals.slugs.length))
        await heartbeat(Math.min(start + IMPORT_BATCH_ROWS, valid.length))
        await nextTurn()
      }
      const committed: CommitResult = {
        ok: true,
        ...totals,
        sourcesReused: report.counts.sourcesReused,
        leftOut: errorLines.length,
      }
      await writeAudit(trx, {
        actor,
        entity: 'case_import',
        entityId: id,
        action: 'create',
        changes: [
          {
            field: 'summary',
            new: `imported ${totals.created + totals.updated} cases from ${work.fileName}`,
          },
          { field: 'rows', new: rows.length },
          { field: 'created', new: totals.created },
          { field: 'updated', new: totals.updated },
          { field: 'leftOut', new: errorLines.length },
          { field: 'events', new: totals.events },
          { field: 'sourcesNew', new: totals.sourcesNew },
          { field: 'citations', new: totals.citations },
        ],
      })
      await finishCaseImport(trx, { id, status: 'committed', result: committed })
      return committed
    })
    if (!result.ok) await finishCaseImport(db, { id, status: 'planned', result })
  } catch (error) {
    if (error instanceof StaleCaseError) {
      await finishCaseImport(db, {
        id,
        status: 'planned',
        result: {
          ok: false,
          reason: 'stale',
          message: `${error.message}; nothing was imported. Run the dry run again.`,
          lines: [error.line],
        },
      })
      return
    }
    logOneLine('Case import commit failed', error)
    await finishCaseImport(db, {
      id,
      status: 'failed',
      error:
        'The import stopped on an unexpected error. Nothing was written: run the dry run again.',
    })
  } finally {
    commitProgress.delete(id)
  }
}

/** Starts the commit of a dry-run import; false when it is not waiting for one. */
export async function startCommit(
  db: Db,
  args: { id: number; viewer: Viewer; actor: Actor; leaveOut: boolean },
) {
  const claimed = await claimCaseImport(db, {
    id: args.id,
    userId: args.viewer.id,
    from: ['planned'],
    to: 'committing',
    set: { result: null },
  })
  if (claimed) inBackground(args.id, () => runCommit(db, args))
  return claimed
}
