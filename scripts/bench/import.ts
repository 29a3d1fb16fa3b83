// `npm run bench -- --only import`: rows per second of the CSV import of cases at 1,000 and 50,000
// rows — dry run and commit — on a fresh database (PGlite in a temporary folder, as the app keeps it,
// or a database of its own on the PostgreSQL server of DATABASE_URL, dropped after), with the longest
// pause of the event loop during each step (what other requests would wait at worst while an import
// runs), the process's peak resident memory and the peak of its JavaScript heap (what the import
// itself holds: PGlite's own memory is outside that heap).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { suggestMapping } from '../../app/case-import/fields'
import { parseCsvText } from '../../app/case-import/parse'
import { createCaseImport } from '../../app/models/case-import.server'
import { runCommit, runDryRun } from '../../app/models/case-import-run.server'
import { createUser } from '../../app/models/user.server'
import { openPglite, openPostgres, type DatabaseHandle } from '../../app/utils/open-database.server'
import { migrateToLatest } from '../../db/migrate'

/** BENCH_IMPORT_ROWS=1000,5000 runs other sizes (for profiling one step). */
const SIZES = (process.env.BENCH_IMPORT_ROWS ?? '1000,50000').split(',').map(Number)
const COUNTRIES = ['China', 'Russia', 'Belarus', 'Iran', 'Egypt']
const NAMES = ['刘晓波', 'Арсамиков', 'Ilham Tohti', 'Nika Melia', 'علاء عبد الفتاح']

/** A file like a coalition's: names in several scripts, partial dates, links, an unmapped column. */
export function benchCsv(rows: number): string {
  const lines = ['Name,Country,Detained since,Status,Sources,Sentence']
  for (let i = 0; i < rows; i++) {
    const date =
      i % 3 === 0
        ? `${2010 + (i % 14)}`
        : i % 3 === 1
          ? `${2015 + (i % 9)}-0${1 + (i % 9)}`
          : `2019-07-${10 + (i % 18)}`
    lines.push(
      `${NAMES[i % NAMES.length]} ${i},${COUNTRIES[i % COUNTRIES.length]},${date},imprisoned,"https://news.example/${i} https://ngo.example/list/${i % 100}",${i % 7} years`,
    )
  }
  return lines.join('\r\n') + '\r\n'
}

async function freshDatabase(databaseUrl: string | undefined): Promise<DatabaseHandle> {
  if (!databaseUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetracker-bench-import-'))
    const handle = await openPglite(dir)
    return {
      ...handle,
      close: async () => {
        await handle.close()
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const admin = new pg.Client({ connectionString: databaseUrl })
  await admin.connect()
  await admin.query('DROP DATABASE IF EXISTS casetracker_bench_import')
  await admin.query('CREATE DATABASE casetracker_bench_import')
  await admin.end()
  const url = new URL(databaseUrl)
  url.pathname = '/casetracker_bench_import'
  const handle = openPostgres(url.toString())
  return {
    ...handle,
    close: async () => {
      await handle.close()
      const again = new pg.Client({ connectionString: databaseUrl })
      await again.connect()
      await again.query('DROP DATABASE IF EXISTS casetracker_bench_import')
      await again.end()
    },
  }
}

/**
 * Runs `work` and reports its seconds, the longest the event loop went without a turn, and the
 * process's peak resident memory (sampled every 10 ms; with PGlite it includes the database).
 */
async function timed(work: () => Promise<unknown>) {
  let longest = 0
  let peakRss = process.memoryUsage.rss()
  let peakHeap = process.memoryUsage().heapUsed
  let last = performance.now()
  let ticks = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last - 10)
    last = now
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
    // The heap's size costs more to read: every 100 ms.
    if (++ticks % 10 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }, 10)
  const started = performance.now()
  await work()
  clearInterval(timer)
  return {
    seconds: (performance.now() - started) / 1000,
    longestPauseMs: Math.round(longest),
    peakRssMb: Math.round(Math.max(peakRss, process.memoryUsage.rss()) / 1e6),
    peakHeapMb: Math.round(Math.max(peakHeap, process.memoryUsage().heapUsed) / 1e6),
  }
}

export async function benchImport(databaseUrl: string | undefined) {
  console.log(`\nCSV import of cases (${databaseUrl ? 'PostgreSQL' : 'PGlite'}, fresh database)`)
  console.log(
    '| rows | step | seconds | rows/s | longest event-loop pause | peak RSS | peak JS heap |',
  )
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |')
  const handle = await freshDatabase(databaseUrl)
  try {
    await migrateToLatest(handle.db)
    const user = await createUser(handle.db, {
      email: 'bench-import@example.org',
      name: 'Bench importer',
      role: 'admin',
      password: 'bench-import-password-1',
    })
    const viewer = { id: user.id, role: 'admin' as const }
    for (const rows of SIZES) {
      const content = benchCsv(rows)
      const parsed = parseCsvText(content)
      if (!parsed.ok) throw new Error(parsed.error)
      const mapping = suggestMapping(parsed.value.headers)
      const id = await createCaseImport(handle.db, {
        userId: user.id,
        fileName: `bench-${rows}.csv`,
        content,
        headers: parsed.value.headers,
        rowCount: rows,
        mapping,
      })
      await handle.db
        .updateTable('caseImports')
        .set({ status: 'dry_running' })
        .where('id', '=', id)
        .execute()
      const dry = await timed(() => runDryRun(handle.db, { id, viewer }))
      await handle.db
        .updateTable('caseImports')
        .set({ status: 'committing' })
        .where('id', '=', id)
        .execute()
      const commit = await timed(() =>
        runCommit(handle.db, { id, viewer, actor: { userId: user.id }, leaveOut: false }),
      )
      const state = await handle.db
        .selectFrom('caseImports')
        .select(['status', 'error'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      if (state.status !== 'committed')
        throw new Error(`The import ended ${state.status}: ${state.error}`)
      for (const [step, t] of [
        ['dry run', dry],
        ['commit', commit],
      ] as const)
        console.log(
          `| ${rows.toLocaleString('en')} | ${step} | ${t.seconds.toFixed(1)} | ${Math.round(rows / t.seconds).toLocaleString('en')} | ${t.longestPauseMs} ms | ${t.peakRssMb} MB | ${t.peakHeapMb} MB |`,
        )
    }
  } finally {
    await handle.close()
  }
}

if (process.argv[1]?.endsWith('import.ts'))
  benchImport(process.env.DATABASE_URL).catch((error) => {
    console.error(error)
    process.exit(1)
  })
