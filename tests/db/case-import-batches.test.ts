// The commit writes a transaction per batch (IMPORT_BATCH_ROWS rows, IMPORT_BATCH_ROWS_EMBEDDED on
// PGlite). A failure in the second batch
// (a real one: a trigger the test adds refuses one row) leaves exactly the first batch written, with
// its events, sources, citations, audit rows and trigger-kept summaries whole, and says so; running
// the dry run again shows those rows as updates that change nothing, and the commit writes the rest.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { suggestMapping } from '../../app/case-import/fields'
import { IMPORT_BATCH_ROWS, IMPORT_BATCH_ROWS_EMBEDDED } from '../../app/case-import/limits'
import { parseCsvText } from '../../app/case-import/parse'
import { createCaseImport, getCaseImport } from '../../app/models/case-import.server'
import {
  startCommit,
  startDryRun,
  waitForCaseImport,
} from '../../app/models/case-import-run.server'
import { makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const NAMES = ['刘晓波', 'Арсамиков', 'علاء عبد الفتاح', 'ნიკა მელია', 'Ilham Tohti']

function file(ROWS: number, STOPS: number) {
  const lines = ['Name,Country,Detained since,Sources']
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `${i === STOPS ? 'Stops Here' : `${NAMES[i % NAMES.length]} ${i}`},China,${2000 + (i % 20)},https://batch.example/${i % 40}`,
    )
  return lines.join('\r\n') + '\r\n'
}

