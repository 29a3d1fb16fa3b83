// Running an import's dry run and commit in the background of the app server, batch by batch, so
// a 50,000-row file neither holds a request open nor keeps other requests waiting for long. The
// commit (app/models/case-import-commit.server.ts) writes a transaction per batch.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ImportMapping } from '../case-import/fields'
import { hasErrors } from '../case-import/plan'
import { todayIso } from '../domain/dates'
import type { Actor } from './audit.server'
import { analyseAll } from './case-import-analyse-all.server'
import type { AnalysedRow } from './case-import-analyse.server'
import { runCommit } from './case-import-commit.server'
import {
  claimCaseImport,
  finishCaseImport,
  getCaseImportWork,
  reportProgress,
  type DryRunReport,
} from './case-import.server'
import type { Viewer } from './case-visibility.server'

export { commitProgressOf, runCommit } from './case-import-commit.server'

type Db = Kysely<Database>

const tasks = new Map<number, Promise<void>>()

/** Resolves when this process has no dry run or commit of the import running (for tests, scripts). */
export const waitForCaseImport = async (id: number) => {
  await tasks.get(id)
}

function inBackground(id: number, run: () => Promise<void>) {
  const task = run().finally(() => tasks.delete(id))
  tasks.set(id, task)
}

function logOneLine(what: string, error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`${what}: ${message}`.split('\n')[0])
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
