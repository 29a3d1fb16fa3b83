// `npm run bench -- --only backup`: times a backup of the bench caseload to a file, a restore of that
// file into a fresh database (created here and dropped after), and a second backup of the restored
// database, which must give the same bytes. Reports seconds, rows per second, the file's size and the
// peak resident memory of this process during each step.
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { restoreBackup } from '../../app/backup/restore.server'
import { backupChunks } from '../../app/backup/write.server'
import { openPglite, openPostgres, type DatabaseHandle } from '../../app/utils/open-database.server'
import { migrateToLatest } from '../../db/migrate'
import { prepareBenchDatabase, type BenchTarget } from './database'

export type BackupBenchStep = { seconds: number; rowsPerSecond: number; peakRssMb: number }

export type BackupBenchReport = {
  rows: number
  fileBytes: number
  backup: BackupBenchStep
  restore: BackupBenchStep
  roundTripIdentical: boolean
}

/** Runs `work`, sampling this process's resident memory every 50 ms. */
async function measured<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50)
  const started = performance.now()
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage.rss())
    return { result, seconds: (performance.now() - started) / 1000, peakRssMb: peak / 2 ** 20 }
  } finally {
    clearInterval(timer)
  }
}

/** Writes a backup to `file` (or only hashes it when file is null); returns its hash and size. */
async function backupTo(db: DatabaseHandle['db'], file: string | null) {
  const hash = createHash('sha256')
  const out = file ? fs.createWriteStream(file) : null
  let bytes = 0
  let header = ''
  for await (const chunk of backupChunks(db)) {
    if (!header) header = chunk
    hash.update(chunk)
    bytes += Buffer.byteLength(chunk)
    if (out && !out.write(chunk)) await once(out, 'drain')
  }
  if (out)
    await new Promise<void>((resolve, reject) =>
      out.end((e?: Error) => (e ? reject(e) : resolve())),
    )
  const counts = JSON.parse(`${header.split('\n')[0]}]}`).rowCounts as Record<string, number>
  const rows = Object.values(counts).reduce((a, b) => a + b, 0)
  return { sha256: hash.digest('hex'), bytes, rows }
}

/** An empty, migrated database to restore into, and how to remove it. */
async function freshDatabase(target: BenchTarget) {
  const url = target.serverEnv.DATABASE_URL
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetracker-bench-restore-'))
    const handle = await openPglite(dir)
    await migrateToLatest(handle.db)
    return {
      handle,
      drop: async () => {
        await handle.close()
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const name = 'casetracker_bench_restore'
  const adminUrl = new URL(url)
  adminUrl.pathname = '/postgres'
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl.toString() })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin(`CREATE DATABASE ${name}`)
  const restoreUrl = new URL(url)
  restoreUrl.pathname = `/${name}`
  const handle = openPostgres(restoreUrl.toString(), { max: 2 })
  await migrateToLatest(handle.db)
  return {
    handle,
    drop: async () => {
      await handle.close()
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    },
  }
}

export async function benchBackup(
  target: BenchTarget,
  { regenerate }: { regenerate: boolean },
): Promise<BackupBenchReport> {
  const file = path.join(os.tmpdir(), `casetracker-bench-backup-${target.size}.json`)
  const { connection } = await prepareBenchDatabase(target, { regenerate })
  let original: Awaited<ReturnType<typeof backupTo>>
  let backup: BackupBenchStep
  try {
    console.log(`Backing up the ${target.size} caseload on ${connection.version} to ${file}…`)
    const step = await measured(() => backupTo(connection.db, file))
    original = step.result
    backup = {
      seconds: step.seconds,
      rowsPerSecond: original.rows / step.seconds,
      peakRssMb: step.peakRssMb,
    }
    console.log(
      `  backup: ${backup.seconds.toFixed(1)} s, ${original.rows} rows, ${(original.bytes / 2 ** 20).toFixed(0)} MB, peak RSS ${backup.peakRssMb.toFixed(0)} MB`,
    )
  } finally {
    // PGlite allows one opener per folder; the restore opens another.
    await connection.close()
  }
  const fresh = await freshDatabase(target)
  // The bench database carries its generator's marker table; the restore target needs the same schema.
  await sql`CREATE TABLE bench_generation (parameters text NOT NULL, generated_at timestamptz NOT NULL DEFAULT now(), seconds numeric NOT NULL)`.execute(
    fresh.handle.db,
  )
  try {
    console.log('Restoring it into a fresh database…')
    const step = await measured(() => restoreBackup(fresh.handle.db, fs.createReadStream(file)))
    const restore = {
      seconds: step.seconds,
      rowsPerSecond: step.result.rows / step.seconds,
      peakRssMb: step.peakRssMb,
    }
    console.log(
      `  restore: ${restore.seconds.toFixed(1)} s, peak RSS ${restore.peakRssMb.toFixed(0)} MB`,
    )
    console.log('Backing up the restored database to compare…')
    const again = await backupTo(fresh.handle.db, null)
    const report: BackupBenchReport = {
      rows: original.rows,
      fileBytes: original.bytes,
      backup,
      restore,
      roundTripIdentical: again.sha256 === original.sha256,
    }
    console.log(backupReport(report))
    return report
  } finally {
    await fresh.drop()
    fs.rmSync(file, { force: true })
  }
}

export function backupReport(r: BackupBenchReport): string {
  const line = (name: string, s: BackupBenchStep) =>
    `| ${name} | ${s.seconds.toFixed(1)} | ${Math.round(s.rowsPerSecond).toLocaleString('en')} | ${Math.round(s.peakRssMb)} |`
  return [
    `\nBackup and restore of ${r.rows.toLocaleString('en')} rows, file ${(r.fileBytes / 2 ** 20).toFixed(0)} MB:`,
    '',
    '| step | seconds | rows/s | peak RSS (MB) |',
    '| --- | --- | --- | --- |',
    line('backup', r.backup),
    line('restore', r.restore),
    '',
    `Backup of the restored database byte-identical: ${r.roundTripIdentical ? 'yes' : 'NO'}`,
  ].join('\n')
}
