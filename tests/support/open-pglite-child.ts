// Run by tests/db/pglite-lock.test.ts as a second process: tries to open a PGlite folder and reports.
import { openPglite } from '../../app/utils/open-database.server'

const dir = process.argv[2]!
try {
  const handle = await openPglite(dir)
  console.log('OPENED')
  await handle.close()
} catch (error) {
  console.log(`REFUSED: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(3)
}
