// Fills a migrated, empty bench database with a synthetic caseload, set-based in SQL: one INSERT …
// SELECT over generate_series per table, no row-by-row loop in JavaScript. Values come from a hash of
// the row number, so every run (and both databases) get the same data. Names say "Synthetic" so
// nobody mistakes a row for a real person.
import { performance } from 'node:perf_hooks'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { todayIso } from '../../app/domain/dates'
import { deriveCaseState } from '../../app/domain/status'
import { hashPassword } from '../../app/models/user.server'
import {
  BENCH_EDITOR_EMAIL,
  TIMELINE_CASE,
  generationSteps,
  type Caseload,
} from './generation-steps'

export { BENCH_EDITOR_EMAIL, TIMELINE_CASE, type Caseload }

export type BenchSize = 'realistic' | 'large'

export const CASELOADS: Record<BenchSize, Caseload> = {
  realistic: {
    cases: 2_000,
    events: 20_000,
    actions: 30_000,
    sources: 1_000,
    actors: 300,
    documents: 200,
    staff: 10,
  },
  large: {
    cases: 100_000,
    events: 1_000_000,
    actions: 1_000_000,
    sources: 50_000,
    actors: 3_000,
    documents: 10_000,
    staff: 50,
  },
}

/** The last migration of the schema this generator writes; later ones run over the data it made. */
export const GENERATOR_SCHEMA = '0003_activity_indexes'

/** Bump when the generated data changes shape, so existing bench databases are regenerated. */
const GENERATOR_VERSION = 2

export const BENCH_PASSWORD = 'synthetic-bench-password'

export function generationParameters(size: BenchSize) {
  return { version: GENERATOR_VERSION, size, ...CASELOADS[size] }
}

/** A well-mixed non-negative bigint from a row number and a salt (the same on PostgreSQL and PGlite). */
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1)

/** The parameters the database was generated with, or null when it was not (completely) generated. */
export async function generatedWith(db: Kysely<Database>): Promise<string | null> {
  const found = await sql<{ parameters: string }>`SELECT parameters FROM bench_generation`
    .execute(db)
    .catch(() => ({ rows: [] as { parameters: string }[] }))
  return found.rows[0]?.parameters ?? null
}

/** Fills the (migrated, empty) database and marks it as generated with these parameters. */
export async function generateCaseload(db: Kysely<Database>, size: BenchSize): Promise<number> {
  const started = performance.now()
  const today = todayIso()
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  await sql`SET work_mem = '256MB'`.execute(db)
  await sql`SET synchronous_commit = off`.execute(db)
  console.log(`Generating the ${size} caseload (${JSON.stringify(CASELOADS[size])}):`)
  // Foreign keys are checked once, set-based, after the load (checkForeignKeys) instead of by a
  // trigger per row, which took most of the time. Needs a superuser; without one, rows are checked
  // one by one as usual.
  const deferredChecks = await sql`SET session_replication_role = replica`.execute(db).then(
    () => true,
    () => false,
  )
  for (const step of generationSteps(CASELOADS[size], passwordHash, today)) {
    const stepStarted = performance.now()
    const result = await sql.raw(step.text).execute(db)
    const rows = result.numAffectedRows === undefined ? '' : `${result.numAffectedRows} rows, `
    console.log(`  ${step.table}: ${rows}${seconds(stepStarted)} s (total ${seconds(started)} s)`)
  }
  if (deferredChecks) {
    await sql`RESET session_replication_role`.execute(db)
    const checkStarted = performance.now()
    const checked = await checkForeignKeys(db)
    console.log(
      `  ${checked} foreign keys checked: ${seconds(checkStarted)} s (total ${seconds(started)} s)`,
    )
  }
  const vacuumStarted = performance.now()
  await sql`VACUUM (ANALYZE)`.execute(db)
  console.log(`  vacuum and analyze: ${seconds(vacuumStarted)} s (total ${seconds(started)} s)`)
  await checkDerivedState(db, today, CASELOADS[size].cases)
  const elapsed = (performance.now() - started) / 1000
  await sql`CREATE TABLE bench_generation (parameters text NOT NULL, generated_at timestamptz NOT NULL DEFAULT now(), seconds numeric NOT NULL)`.execute(
    db,
  )
  await sql`INSERT INTO bench_generation (parameters, seconds) VALUES (${JSON.stringify(generationParameters(size))}, ${elapsed})`.execute(
    db,
  )
  console.log(`Generated in ${elapsed.toFixed(1)} s.`)
  return elapsed
}

/** Every foreign key of the schema, checked in one anti-join each; throws on a dangling reference. */
async function checkForeignKeys(db: Kysely<Database>): Promise<number> {
  const keys = await sql<{ child: string; column: string; parent: string; key: string }>`
    SELECT c.conrelid::regclass::text AS child, a.attname AS column,
      c.confrelid::regclass::text AS parent, pa.attname AS key
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
    WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND cardinality(c.conkey) = 1`.execute(
    db,
  )
  for (const { child, column, parent, key } of keys.rows) {
    const dangling = await sql
      .raw<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${child} WHERE ${column} IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM ${parent} WHERE ${parent}.${key} = ${child}.${column})`,
      )
      .execute(db)
    if (dangling.rows[0]!.n > 0)
      throw new Error(`${dangling.rows[0]!.n} rows of ${child}.${column} name no ${parent}`)
  }
  return keys.rows.length
}

/** Compares the derived columns of a sample of cases with what the app's own derivation says. */
async function checkDerivedState(db: Kysely<Database>, today: string, cases: number) {
  const sample = await db
    .selectFrom('cases')
    .select(['id', 'currentCustodyState', 'currentLegalStage', 'detainedSince', 'nextEventDate'])
    .where(
      sql<boolean>`mod(id, ${Math.max(1, Math.floor(cases / 300))}) = 0 OR id = ${TIMELINE_CASE.id}`,
    )
    .limit(300)
    .execute()
  const events = await db
    .selectFrom('statusEvents')
    .select([
      'id',
      'caseId',
      'eventDate',
      'datePrecision',
      'createdAt',
      'custodyState',
      'legalStage',
    ])
    .where(
      'caseId',
      'in',
      sample.map((c) => c.id),
    )
    .execute()
  const wrong = sample.filter((c) => {
    const derived = deriveCaseState(
      events.filter((e) => e.caseId === c.id),
      today,
    )
    return (
      derived.currentCustodyState !== c.currentCustodyState ||
      derived.currentLegalStage !== c.currentLegalStage ||
      (derived.detainedSince?.date ?? null) !== c.detainedSince ||
      derived.nextEventDate !== c.nextEventDate
    )
  })
  if (wrong.length)
    throw new Error(
      `Derived case state disagrees with app/domain/status.ts for cases ${wrong.map((c) => c.id).join(', ')}`,
    )
  console.log(`  derived state checked against app/domain/status.ts on ${sample.length} cases`)
}
