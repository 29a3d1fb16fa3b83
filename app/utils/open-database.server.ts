// Opens the product's database: PostgreSQL through `pg`, or PGlite (Postgres in WASM) in a folder.
// Both give one Kysely<Database> with the same value types (see docs/decisions/001-pglite-default.md).
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { Database } from '../../db/schema'

const INT8 = 20
const DATE = 1082

/** int8 as a JS number (counts) and `date` as 'YYYY-MM-DD' (no time-zone shift) on both databases. */
const pgliteParsers = {
  [INT8]: (value: string) => Number(value),
  [DATE]: (value: string) => value,
}

export class DatabaseLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is already open in another process (pid ${pid}). ` +
        'Stop that process first, or point PGLITE_DIR at another folder. Two processes writing one ' +
        'PGlite folder corrupt it.',
    )
    this.name = 'DatabaseLockedError'
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * PGlite has no lock of its own: a second process opening the same folder loses data. The lock is a
 * file beside the folder holding the owner's pid; a lock left by a dead process is taken over.
 */
export function acquirePgliteLock(dir: string): () => void {
  const lockPath = `${path.resolve(dir)}.lock`
  fs.mkdirSync(path.dirname(lockPath), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      let released = false
      const release = () => {
        if (released) return
        released = true
        process.off('exit', release)
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath)
        } catch {
          // already gone
        }
      }
      process.on('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim())
      if (Number.isInteger(holder) && holder > 0 && isProcessAlive(holder)) {
        throw new DatabaseLockedError(dir, holder)
      }
      fs.rmSync(lockPath, { force: true })
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`)
}

export type DatabaseHandle = {
  db: Kysely<Database>
  kind: 'postgres' | 'pglite'
  close: () => Promise<void>
}

function kyselyFor(dialect: ConstructorParameters<typeof Kysely<Database>>[0]['dialect']) {
  return new Kysely<Database>({ dialect, plugins: [new CamelCasePlugin()] })
}

/** How the app's own pool differs from a script's: it reports lost connections, and bounds statements. */
export type PoolOptions = {
  max?: number
  /** A statement running longer is cancelled (the app's requests; never migrations). */
  statementTimeoutMs?: number
  /** A connection lost under the pool; without it, one line on stderr. */
  onConnectionLost?: (error: Error) => void
}

export function openPostgres(connectionString: string, options: PoolOptions = {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    // A silent network (no refusal, no answer) fails a request after 5 s instead of holding it.
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    // PostgreSQL's JIT compiles a query when its cost estimate is high, and the visibility rule's
    // OR EXISTS inflates the estimate: on the case list it spent ~0.7 s compiling to save nothing.
    // Every query here is short and indexed; JIT never pays (docs/benchmarks.md).
    options: '-c jit=off',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return (value: string) => Number(value)
        if (oid === DATE) return (value: string) => value
        return pg.types.getTypeParser(oid, format)
      }) as typeof pg.types.getTypeParser,
    },
  })
  // A client losing its connection — idle in the pool, or checked out between two queries of a
  // transaction — must not crash the process: the pool drops it and the next query reconnects.
  const lost =
    options.onConnectionLost ??
    ((error: Error) => console.error('PostgreSQL connection lost:', error.message))
  pool.on('error', lost)
  pool.on('connect', (client) => client.on('error', lost))
  const db = kyselyFor(new PostgresDialect({ pool }))
  return { db, kind: 'postgres', close: () => db.destroy() }
}

/**
 * Options every PGlite opener uses, so all of them load the same extensions and parsers: a folder
 * whose migrations created an extension cannot be opened without it (pg_trgm: name search).
 */
export function pgliteOptions() {
  return { parsers: pgliteParsers, extensions: { pg_trgm } }
}

export async function openPglite(dir: string): Promise<DatabaseHandle> {
  fs.mkdirSync(dir, { recursive: true })
  const release = acquirePgliteLock(dir)
  try {
    const client = await PGlite.create(dir, pgliteOptions())
    const db = kyselyFor(new PGliteDialect(client))
    return {
      db,
      kind: 'pglite',
      close: async () => {
        try {
          await db.destroy()
        } finally {
          release()
        }
      },
    }
  } catch (error) {
    release()
    throw error
  }
}

/** A PGlite in memory, optionally started from a dump of another one's data folder (tests). */
export async function openPgliteInMemory(loadDataDir?: Blob | File): Promise<DatabaseHandle> {
  const client = await PGlite.create({
    ...pgliteOptions(),
    ...(loadDataDir ? { loadDataDir } : {}),
  })
  const db = kyselyFor(new PGliteDialect(client))
  return { db, kind: 'pglite', close: () => db.destroy() }
}

export function openConfiguredDatabase(
  config: { DATABASE_URL?: string; PGLITE_DIR: string },
  poolOptions: PoolOptions = {},
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return Promise.resolve(openPostgres(config.DATABASE_URL, poolOptions))
  return openPglite(config.PGLITE_DIR)
}
