// `npm run bench -- --only backup`: times `npm run backup` of the bench caseload to a file and
// `npm run restore` of that file into a fresh, empty database (created here and dropped after), each
// as its own process, as an admin runs them: seconds, rows per second, the file's size and the
// command's own peak resident memory (BENCH_MAX_RSS_FILE, see backup-max-rss.ts). With
// `--round-trip` it also backs the restored database up again and checks the bytes are the same
// (about the backup's time again).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { sql } from 'kysely'
import pg from 'pg'
import { openPglite, openPostgres, type DatabaseHandle } from '../../app/utils/open-database.server'
import { migrateToLatest } from '../../db/migrate'
import { prepareBenchDatabase, type BenchTarget } from './database'

export type BackupBenchStep = { seconds: number; rowsPerSecond: number; peakRssMb: number }

export type BackupBenchReport = {
  rows: number
  fileBytes: number
  backup: BackupBenchStep
  restore: BackupBenchStep
  /** The backup of the restored database, when asked for. */
  roundTrip: (BackupBenchStep & { identical: boolean }) | null
}

type Env = Record<string, string | undefined>

const root = path.resolve(import.meta.dirname, '..', '..')

/**
 * Runs scripts/<script> as `npm run` would (without npm's own process), standard input from
 * `stdinFile`, standard output to `stdoutFile` or hashed here; its seconds and peak RSS.
 */
async function runScript(
  script: 'backup.ts' | 'restore.ts',
  env: Env,
  io: { stdinFile?: string; stdoutFile?: string },
) {
  const rssFile = path.join(os.tmpdir(), `casetracker-bench-rss-${process.pid}-${script}`)
  const stdin = io.stdinFile ? fs.openSync(io.stdinFile, 'r') : 'ignore'
  const stdout = io.stdoutFile ? fs.openSync(io.stdoutFile, 'w') : 'pipe'
  const { DATABASE_URL: _own, ...inherited } = process.env
  const childEnv = Object.fromEntries(
    Object.entries({ ...inherited, ...env, BENCH_MAX_RSS_FILE: rssFile }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  ) as NodeJS.ProcessEnv
  const hash = createHash('sha256')
  const started = performance.now()
  try {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        path.join(root, 'scripts', 'bench', 'backup-max-rss.ts'),
        path.join(root, 'scripts', script),
      ],
      { cwd: root, env: childEnv, stdio: [stdin, stdout, 'pipe'] },
    )
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout?.on('data', (chunk: Buffer) => hash.update(chunk))
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', resolve)
    })
    const seconds = (performance.now() - started) / 1000
    if (code !== 0) throw new Error(`${script} ended with code ${code}: ${stderr.trim()}`)
    const peakRssMb = Number(fs.readFileSync(rssFile, 'utf8')) / 1024
    return { seconds, peakRssMb, sha256: io.stdoutFile ? null : hash.digest('hex'), stderr }
  } finally {
    if (typeof stdin === 'number') fs.closeSync(stdin)
    if (typeof stdout === 'number') fs.closeSync(stdout)
    fs.rmSync(rssFile, { force: true })
  }
}

/** The rows a backup file holds, from its header line's row counts. */
async function rowsOf(file: string) {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })
  for await (const line of lines) {
    lines.close()
    const counts = JSON.parse(`${line}]}`).rowCounts as Record<string, number>
    return Object.values(counts).reduce((a, b) => a + b, 0)
  }
  throw new Error(`${file} is empty`)
}

