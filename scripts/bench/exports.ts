// `DATABASE_URL=… npx tsx scripts/bench/exports.ts`: the CSV exports of the whole case list and the
// whole actions list, unfiltered, for the bench's admin and editor, as the routes write them (the
// model's keyset batches through csvStream): seconds to the first rows, seconds and bytes in all,
// and the process's peak resident memory. Read-only; meant for the large caseload.
import { performance } from 'node:perf_hooks'
import {
  ACTION_CSV_HEADER,
  actionCsvCells,
  exportActionsForUser,
} from '../../app/models/action-export.server'
import { caseCsvColumns, exportCasesForUser } from '../../app/models/case-export.server'
import type { Viewer } from '../../app/models/case-visibility.server'
import { parseActionListQuery } from '../../app/domain/action-schema'
import { parseCaseListQuery } from '../../app/domain/case-filters'
import { csvStream, type CsvCell } from '../../app/utils/csv'
import { openPostgres } from '../../app/utils/open-database.server'
import { BENCH_EDITOR_EMAIL } from './generate'

const ORIGIN = 'https://cases.example.org'

async function drain(header: readonly string[], batches: AsyncIterable<CsvCell[][]>) {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20)
  const started = performance.now()
  const reader = csvStream(header, batches).getReader()
  let first = 0
  let bytes = 0
  let chunks = 0
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    bytes += value.byteLength
    // The header is the first chunk; the first rows are the second.
    if (++chunks === 2) first = performance.now() - started
  }
  clearInterval(timer)
  return {
    firstRowsS: (first / 1000).toFixed(2),
    totalS: ((performance.now() - started) / 1000).toFixed(1),
    mb: (bytes / 1e6).toFixed(0),
    peakRssMb: Math.round(peak / 1e6),
  }
}

async function main() {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('Set DATABASE_URL to the bench database')
  const { db, close } = openPostgres(url)
  try {
    const users = await db
      .selectFrom('users')
      .select(['id', 'role', 'email'])
      .where('email', 'in', ['admin@bench.example.org', BENCH_EDITOR_EMAIL])
      .execute()
    console.log('| export | reader | first rows (s) | total (s) | size (MB) | peak RSS (MB) |')
    console.log('| --- | --- | ---: | ---: | ---: | ---: |')
    for (const user of users.sort((a, b) => a.id - b.id)) {
      const viewer: Viewer = { id: user.id, role: user.role }
      const columns = caseCsvColumns({ withNotes: true, origin: ORIGIN })
      async function* cases() {
        for await (const batch of exportCasesForUser(db, {
          viewer,
          filters: parseCaseListQuery(new URLSearchParams()).filters,
        }))
          yield batch.map(columns.cells)
      }
      async function* actions() {
        for await (const batch of exportActionsForUser(db, {
          viewer,
          filters: parseActionListQuery(new URLSearchParams()).filters,
        }))
          yield batch.map((row) => actionCsvCells(row, ORIGIN))
      }
      for (const [name, run] of [
        ['/cases.csv', () => drain(columns.header, cases())],
        ['/actions.csv', () => drain(ACTION_CSV_HEADER, actions())],
      ] as const) {
        const r = await run()
        console.log(
          `| ${name} | ${user.role} | ${r.firstRowsS} | ${r.totalS} | ${r.mb} | ${r.peakRssMb} |`,
        )
      }
    }
  } finally {
    await close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
