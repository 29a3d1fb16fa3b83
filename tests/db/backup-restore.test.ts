// Backup and restore (issue 11 §3), on both databases: a seeded database with every table holding
// rows backs up, restores into an empty one, and backs up again to the same bytes; every kind of bad
// file — and a database that is not empty — is refused with a message naming the problem, and
// nothing is written.
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupTables } from '../../app/backup/catalog.server'
import { BackupRefusedError } from '../../app/backup/format'
import { restoreBackup } from '../../app/backup/restore.server'
import { makeCase } from '../support/fixtures'
import { backupText, bytesOf, NAMES, seedEverything } from '../support/backup'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

async function rowCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of await backupTables(db)) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${sql.table(table.name)}`.execute(db)
    counts[table.name] = rows[0]!.n
  }
  return counts
}

async function facetCounts(db: Kysely<any>) {
  const { rows } = await sql<{ k: string }>`
    SELECT facet || '|' || value || '|' || restricted || '|' || n AS k FROM case_facet_counts
    WHERE n <> 0 ORDER BY 1`.execute(db)
  return rows.map((r) => r.k)
}

/** Lines of the backup changed by `edit` (given the parsed line, returns the new text). */
function editLine(text: string, match: (line: string) => boolean, edit: (line: string) => string) {
  const lines = text.split('\n')
  const index = lines.findIndex(match)
  if (index < 0) throw new Error('no line to edit')
  lines[index] = edit(lines[index]!)
  return lines.join('\n')
}

/** Seeding hashes passwords and the refusals read the file a dozen times: slow on a busy machine. */
const SLOW = 300_000

describe.each(backends())('backup and restore on %s', (backend) => {
  let source: TestDatabase
  let target: TestDatabase
  let file: string

  beforeAll(async () => {
    source = await openTestDatabase(backend)
    target = await openTestDatabase(backend)
    await seedEverything(source.db)
    file = await backupText(source.db)
  }, SLOW)
  afterAll(async () => {
    await source?.close()
    await target?.close()
  })

  it('holds every table but the left-out ones, each with rows, and nothing of sessions', async () => {
    const header = JSON.parse(`${file.split('\n')[0]}]}`)
    expect(header).toMatchObject({ format: 'case-tracker-backup', formatVersion: 1 })
    expect(header.excluded).toEqual(
      expect.arrayContaining(['case_facet_counts', 'sessions', 'sign_in_attempts']),
    )
    const counts = await rowCounts(source.db)
    expect(header.rowCounts).toEqual(counts)
    const empty = Object.entries(counts).filter(([, n]) => n === 0)
    expect(empty, 'every table a backup holds has rows in this test').toEqual([])
    for (const name of NAMES) expect(file).toContain(JSON.stringify(name))
    expect(file).not.toContain('x@example.org')
    expect(await backupText(source.db)).toBe(file)
  })

  it(
    'refuses a file that is not a whole, consistent backup, and writes nothing',
    async () => {
      const refusal = async (text: string) => {
        try {
          await restoreBackup(target.db, bytesOf(text))
        } catch (error) {
          expect(error).toBeInstanceOf(BackupRefusedError)
          return (error as Error).message
        }
        throw new Error('the restore was not refused')
      }
      const lines = file.split('\n')
      expect(await refusal('')).toMatch(/empty/)
      expect(await refusal('name,country\nA,B\n')).toMatch(/not a case-tracker-backup file/)
      expect(await refusal(file.slice(0, Math.floor(file.length / 2)))).toMatch(/truncated/)
      expect(await refusal(lines.slice(0, 12).join('\n') + '\n')).toMatch(/truncated/)
      expect(await refusal(lines.slice(0, -2).join('\n') + '\n')).toMatch(/truncated/)
      expect(await refusal(file.replace('"formatVersion":1', '"formatVersion":2'))).toMatch(
        /format version 2/,
      )
      expect(
        await refusal(file.replace(/"schemaVersion":"[^"]+"/, '"schemaVersion":"0001_initial"')),
      ).toMatch(/schema version 0001_initial/)
      const counted = file.replace(/"cases":(\d+)/, (_, n) => `"cases":${Number(n) + 1}`)
      expect(await refusal(counted)).toMatch(/Table cases: the header announces \d+ rows/)
      // A status event pointing at a case that is not in the file.
      const eventsAt = lines.findIndex((l) => l.startsWith('{"name":"status_events"'))
      const dangling = editLine(
        file,
        (l) => l === lines[eventsAt + 1],
        (l) => l.replace(/^\[(\d+),\d+,/, '[$1,999999,'),
      )
      expect(await refusal(dangling)).toMatch(
        /Table status_events: a row refers to a record that is not in the file/,
      )
      expect(await refusal(file + 'more\n')).toMatch(/follows the end/)
      expect(await refusal(file.replace('],"complete":true}', '],"complete":false}'))).toMatch(
        /should close the backup/,
      )
      const counts = await rowCounts(target.db)
      expect(
        Object.values(counts).every((n) => n === 0),
        JSON.stringify(counts),
      ).toBe(true)
    },
    SLOW,
  )

  it('restores into an empty database, and backs up again to the same bytes', async () => {
    const summary = await restoreBackup(target.db, bytesOf(file))
    expect(summary.rows).toBeGreaterThan(50)
    expect(await backupText(target.db)).toBe(file)
    // The trigger-kept summary is rebuilt, equal to the original's.
    expect(await facetCounts(target.db)).toEqual(await facetCounts(source.db))
  })

  it('leaves a restored database that takes new records where the original would have', async () => {
    const expected = await makeCase(source.db, { fullName: 'Next Person' })
    const created = await makeCase(target.db, { fullName: 'Next Person' })
    expect(created.id).toBe(expected.id)
    const found = await target.db
      .selectFrom('cases')
      .select('fullName')
      .where('fullName', '=', '刘晓波')
      .executeTakeFirst()
    expect(found?.fullName).toBe('刘晓波')
  })

  it('refuses a database that is not empty, and writes nothing', async () => {
    const before = await rowCounts(source.db)
    await expect(restoreBackup(source.db, bytesOf(file))).rejects.toThrow(
      /This database is not empty \(users, .*\)/,
    )
    expect(await rowCounts(source.db)).toEqual(before)
  })
})
