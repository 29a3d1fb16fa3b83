// PGlite has no lock of its own: two processes opening one folder lose data. The app holds a lock file
// and a second opener is refused with a clear message while the data stays intact.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { DatabaseLockedError, openPglite } from '../../app/utils/open-database.server'

const root = path.resolve(import.meta.dirname, '..', '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-lock-'))

function openInAnotherProcess(dir: string) {
  return spawnSync(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'tests/support/open-pglite-child.ts'), dir],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  )
}

describe('the PGlite folder lock', () => {
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

  it('refuses a second process while the first has the folder open, and the data stays intact', async () => {
    const dir = path.join(tmp, 'nested', 'db') // parent folders do not exist yet
    const first = await openPglite(dir)
    try {
      await sql`create table notes (body text)`.execute(first.db)
      await sql`insert into notes values ('kept')`.execute(first.db)

      const second = openInAnotherProcess(dir)
      expect(second.status).toBe(3)
      expect(second.stdout).toMatch(
        /REFUSED: The embedded database in .* is already open in another process \(pid \d+\)/,
      )

      // In this process too, a second opener is refused rather than sharing the folder.
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DatabaseLockedError)

      const rows = await sql<{ body: string }>`select body from notes`.execute(first.db)
      expect(rows.rows).toEqual([{ body: 'kept' }])
    } finally {
      await first.close()
    }

    // Once closed, the lock is gone and another process opens the folder and finds the data.
    expect(fs.existsSync(`${dir}.lock`)).toBe(false)
    const third = openInAnotherProcess(dir)
    expect(third.stdout).toContain('OPENED')
    const reopened = await openPglite(dir)
    const rows = await sql<{ body: string }>`select body from notes`.execute(reopened.db)
    expect(rows.rows).toEqual([{ body: 'kept' }])
    await reopened.close()
  })

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = path.join(tmp, 'stale')
    fs.mkdirSync(tmp, { recursive: true })
    // A pid far above the kernel's limit cannot be alive.
    fs.writeFileSync(`${dir}.lock`, '2147483646')
    const handle = await openPglite(dir)
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid))
    await handle.close()
  })
})
