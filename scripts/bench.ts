// `npm run bench`: how fast the built app answers its busiest pages on a realistic and a large
// synthetic caseload, and how much of that is SQL. For each size: generate the data into a bench
// database of its own (kept for the next run), time each page's SQL bare, serve the built app on
// loopback, sign in, and load each page with autocannon at 1 and 20 connections.
//
//   npm run bench                                      realistic caseload on PGlite (temp folder)
//   DATABASE_URL=postgres://… npm run bench -- --size large|both
//   flags: --quick (2 s per run instead of 5), --regenerate (generate the data anew),
//          --only dashboard,statement (pages whose name contains one of these)
//          --only backup (backup and restore timed alone), --round-trip (also back the restored
//          copy up and check the bytes are the same; about the backup's time again)
//
// Figures are noisy on shared machines: compare medians of runs made one after the other.
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { todayIso } from '../app/domain/dates'
import { benchBackup } from './bench/backup'
import { benchImport } from './bench/import'
import { clientJsByRoute } from './bench/client-js'
import { benchTarget, prepareBenchDatabase } from './bench/database'
import { measureFloors, type FloorResult } from './bench/floor'
import { BENCH_EDITOR_EMAIL, BENCH_PASSWORD, type BenchSize } from './bench/generate'
import { loadUrl } from './bench/load'
import { benchPages, type BenchPage } from './bench/pages'
import { markdownReport, saveReport, type BenchReport, type PageReport } from './bench/report'
import { ensureBuild, signIn, startServer, type RunningServer } from './bench/server'

const CONNECTIONS = [1, 20]
const TIMEOUT_SECONDS = 120
const COUNTED_TABLES = [
  'cases',
  'status_events',
  'advocacy_actions',
  'action_cases',
  'sources',
  'citations',
  'documents',
]

const { values: flags } = parseArgs({
  options: {
    size: { type: 'string', default: 'realistic' },
    quick: { type: 'boolean', default: false },
    regenerate: { type: 'boolean', default: false },
    only: { type: 'string' },
    'round-trip': { type: 'boolean', default: false },
  },
})

async function get(server: RunningServer, path: string, cookie: string) {
  const response = await fetch(`${server.origin}${path}`, {
    headers: { cookie, 'accept-encoding': 'gzip' },
    redirect: 'manual',
  })
  await response.arrayBuffer()
  return response.status
}

/**
 * Long enough for ten answers, or three per connection, even if the server answers one request at a
 * time (PGlite does), within a minute.
 */
function runSeconds(seconds: number, warmMs: number, connections: number) {
  const answers = Math.max(10, 3 * connections)
  return Math.min(60, Math.max(seconds, Math.ceil((answers * warmMs) / 1000)))
}

/** The page's path, or the first of its candidate paths that answers 200; a reason when none does. */
async function resolvePath(server: RunningServer, page: BenchPage, cookie: string) {
  let last = 0
  for (const candidate of page.candidates ?? [page.path]) {
    let ms = 0
    // Three warm-up requests, or one when a page takes seconds.
    for (let i = 0; i < 3 && (i === 0 || (last === 200 && ms < 2_000)); i++) {
      const started = performance.now()
      last = await get(server, candidate, cookie)
      ms = performance.now() - started
    }
    if (last === 200) return { path: candidate, warmMs: ms }
  }
  return page.candidates
    ? { skipped: `no such route yet (GET ${page.candidates.join(', ')} answered ${last})` }
    : { skipped: `GET ${page.path} answered ${last}` }
}