async function sha256Of(file: string) {
  const hash = createHash('sha256')
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * An empty database migrated to the bench's schema, closed (the restore opens it), with the
 * environment that names it and how to remove it.
 */
async function freshDatabase(target: BenchTarget) {
  const url = target.serverEnv.DATABASE_URL
  const prepare = async (handle: DatabaseHandle) => {
    try {
      await migrateToLatest(handle.db)
      // The bench database carries its generator's marker table; the restore needs the same schema.
      await sql`CREATE TABLE bench_generation (parameters text NOT NULL, generated_at timestamptz NOT NULL DEFAULT now(), seconds numeric NOT NULL)`.execute(
        handle.db,
      )
    } finally {
      await handle.close()
    }
  }
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casetracker-bench-restore-'))
    await prepare(await openPglite(dir))
    return {
      env: { DATABASE_URL: undefined, PGLITE_DIR: dir },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
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
  await prepare(openPostgres(restoreUrl.toString(), { max: 2 }))
  return {
    env: { DATABASE_URL: restoreUrl.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  }
}

export async function benchBackup(
  target: BenchTarget,
  { regenerate, roundTrip }: { regenerate: boolean; roundTrip: boolean },
): Promise<BackupBenchReport> {
  const file = path.join(os.tmpdir(), `casetracker-bench-backup-${target.size}.json`)
  // Generated (or reused) and migrated, then closed: PGlite allows one process per folder.
  const { connection } = await prepareBenchDatabase(target, { regenerate })
  const version = connection.version
  await connection.close()
  const step = (seconds: number, rows: number, peakRssMb: number): BackupBenchStep => ({
    seconds,
    rowsPerSecond: rows / seconds,
    peakRssMb,
  })
  const fresh = await freshDatabase(target)
  try {
    console.log(`npm run backup of the ${target.size} caseload on ${version} > ${file}…`)
    const backedUp = await runScript('backup.ts', target.serverEnv, { stdoutFile: file })
    const rows = await rowsOf(file)
    const fileBytes = fs.statSync(file).size
    const backup = step(backedUp.seconds, rows, backedUp.peakRssMb)
    console.log(`  ${stepLine('backup', backup)}, ${megabytes(fileBytes)}`)
    console.log('npm run restore of that file into a fresh, empty database…')
    const restored = await runScript('restore.ts', fresh.env, { stdinFile: file })
    const restore = step(restored.seconds, rows, restored.peakRssMb)
    console.log(`  ${stepLine('restore', restore)} (${restored.stderr.trim()})`)
    let again: BackupBenchReport['roundTrip'] = null
    if (roundTrip) {
      console.log('npm run backup of the restored database, compared with the first…')
      const second = await runScript('backup.ts', fresh.env, {})
      again = {
        ...step(second.seconds, rows, second.peakRssMb),
        identical: second.sha256 === (await sha256Of(file)),
      }
      console.log(`  ${stepLine('backup again', again)}`)
    }
    const report: BackupBenchReport = { rows, fileBytes, backup, restore, roundTrip: again }
    console.log(backupReport(report))
    if (again && !again.identical) process.exitCode = 1
    return report
  } finally {
    await fresh.drop()
    fs.rmSync(file, { force: true })
  }
}

const megabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`

function stepLine(name: string, s: BackupBenchStep) {
  return `${name}: ${s.seconds.toFixed(1)} s, ${Math.round(s.rowsPerSecond).toLocaleString('en')} rows/s, peak RSS ${Math.round(s.peakRssMb)} MB`
}

export function backupReport(r: BackupBenchReport): string {
  const line = (name: string, s: BackupBenchStep, file: string) =>
    `| ${name} | ${s.seconds.toFixed(1)} | ${Math.round(s.rowsPerSecond).toLocaleString('en')} | ${file} | ${Math.round(s.peakRssMb)} |`
  return [
    `\nBackup and restore of ${r.rows.toLocaleString('en')} rows (each step its own process):`,
    '',
    '| step | seconds | rows/s | file | peak RSS of the process (MB) |',
    '| --- | ---: | ---: | ---: | ---: |',
    line('npm run backup', r.backup, `${megabytes(r.fileBytes)} (${r.fileBytes} bytes)`),
    line('npm run restore (empty database)', r.restore, '—'),
    ...(r.roundTrip
      ? [
          line(
            'npm run backup of the restored copy',
            r.roundTrip,
            r.roundTrip.identical ? 'byte-identical' : 'DIFFERENT',
          ),
        ]
      : []),
    '',
    r.roundTrip
      ? `Backup of the restored database byte-identical: ${r.roundTrip.identical ? 'yes' : 'NO'}`
      : 'Round trip not checked (--round-trip backs the restored copy up and compares the bytes).',
  ].join('\n')
}
