// The embedded database on a full disk (simulated: every file write fails with ENOSPC). A write that
// must grow a table is refused with PostgreSQL's disk-full error and rolled back, the database goes
// on, and the folder opens again afterwards with every committed row and nothing of the failed
// write. (A write that fails in the write-ahead log at commit hangs PGlite instead; that case was
// checked by hand — the folder reopens once the process is killed — see docs/deployment.md.)
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openPglite } from '../../app/utils/open-database.server'

const root = path.resolve(import.meta.dirname, '..', '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-full-disk-'))

/** Runs the child until it ends or `killAfterMs` passes after its first line; its lines. */
function runChild(dir: string, mode: string, killAfterMs: number): Promise<string[]> {
  const child = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    [path.join(root, 'tests/support/pglite-full-disk-child.ts'), dir, mode],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  )
  let out = ''
  let timer: NodeJS.Timeout | undefined
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    timer ??= setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), killAfterMs)
  })
  return new Promise((resolve) =>
    child.on('exit', () => {
      clearTimeout(timer)
      resolve(out.split('\n').filter(Boolean))
    }),
  )
}

async function rowsIn(dir: string) {
  const handle = await openPglite(dir)
  try {
    await sql`insert into notes values ('reopened')`.execute(handle.db)
    const { rows } = await sql<{ body: string }>`select body from notes`.execute(handle.db)
    return rows.map((r) => r.body)
  } finally {
    await handle.close()
  }
}

describe('PGlite on a full disk', () => {
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

  it('refuses a write that must grow a table, rolls it back and goes on', async () => {
    const dir = path.join(tmp, 'grow')
    const lines = await runChild(dir, 'grow', 60_000)
    expect(lines).toEqual(['SAVED', 'REFUSED 53100', 'WRITES AGAIN'])
    expect((await rowsIn(dir)).sort()).toEqual(['after', 'kept', 'reopened'])
  }, 120_000)
})