async function benchSize(size: BenchSize, databaseUrl: string | undefined) {
  const quick = flags.quick
  const secondsPerRun = quick ? 2 : 5
  const target = benchTarget(size, databaseUrl)
  const today = todayIso()
  const only = flags.only?.split(',').map((s) => s.trim().toLowerCase())
  const pages = benchPages(size, today).filter(
    (p) => !only || only.some((o) => p.name.toLowerCase().includes(o)),
  )
  const { connection, generationSeconds } = await prepareBenchDatabase(target, {
    regenerate: flags.regenerate,
  })
  const rows: Record<string, number> = {}
  let floors = new Map<string, FloorResult>()
  try {
    for (const table of COUNTED_TABLES) {
      const found = await sql<{
        n: number
      }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(connection.db)
      rows[table.replace('_', ' ')] = found.rows[0]!.n
    }
    console.log(`Timing each page's SQL bare on ${connection.version}:`)
    floors = await measureFloors(connection, pages, {
      budgetMs: quick ? 4_000 : 10_000,
      maxRuns: quick ? 10 : 30,
    })
  } finally {
    // PGlite allows one process per folder: the app server opens it next.
    await connection.close()
  }

  const logPath = path.join('tests', '.tmp', `bench-server-${target.kind}-${size}.log`)
  const server = await startServer(target.serverEnv, logPath)
  const reports: PageReport[] = []
  let rssAfterWarmUpMb: number | null = null
  try {
    const cookie = await signIn(server.origin, BENCH_EDITOR_EMAIL, BENCH_PASSWORD)
    const resolved = []
    for (const page of pages) resolved.push({ page, ...(await resolvePath(server, page, cookie)) })
    rssAfterWarmUpMb = server.rssMb()
    for (const { page, path: found, skipped, warmMs } of resolved) {
      const floor = floors.get(page.name)
      const report: PageReport = { name: page.name, path: found ?? page.path, load: [] }
      reports.push(report)
      if (floor)
        report.floor = { medianMs: floor.medianMs, runs: floor.runs, statements: floor.statements }
      if (skipped) {
        report.skipped = skipped
        console.log(`  ${page.name}: skipped, ${skipped}`)
        continue
      }
      for (const connections of CONNECTIONS) {
        // Answered one at a time, the last of the connections would wait past the timeout.
        if (connections > 1 && (warmMs ?? 0) * connections > TIMEOUT_SECONDS * 1000) {
          console.log(
            `  ${page.name}, ${connections} conn: skipped, one answer takes ${((warmMs ?? 0) / 1000).toFixed(0)} s`,
          )
          continue
        }
        const load = await loadUrl(`${server.origin}${found}`, {
          connections,
          seconds: runSeconds(secondsPerRun, warmMs ?? 0, connections),
          cookie,
          timeoutSeconds: TIMEOUT_SECONDS,
        })
        report.load.push(load)
        // Requests cut off at the end may still be queued in the server: wait until they are done.
        await get(server, found!, cookie)
        console.log(
          `  ${page.name}, ${connections} conn: p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, ${load.requestsPerSecond.toFixed(1)} req/s${floor ? `, SQL ${floor.medianMs.toFixed(1)} ms` : ''}`,
        )
      }
    }
  } finally {
    const rssAfterLoadMb = server.rssMb()
    await server.stop()
    const sizes = clientJsByRoute(pages.flatMap((p) => (p.route ? [p.route] : [])))
    for (const report of reports) {
      const route = pages.find((p) => p.name === report.name)?.route
      report.clientJsGzipBytes = route ? sizes.get(route)?.gzipBytes : undefined
    }
    const report: BenchReport = {
      date: new Date().toISOString(),
      command:
        `${databaseUrl ? 'DATABASE_URL=… ' : ''}npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      database: { kind: target.kind, version: connection.version },
      size,
      rows,
      generationSeconds,
      server: server.command,
      secondsPerRun,
      machine: { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg() },
      memory: { rssAfterWarmUpMb, rssAfterLoadMb },
      pages: reports,
    }
    const { file, previous } = saveReport(report)
    console.log(`\n${markdownReport(report, previous)}\n\n(Written to ${file}.)\n`)
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL || undefined
  const sizes: BenchSize[] =
    flags.size === 'both' ? ['realistic', 'large'] : [flags.size as BenchSize]
  if (!sizes.every((s) => s === 'realistic' || s === 'large'))
    throw new Error('--size is realistic, large or both')
  console.log(
    databaseUrl
      ? `Database: PostgreSQL (DATABASE_URL is set; a database per size on that server).`
      : `Database: PGlite in a temporary folder (set DATABASE_URL=postgres://… for PostgreSQL).`,
  )
  ensureBuild()
  for (const size of sizes) {
    if (size === 'large' && !databaseUrl) {
      console.log('The large caseload runs on PostgreSQL only: set DATABASE_URL. Skipped.')
      continue
    }
    // Backup and restore are timed after the pages in every full run, or alone with --only backup.
    const only = flags.only?.split(',').map((s) => s.trim().toLowerCase())
    const backupOnly = only?.every((o) => o === 'backup') ?? false
    if (!backupOnly) await benchSize(size, databaseUrl)
    if (!only || only.includes('backup'))
      await benchBackup(benchTarget(size, databaseUrl), {
        regenerate: flags.regenerate && backupOnly,
        roundTrip: flags['round-trip'],
      })
  }
  if (!flags.only || flags.only.includes('import')) await benchImport(databaseUrl)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
