import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migratorFor, migrateToLatest } from '../../db/migrate'
import { migrations } from '../../db/migrations'
import { seedDatabase } from '../../db/seed'
import {
  backends,
  openEmptyTestDatabase,
  openTestDatabase,
  type TestDatabase,
} from '../support/test-database'

const TABLES = [
  'users',
  'sessions',
  'cases',
  'case_access',
  'status_events',
  'actors',
  'documents',
  'document_cases',
  'document_quotes',
  'sources',
  'citations',
  'advocacy_actions',
  'action_cases',
  'audit_events',
  'sign_in_attempts',
  'case_facet_counts',
  'case_facet_pair_counts',
  'case_activity',
  'detention_start_counts',
  'action_day_counts',
  'case_imports',
  'case_sponsors',
  'case_follows',
  'case_visits',
  'digest_settings',
]

async function tableNames(database: TestDatabase): Promise<string[]> {
  const result = await sql<{ tableName: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
  `.execute(database.db)
  return result.rows
    .map((row) => row.tableName)
    .filter((name) => !name.startsWith('schema_migrations'))
    .sort()
}

async function rowCounts(database: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of TABLES) {
    const result = await sql<{
      count: number
    }>`select count(*)::int as count from ${sql.table(table)}`.execute(database.db)
    counts[table] = result.rows[0]!.count
  }
  return counts
}

describe.each(backends())('migrations on %s', (backend) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openEmptyTestDatabase(backend)
  })
  afterAll(() => database.close())

  it('go up, all the way down, and up again', async () => {
    expect(await migrateToLatest(database.db)).toEqual(Object.keys(migrations))
    expect(await tableNames(database)).toEqual([...TABLES].sort())
    // Re-running is a no-op.
    expect(await migrateToLatest(database.db)).toEqual([])

    const migrator = migratorFor(database.db)
    for (let i = 0; i < Object.keys(migrations).length; i++) {
      const { error } = await migrator.migrateDown()
      expect(error).toBeUndefined()
    }
    expect(await tableNames(database)).toEqual([])

    expect(await migrateToLatest(database.db)).toEqual(Object.keys(migrations))
    expect(await tableNames(database)).toEqual([...TABLES].sort())
  })
})

describe.each(backends())('the seed on %s', (backend) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })
  afterAll(() => database.close())

  it('loads the Arsamikov case once: running it twice leaves the same rows', async () => {
    const first = await seedDatabase(database.db, { password: 'seed-test-password' })
    expect(first.createdCase).toBe(true)
    expect(first.createdUsers.map((u) => u.email)).toEqual([
      'admin@example.org',
      'editor@example.org',
      'viewer@example.org',
    ])
    const countsAfterFirst = await rowCounts(database)
    expect(countsAfterFirst).toMatchObject({
      users: 3,
      cases: 1,
      status_events: 5,
      sources: 2,
      documents: 1,
      document_quotes: 2,
      document_cases: 1,
      advocacy_actions: 1,
      action_cases: 1,
      actors: 6,
    })

    const second = await seedDatabase(database.db, { password: 'seed-test-password' })
    expect(second).toEqual({ createdUsers: [], createdCase: false })
    expect(await rowCounts(database)).toEqual(countsAfterFirst)
  })

  it('derives the current state from the seeded timeline', async () => {
    const row = await database.db
      .selectFrom('cases')
      .select([
        'currentCustodyState',
        'detainedSince',
        'detainedSincePrecision',
        'aliases',
        'visibility',
      ])
      .where('slug', '=', 'idris-arsamikov')
      .executeTakeFirstOrThrow()
    expect(row).toEqual({
      currentCustodyState: 'detained',
      detainedSince: '2023-02-01',
      detainedSincePrecision: 'month',
      aliases: ['Идрис Арсамиков'],
      visibility: 'public',
    })
  })
})
