// `npm run restore < file.json`: restores a backup into the configured database, which must be empty
// (it is migrated first if it is new). Refusals name the problem and write nothing (docs/backup.md).
import { BackupRefusedError } from '../app/backup/format'
import { restoreBackup } from '../app/backup/restore.server'
import { openConfiguredDatabase } from '../app/utils/open-database.server'
import { getEnv } from '../app/utils/env.server'
import { migrateToLatest } from '../db/migrate'

async function main() {
  if (process.stdin.isTTY) {
    console.error('Give the backup on standard input: npm run restore < backup.json')
    process.exit(2)
  }
  const env = getEnv()
  const handle = await openConfiguredDatabase(env)
  try {
    await migrateToLatest(handle.db)
    const started = performance.now()
    const summary = await restoreBackup(handle.db, process.stdin)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.error(
      `Restored ${summary.rows} rows in ${summary.tables} tables (schema ${summary.schemaVersion}) ` +
        `into ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${env.PGLITE_DIR}`} in ${seconds} s.`,
    )
  } finally {
    await handle.close()
  }
}

main().catch((error) => {
  const refused = error instanceof BackupRefusedError
  console.error(
    `${refused ? 'Restore refused' : 'Restore failed'}: ${error instanceof Error ? error.message : String(error)}` +
      (refused ? '' : '\nNothing was written: the restore runs in one transaction.'),
  )
  process.exit(1)
})