describe.each(backends())('the CSV import commit in batches on %s', (backend) => {
  const IMPORT_BATCH = backend === 'pglite' ? IMPORT_BATCH_ROWS_EMBEDDED : IMPORT_BATCH_ROWS
  const ROWS = IMPORT_BATCH * 2 + 200
  const STOPS = IMPORT_BATCH + Math.floor(IMPORT_BATCH / 2) // a row of the second batch
  let database: TestDatabase
  let editor: { id: number; role: 'editor' }

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    editor = { id: (await makeUser(database.db, 'editor')).id, role: 'editor' }
  })
  afterAll(() => database.close())

  const count = async (table: 'cases' | 'statusEvents' | 'sources' | 'citations') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const auditOf = async (entity: string) =>
    Number(
      (
        await database.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity', '=', entity)
          .executeTakeFirstOrThrow()
      ).n,
    )
  const totalCounted = async () =>
    Number(
      (
        await sql<{ n: number }>`SELECT coalesce(sum(n), 0) AS n FROM case_facet_counts
          WHERE facet = 'total'`.execute(database.db)
      ).rows[0]?.n,
    )
  const activityRows = async () =>
    Number(
      (await sql<{ n: number }>`SELECT count(*) AS n FROM case_activity`.execute(database.db))
        .rows[0]?.n,
    )

  async function dryRunAndCommit(id: number) {
    const text = file(ROWS, STOPS)
    const parsed = parseCsvText(text)
    if (!parsed.ok) throw new Error(parsed.error)
    const mapping = suggestMapping(parsed.value.headers)
    expect(await startDryRun(database.db, { id, viewer: editor, mapping })).toBe(true)
    await waitForCaseImport(id)
    const planned = (await getCaseImport(database.db, { id, userId: editor.id }))!
    expect(planned.status).toBe('planned')
    expect(
      await startCommit(database.db, {
        id,
        viewer: editor,
        actor: { userId: editor.id },
        leaveOut: false,
      }),
    ).toBe(true)
    await waitForCaseImport(id)
    return { planned, done: (await getCaseImport(database.db, { id, userId: editor.id }))! }
  }

  it('leaves whole batches after a failure, says so, and writes the rest when run again', async () => {
    const text = file(ROWS, STOPS)
    const parsed = parseCsvText(text)
    if (!parsed.ok) throw new Error(parsed.error)
    const id = await createCaseImport(database.db, {
      userId: editor.id,
      fileName: 'batches.csv',
      content: text,
      headers: parsed.value.headers,
      rowCount: ROWS,
      mapping: suggestMapping(parsed.value.headers),
    })
    await sql`CREATE FUNCTION test_stop_here() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.full_name = 'Stops Here' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$`.execute(database.db)
    await sql`CREATE TRIGGER test_stop_here BEFORE INSERT ON cases
      FOR EACH ROW EXECUTE FUNCTION test_stop_here()`.execute(database.db)

    const logged: string[] = []
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
    })
    const first = await dryRunAndCommit(id)
    expect(logged).toEqual(['Case import commit failed: refused for the test'])
    expect(first.planned.report!.counts).toMatchObject({ create: ROWS, update: 0, errorRows: 0 })
    expect(first.done.status).toBe('failed')
    expect(first.done.error).toContain(
      `after writing ${IMPORT_BATCH} of ${ROWS.toLocaleString('en')} rows`,
    )
    expect(first.done.error).toContain(`up to line ${IMPORT_BATCH + 1} `)
    // Exactly the first batch: each row a case, an event, a citation by the case and by the event.
    expect(await count('cases')).toBe(IMPORT_BATCH)
    expect(await count('statusEvents')).toBe(IMPORT_BATCH)
    expect(await count('sources')).toBe(40)
    expect(await count('citations')).toBe(IMPORT_BATCH * 2)
    expect(await auditOf('case')).toBe(IMPORT_BATCH)
    expect(await auditOf('citation')).toBe(IMPORT_BATCH * 2)
    expect(await totalCounted()).toBe(IMPORT_BATCH)
    expect(await activityRows()).toBe(IMPORT_BATCH)
    const entry = await database.db
      .selectFrom('auditEvents')
      .select('changes')
      .where('entity', '=', 'case_import')
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(entry.changes)).toContain(
      `imported ${IMPORT_BATCH} cases from batches.csv (stopped after ${IMPORT_BATCH} of ${ROWS} rows)`,
    )

    // Why the written batches are not undone (docs/csv-import.md): a case the import created carries
    // its audit rows, which are append-only, so the database refuses to remove the case.
    await expect(
      sql`DELETE FROM cases WHERE id = (SELECT min(id) FROM cases)`.execute(database.db),
    ).rejects.toThrow(/append-only/)
    expect(await count('cases')).toBe(IMPORT_BATCH)

    await sql`DROP TRIGGER test_stop_here ON cases`.execute(database.db)
    await sql`DROP FUNCTION test_stop_here()`.execute(database.db)
    const second = await dryRunAndCommit(id)
    expect(second.planned.report!.counts).toMatchObject({
      create: ROWS - IMPORT_BATCH,
      update: IMPORT_BATCH,
      events: ROWS - IMPORT_BATCH,
      sourcesNew: 0,
      sourcesReused: 40,
    })
    expect(second.done.status).toBe('committed')
    expect(second.done.error).toBeNull()
    expect(second.done.result).toMatchObject({
      ok: true,
      created: ROWS - IMPORT_BATCH,
      updated: IMPORT_BATCH,
      events: ROWS - IMPORT_BATCH,
      sourcesNew: 0,
    })
    expect(await count('cases')).toBe(ROWS)
    expect(await count('statusEvents')).toBe(ROWS)
    expect(await count('sources')).toBe(40)
    expect(await count('citations')).toBe(ROWS * 2)
    expect(await totalCounted()).toBe(ROWS)
    expect(await activityRows()).toBe(ROWS)
    const names = await database.db
      .selectFrom('cases')
      .select(['fullName', 'detainedSince', 'currentCustodyState'])
      .where('fullName', 'in', ['Stops Here', `${NAMES[1]} 1`])
      .orderBy('fullName')
      .execute()
    expect(names).toEqual([
      {
        fullName: 'Stops Here',
        detainedSince: `${2000 + (STOPS % 20)}-01-01`,
        currentCustodyState: 'detained',
      },
      { fullName: `${NAMES[1]} 1`, detainedSince: '2001-01-01', currentCustodyState: 'detained' },
    ])
  })
})
