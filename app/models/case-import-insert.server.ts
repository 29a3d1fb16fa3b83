// Many rows inserted in one statement with one parameter: the rows travel as a JSON array that
// `json_populate_recordset` turns into the table's own row type. A VALUES list would bind a parameter
// per cell, and a batch whose rows carry many links (citations × events) can pass PostgreSQL's limit
// of 65,535 parameters; it also costs more to build and to parse. Statement-level triggers (the
// summaries of migrations 0004, 0007, 0010) run once per statement either way.
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Inserts `rows` (objects with the same camelCase keys) into `table` and returns the `returning`
 * columns of each, in the order of `rows` (the order PostgreSQL inserts and returns them in for a
 * single INSERT … SELECT from a function, as for a VALUES list).
 */
export async function insertJsonRows<R extends Record<string, unknown>>(
  trx: Transaction<Database>,
  table: string,
  rows: Record<string, unknown>[],
  returning: string[],
): Promise<R[]> {
  const first = rows[0]
  if (!first) return []
  const keys = Object.keys(first)
  const records = rows.map((row) => Object.fromEntries(keys.map((k) => [snake(k), row[k]])))
  const columns = sql.join(keys.map((k) => sql.id(snake(k))))
  const { rows: inserted } = await sql<R>`
    INSERT INTO ${sql.id(table)} (${columns})
    SELECT ${columns} FROM json_populate_recordset(NULL::${sql.id(table)}, ${JSON.stringify(records)}::json)
    RETURNING ${sql.join(returning.map((c) => sql.id(snake(c))))}`.execute(trx)
  if (inserted.length !== rows.length)
    throw new Error(`${table}: ${rows.length} rows sent, ${inserted.length} inserted`)
  return inserted
}
