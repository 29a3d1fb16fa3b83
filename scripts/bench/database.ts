// The bench's own connection to a bench database: a Kysely instance like the app's (same plugin and
// value parsers) whose log records every compiled statement, and a bare query function that runs a
// recorded statement without Kysely. PostgreSQL gets a database of its own per size; PGlite a folder.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { CamelCasePlugin, Kysely, PostgresDialect, sql, type LogEvent } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { Database } from '../../db/schema'
import { migrateToLatest, migratorFor } from '../../db/migrate'
import { acquirePgliteLock, pgliteOptions } from '../../app/utils/open-database.server'
import {
  GENERATOR_SCHEMA,
  generateCaseload,
  generatedWith,
  generationParameters,
  type BenchSize,
} from './generate'

export type CapturedStatement = { label: string; sql: string; parameters: readonly unknown[] }

export type BenchConnection = {
  db: Kysely<Database>
  /** Statements run while `label` is set are recorded under that label. */
  capture: { label: string | null; statements: CapturedStatement[] }
  bare: (statement: CapturedStatement) => Promise<unknown>
  version: string
  close: () => Promise<void>
}

export type BenchTarget = {
  kind: 'postgres' | 'pglite'
  size: BenchSize
  /** Environment the app server needs to open the same database. */
  serverEnv: Record<string, string | undefined>
  connect: () => Promise<BenchConnection>
  /** Forgets the data, so the next preparation generates it anew. */
  drop: () => Promise<void>
}

const INT8 = 20
const DATE = 1082

function recorder(capture: BenchConnection['capture']) {
  return (event: LogEvent) => {
    if (event.level === 'error') return
    if (capture.label)
      capture.statements.push({
        label: capture.label,
        sql: event.query.sql,
        parameters: event.query.parameters,
      })
  }
}

function postgresTarget(adminUrl: string, size: BenchSize): BenchTarget {
  const name = `casetracker_bench_${size}`
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const admin = async <T>(run: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    try {
      return await run(client)
    } finally {
      await client.end()
    }
  }
  return {
    kind: 'postgres',
    size,
    serverEnv: { DATABASE_URL: url.toString() },
    connect: async () => {
      await admin(async (client) => {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
        if (!found.rowCount) await client.query(`CREATE DATABASE ${name}`)
      })
      // One connection: session settings of the generation hold, and replays run one at a time.
      const pool = new pg.Pool({
        connectionString: url.toString(),
        max: 1,
        // The app's session settings (openPostgres in app/utils/open-database.server.ts), so the bare
        // statements are planned as the app's are.
        options: '-c jit=off',
        types: {
          getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
            if (oid === INT8) return (value: string) => Number(value)
            if (oid === DATE) return (value: string) => value
            return pg.types.getTypeParser(oid, format)
          }) as typeof pg.types.getTypeParser,
        },
      })
      const capture: BenchConnection['capture'] = { label: null, statements: [] }
      const db = new Kysely<Database>({
        dialect: new PostgresDialect({ pool }),
        plugins: [new CamelCasePlugin()],
        log: recorder(capture),
      })
      const version = (
        await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v")
      ).rows[0]!.v
      return {
        db,
        capture,
        bare: (s) => pool.query(s.sql, s.parameters as unknown[]),
        version: `PostgreSQL ${version.split(' ')[0]}`,
        close: () => db.destroy(),
      }
    },
    drop: () =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      }),
  }
}

function pgliteTarget(size: BenchSize): BenchTarget {
  const dir = path.join(os.tmpdir(), `casetracker-bench-pglite-${size}`)
  return {
    kind: 'pglite',
    size,
    serverEnv: { PGLITE_DIR: dir, DATABASE_URL: undefined },
    connect: async () => {
      fs.mkdirSync(dir, { recursive: true })
      const release = acquirePgliteLock(dir)
      try {
        const client = await PGlite.create(dir, pgliteOptions())
        const capture: BenchConnection['capture'] = { label: null, statements: [] }
        const db = new Kysely<Database>({
          dialect: new PGliteDialect(client),
          plugins: [new CamelCasePlugin()],
          log: recorder(capture),
        })
        const version = (
          await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")
        ).rows[0]!.v
        return {
          db,
          capture,
          bare: (s) => client.query(s.sql, s.parameters as unknown[]),
          version: `PGlite (PostgreSQL ${version.split(' ')[0]})`,
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
    },
    drop: async () => {
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function benchTarget(size: BenchSize, databaseUrl: string | undefined): BenchTarget {
  return databaseUrl ? postgresTarget(databaseUrl, size) : pgliteTarget(size)
}

/**
 * Opens the bench database, migrated and generated with this size's parameters: an existing one is
 * reused when its marker says so, otherwise (or with `regenerate`) it is dropped and made anew.
 */
export async function prepareBenchDatabase(
  target: BenchTarget,
  { regenerate }: { regenerate: boolean },
): Promise<{ connection: BenchConnection; generationSeconds: number | null }> {
  const wanted = JSON.stringify(generationParameters(target.size))
  if (regenerate) await target.drop()
  let connection = await target.connect()
  const found = await generatedWith(connection.db)
  if (found === wanted) {
    await settle(connection, await migrateToLatest(connection.db))
    console.log(`Reusing the generated ${target.size} caseload (--regenerate makes it anew).`)
    return { connection, generationSeconds: null }
  }
  if (found !== null || (await hasRows(connection))) {
    await connection.close()
    await target.drop()
    connection = await target.connect()
  }
  // The generator writes the schema it was written for; later migrations then run over the data as
  // they would over a production database (backfilling what they add), and their triggers are not
  // bypassed by the generator's deferred foreign-key checks.
  const { error } = await migratorFor(connection.db).migrateTo(GENERATOR_SCHEMA)
  if (error) throw error instanceof Error ? error : new Error(String(error))
  const generationSeconds = await generateCaseload(connection.db, target.size)
  const migrated = await migrateToLatest(connection.db)
  if (migrated.length) console.log(`Then migrated over the data: ${migrated.join(', ')}`)
  await settle(connection, migrated)
  return { connection, generationSeconds }
}

/**
 * After migrations ran over the data: a migration that rewrites a table (a new column filled for
 * every case) leaves its old rows dead, and a new summary table has no statistics yet, so plans and
 * index-only scans would be those of a database autovacuum has not reached — not of production.
 */
async function settle(connection: BenchConnection, migrated: string[]) {
  if (!migrated.length) return
  const started = performance.now()
  await sql`VACUUM ANALYZE`.execute(connection.db)
  console.log(
    `  vacuum and analyze after the migrations: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}

async function hasRows(connection: BenchConnection): Promise<boolean> {
  const row = await connection.db
    .selectFrom('cases')
    .select('id')
    .limit(1)
    .executeTakeFirst()
    .catch(() => undefined)
  return row !== undefined
}
