// `npm run backup > file.json`: writes a backup of the configured database (PGlite in PGLITE_DIR, or
// PostgreSQL when DATABASE_URL is set) to standard output as it is read. docs/backup.md describes it.
import { once } from 'node:events'
import { backupChunks } from '../app/backup/write.server'
import { openConfiguredDatabase } from '../app/utils/open-database.server'
import { getEnv } from '../app/utils/env.server'

async function main() {
  if (process.stdout.isTTY) {
    console.error(
      'The backup holds restricted data: send it to a file, e.g. npm run backup > backup.json',
    )
    process.exit(2)
  }
  const handle = await openConfiguredDatabase(getEnv())
  try {
    for await (const chunk of backupChunks(handle.db)) {
      // Wait for the pipe to drain, so a slow disk never makes the whole database pile up here.
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain')
    }
  } finally {
    await handle.close()
  }
}

main().catch((error) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
