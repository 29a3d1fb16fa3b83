// Run by tests/resilience/pglite-full-disk.test.ts in its own process: opens a PGlite folder, saves
// a row, then makes every file write fail with ENOSPC (a full disk, simulated where PGlite writes:
// Node's fs.writeSync) and tries a write — one that must grow a table ("grow") or a small one that
// only needs the write-ahead log at commit ("commit"). Prints what happened, one word a line.
import fs from 'node:fs'
import { sql } from 'kysely'
import { openPglite } from '../../app/utils/open-database.server'

const [dir, mode] = process.argv.slice(2) as [string, 'grow' | 'commit']
const handle = await openPglite(dir)
await sql`create table if not exists notes (body text not null)`.execute(handle.db)
await sql`insert into notes values ('kept')`.execute(handle.db)
console.log('SAVED')

const writeSync = fs.writeSync
let full = true
fs.writeSync = ((fd: number, ...rest: unknown[]) => {
  if (full && fd > 2)
    throw Object.assign(new Error('ENOSPC: no space left on device'), {
      code: 'ENOSPC',
      errno: -28,
    })
  return (writeSync as (...args: unknown[]) => number)(fd, ...rest)
}) as typeof fs.writeSync

try {
  await handle.db.transaction().execute(async (trx) => {
    if (mode === 'grow')
      await sql`insert into notes select repeat('x', 1000) from generate_series(1, 5000)`.execute(
        trx,
      )
    else await sql`insert into notes values ('small')`.execute(trx)
  })
  console.log('WRITTEN')
} catch (error) {
  console.log(`REFUSED ${(error as { code?: string }).code ?? ''}`)
}
full = false
await sql`insert into notes values ('after')`.execute(handle.db)
console.log('WRITES AGAIN')
await handle.close()
