// The bare-SQL floor of each page: its loaders' model calls are run once through the recording Kysely
// instance, then the recorded statements are replayed with their parameters straight through the
// driver (`pg`, or PGlite's own query), one after another, and timed. The page cannot be faster than
// this unless its loader runs statements in parallel (the dashboard does, on PostgreSQL's pool).
import { performance } from 'node:perf_hooks'
import { todayIso } from '../../app/domain/dates'
import { refreshDueCases } from '../../app/models/case.server'
import { createSession } from '../../app/models/session.server'
import { getEnv } from '../../app/utils/env.server'
import type { BenchConnection, CapturedStatement } from './database'
import { BENCH_EDITOR_EMAIL } from './generate'
import type { BenchPage, FloorContext } from './pages'

export type StatementTiming = CapturedStatement & { medianMs: number }

export type FloorResult = {
  medianMs: number
  runs: number
  statements: StatementTiming[]
  /** Statements that write (none expected): recorded, not replayed. */
  skippedWrites: number
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const isRead = (s: CapturedStatement) => /^\s*(select|with)\b/i.test(s.sql)

export async function measureFloors(
  connection: BenchConnection,
  pages: BenchPage[],
  { budgetMs, maxRuns }: { budgetMs: number; maxRuns: number },
): Promise<Map<string, FloorResult>> {
  const { db, capture } = connection
  const env = getEnv()
  const today = todayIso()
  const editor = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('email', '=', BENCH_EDITOR_EMAIL)
    .executeTakeFirstOrThrow()
  const limits = { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS }
  const sessionId = await createSession(db, { userId: editor.id, limits })
  // Cases whose scheduled event has come are brought up to date now, so no page replays a write.
  await refreshDueCases(db, today)
  const ctx: FloorContext = {
    db,
    viewer: editor,
    today,
    sessionId,
    limits,
    attentionDays: env.NEEDS_ATTENTION_DAYS,
    step: async (label, run) => {
      capture.label = label
      try {
        return await run()
      } finally {
        capture.label = null
      }
    },
  }
  const results = new Map<string, FloorResult>()
  for (const page of pages) {
    if (!page.floor) continue
    capture.statements = []
    await page.floor(ctx, new URL(page.path, 'http://bench.invalid').searchParams)
    const statements = capture.statements.filter(isRead)
    const skippedWrites = capture.statements.length - statements.length
    for (const statement of statements) await connection.bare(statement) // warm-up
    const samples: number[][] = statements.map(() => [])
    const totals: number[] = []
    const started = performance.now()
    while (
      totals.length < maxRuns &&
      (totals.length < 3 || performance.now() - started < budgetMs)
    ) {
      let total = 0
      for (const [i, statement] of statements.entries()) {
        const t0 = performance.now()
        await connection.bare(statement)
        const ms = performance.now() - t0
        samples[i]!.push(ms)
        total += ms
      }
      totals.push(total)
    }
    const result: FloorResult = {
      medianMs: median(totals),
      runs: totals.length,
      statements: statements.map((s, i) => ({ ...s, medianMs: median(samples[i]!) })),
      skippedWrites,
    }
    results.set(page.name, result)
    console.log(
      `  SQL floor of ${page.name}: ${result.medianMs.toFixed(1)} ms (${statements.length} statements, median of ${result.runs} runs)`,
    )
  }
  return results
}
