// Migrates a database to the latest schema. `npm run db:migrate` runs it on the configured database.
import { Migrator, type Kysely } from 'kysely'
import { migrations } from './migrations'

export function migratorFor(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  })
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await migratorFor(db).migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

async function main() {
  const { openConfiguredDatabase } = await import('../app/utils/open-database.server')
  const { getEnv } = await import('../app/utils/env.server')
  const handle = await openConfiguredDatabase(getEnv())
  try {
    const applied = await migrateToLatest(handle.db)
    console.log(
      applied.length
        ? `Applied migrations: ${applied.join(', ')}`
        : 'Database schema is up to date.',
    )
  } finally {
    await handle.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
