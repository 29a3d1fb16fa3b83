// Where a page's SQL time goes, statement by statement: runs the floor of the bench pages named on
// the command line (as `--only` picks them) once with the statements recorded, then each statement
// `EXPLAIN (ANALYZE, BUFFERS)` on the bench database, and prints its label, the bare median time of
// five runs, the execution time, the shared buffers and the plan's first lines. PostgreSQL only.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench/explain.ts \
//     [--size large] [--plans] case page,statement
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { todayIso } from '../../app/domain/dates'
import { createSession } from '../../app/models/session.server'
import { getEnv } from '../../app/utils/env.server'
import { benchTarget } from './database'
import { BENCH_EDITOR_EMAIL, type BenchSize } from './generate'
import { benchPages, type FloorContext } from './pages'

const { values: flags, positionals } = parseArgs({
  options: {
    size: { type: 'string', default: 'large' },
    plans: { type: 'boolean', default: false },
  },
  allowPositionals: true,
})

async function main() {
  const databaseUrl = process.env.DATABASE_URL
  if (!databaseUrl) throw new Error('Set DATABASE_URL to the PostgreSQL server of the bench.')
  const size = flags.size as BenchSize
  const wanted = positionals
    .join(' ')
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)
  const connection = await benchTarget(size, databaseUrl).connect()
  try {
    const { db, capture } = connection
    const env = getEnv()
    const editor = await db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('email', '=', BENCH_EDITOR_EMAIL)
      .executeTakeFirstOrThrow()
    const limits = { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS }
    const sessionId = await createSession(db, { userId: editor.id, limits })
    const ctx: FloorContext = {
      db,
      viewer: editor,
      today: todayIso(),
      sessionId,
      limits,
      attentionDays: env.NEEDS_ATTENTION_DAYS,
      // A step that fails (a column of a migration not yet run on the bench database) is reported
      // and skipped, so the other statements of the page are still explained.
      step: async <T>(label: string, run: () => Promise<T>) => {
        capture.label = label
        try {
          return await run()
        } catch (error) {
          console.log(`- ${label}: failed (${error instanceof Error ? error.message : error})`)
          return undefined as T
        } finally {
          capture.label = null
        }
      },
    }
    const pages = benchPages(size, ctx.today).filter(
      (p) => p.floor && (!wanted.length || wanted.some((w) => p.name.includes(w))),
    )
    for (const page of pages) {
      capture.statements = []
      await page.floor!(ctx, new URL(page.path, 'http://bench.invalid').searchParams)
      const statements = capture.statements.filter((s) => /^\s*(select|with)\b/i.test(s.sql))
      console.log(`\n## ${page.name} (${page.path}): ${statements.length} statements`)
      let total = 0
      for (const statement of statements) {
        await connection.bare(statement)
        const samples: number[] = []
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now()
          await connection.bare(statement)
          samples.push(performance.now() - t0)
        }
        samples.sort((a, b) => a - b)
        const median = samples[2]!
        total += median
        const explained = (await connection.bare({
          ...statement,
          sql: `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`,
        })) as { rows: { 'QUERY PLAN': string }[] }
        const plan = explained.rows.map((r) => r['QUERY PLAN'])
        const execution = plan.find((l) => l.startsWith('Execution Time'))
        const buffers = plan.find((l) => l.trim().startsWith('Buffers'))?.trim()
        console.log(
          `- ${statement.label}: ${median.toFixed(2)} ms bare; ${execution}; ${buffers ?? 'no buffers'}`,
        )
        if (flags.plans) console.log(plan.map((l) => `    ${l}`).join('\n'))
        else console.log(`    ${plan[0]}\n    ${statement.sql.slice(0, 160).replace(/\s+/g, ' ')}`)
      }
      console.log(`total (sum of bare medians): ${total.toFixed(1)} ms`)
    }
  } finally {
    await connection.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
