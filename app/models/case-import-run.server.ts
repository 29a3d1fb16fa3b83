// Running an import's dry run and commit in the background of the app server, batch by batch, so
// a 50,000-row file neither holds a request open nor keeps other requests waiting for long. The
// commit (app/models/case-import-commit.server.ts) writes a transaction per batch.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { ImportMapping } from '../case-import/fields'
import { hasErrors } from '../case-import/plan'
import { todayIso } from '../domain/dates'
import type { Actor } from './audit.server'
import { analysedBatches, importBatchRows, parsedWork } from './case-import-analyse-all.server'
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

/** The dry run's report, built a batch at a time so the checked rows need not all be held. */
function reportBuilder() {
  const counts: DryRunReport['counts'] = {
    rows: 0,
    validRows: 0,
    errorRows: 0,
    create: 0,
    update: 0,
    events: 0,
    sourcesNew: 0,
    sourcesReused: 0,
    sourcesWithheld: 0,
    citations: 0,
  }
  const problems: DryRunReport['problems'] = []
  const errorLines: number[] = []
  const matched: DryRunReport['matched'] = {}
  const reused = new Set<string>()
  const withheld = new Set<string>()
  return {
    add(rows: AnalysedRow[]) {
      for (const r of rows) {
        counts.rows++
        problems.push(...r.problems)
        for (const s of r.sources) if (s.state === 'withheld') withheld.add(s.url)
        if (hasErrors(r)) {
          errorLines.push(r.line)
          continue
        }
        counts.validRows++
        if (r.match) {
          counts.update++
          matched[r.line] = { id: r.match.id, version: r.match.version }
        } else counts.create++
        counts.events += r.events.length
        for (const s of r.sources) if (s.state === 'reused') reused.add(s.url)
        const cited = r.sources.filter((s) => s.state !== 'withheld').length
        counts.citations += cited * (1 + r.events.length)
      }
    },
    finish(newUrls: number): DryRunReport {
      counts.errorRows = counts.rows - counts.validRows
      counts.sourcesNew = newUrls
      counts.sourcesReused = reused.size
      counts.sourcesWithheld = withheld.size
      return { counts, problems, errorLines, matched }
    },
  }
}

export async function runDryRun(db: Db, { id, viewer }: { id: number; viewer: Viewer }) {
  try {
    const work = await getCaseImportWork(db, { id, userId: viewer.id })
    const report = reportBuilder()
    let newUrls = 0
    for await (const batch of analysedBatches(db, {
      viewer,
      file: parsedWork(work, todayIso()),
      batchRows: await importBatchRows(db),
    })) {
      report.add(batch.rows)
      newUrls = batch.state.newUrls.size
      await reportProgress(db, { id, status: 'dry_running', done: batch.done })
    }
    await finishCaseImport(db, { id, status: 'planned', report: report.finish(newUrls) })
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
