// The number of rows in every table of the app's schema, read in one statement, so a test can say
// "a refused request wrote nothing" about tables it does not name (a new table is counted too).
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'

export type RowCounts = Record<string, number>

const tableLists = new WeakMap<object, Promise<string[]>>()

function tablesOf(db: Kysely<Database>): Promise<string[]> {
  let tables = tableLists.get(db)
  if (!tables) {
    tables = sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not like 'kysely_migration%'
      order by table_name`
      .execute(db)
      .then((result) => result.rows.map((row) => row.name))
    tableLists.set(db, tables)
  }
  return tables
}

/** Every table's row count, by its SQL name. */
export async function rowCounts(db: Kysely<Database>): Promise<RowCounts> {
  const tables = await tablesOf(db)
  const columns = tables.map(
    (t) => sql`(select count(*)::int from ${sql.table(t)}) as ${sql.ref(t)}`,
  )
  const result = await sql<RowCounts>`select ${sql.join(columns)}`.execute(db)
  return result.rows[0]!
}

/** The tables whose count moved, with by how much: `{}` when nothing moved. */
export function countChanges(before: RowCounts, after: RowCounts): Record<string, number> {
  const changes: Record<string, number> = {}
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[table] ?? 0) - (before[table] ?? 0)
    if (delta !== 0) changes[table] = delta
  }
  return changes
}
