// Writes a backup as a stream of text chunks, table by table, rows in primary-key order fetched in
// keyset batches: memory holds one batch, never the database. All of it is read in one read-only,
// repeatable-read transaction, so the counts, rows and sequences agree with each other.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely'
import {
  backupTables,
  quoteIdent,
  schemaVersion,
  sequenceColumns,
  EXCLUDED_TABLES,
  type BackupColumn,
  type BackupTable,
} from './catalog.server'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  END_LINE,
  headerLine,
  tableEndLine,
  tableStartLine,
  type BackupHeader,
} from './format'

export const BACKUP_BATCH_ROWS = 2000

/**
 * One value as JSON text, made by PostgreSQL so both databases write the same bytes: timestamps as
 * ISO strings in UTC, bigint and numeric as strings (no precision lost in JavaScript), bytea as
 * base64, JSON columns as JSON.
 */
function jsonOf(column: BackupColumn): string {
  const c = `t.${quoteIdent(column.name)}`
  const value =
    column.kind === 'bigint' || column.kind === 'numeric'
      ? `to_json(${c}::text)::text`
      : column.kind === 'bytea'
        ? `to_json(translate(encode(${c}, 'base64'), E'\\n', ''))::text`
        : column.kind === 'json'
          ? `to_jsonb(${c})::text`
          : `to_json(${c})::text`
  return `coalesce(${value}, 'null')`
}

function rowExpression(table: BackupTable): string {
  return `'[' || ${table.columns.map(jsonOf).join(` || ',' || `)} || ']'`
}

/** A table without a primary key (rare and small: a marker, a setting) in its rows' text order. */
async function* unkeyedTableRows(trx: Transaction<any>, table: BackupTable) {
  const rows = sql.raw(
    `SELECT ${rowExpression(table)} AS backuprow FROM ${quoteIdent(table.name)} AS t`,
  )
  for (let offset = 0; ; offset += BACKUP_BATCH_ROWS) {
    const { rows: batch } = await sql<{ backuprow: string }>`
      SELECT backuprow FROM (${rows}) AS r ORDER BY backuprow COLLATE "C"
      LIMIT ${sql.lit(BACKUP_BATCH_ROWS)} OFFSET ${sql.lit(offset)}`.execute(trx)
    if (batch.length === 0) return
    yield batch.map((r) => r.backuprow).join(',\n')
    if (batch.length < BACKUP_BATCH_ROWS) return
  }
}

async function* tableRows(trx: Transaction<any>, table: BackupTable): AsyncGenerator<string> {
  if (table.primaryKey.length === 0) return yield* unkeyedTableRows(trx, table)
  const keys = table.primaryKey.map((k) => sql.raw(`t.${quoteIdent(k)}`))
  const select = sql.raw(
    `SELECT ${table.primaryKey.map((k, i) => `t.${quoteIdent(k)}::text AS k${i}`).join(', ')}, ` +
      `${rowExpression(table)} AS backuprow FROM ${quoteIdent(table.name)} AS t`,
  )
  const order = sql.raw(
    `ORDER BY ${table.primaryKey.map((k) => `t.${quoteIdent(k)}`).join(', ')} LIMIT ${BACKUP_BATCH_ROWS}`,
  )
  let last: string[] | null = null
  for (;;) {
    const query: RawBuilder<Record<string, string>> = last
      ? sql<
          Record<string, string>
        >`${select} WHERE (${sql.join(keys)}) > (${sql.join(last)}) ${order}`
      : sql<Record<string, string>>`${select} ${order}`
    const { rows }: { rows: Record<string, string>[] } = await query.execute(trx)
    if (rows.length === 0) return
    yield rows.map((r) => r.backuprow).join(',\n')
    const end = rows.at(-1)!
    last = table.primaryKey.map((_, i) => end[`k${i}`]!)
    if (rows.length < BACKUP_BATCH_ROWS) return
  }
}

async function readHeader(trx: Transaction<any>, tables: BackupTable[]): Promise<BackupHeader> {
  const version = await schemaVersion(trx)
  if (!version) throw new Error('This database has no schema yet: there is nothing to back up.')
  const rowCounts: Record<string, number> = {}
  const sequences: Record<string, string> = {}
  for (const table of tables) {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM ${sql.raw(quoteIdent(table.name))}`.execute(trx)
    rowCounts[table.name] = Number(rows[0]!.n)
  }
  for (const { table, column, sequence } of await sequenceColumns(trx)) {
    const { rows } = await sql<{ next: string }>`
      SELECT (CASE WHEN s.is_called THEN s.last_value + p.seqincrement ELSE s.last_value END)::text
        AS next
      FROM ${sql.raw(sequence)} AS s, pg_sequence AS p
      WHERE p.seqrelid = ${sequence}::regclass`.execute(trx)
    sequences[`${table}.${column}`] = rows[0]!.next
  }
  const { rows: present } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      AND c.relname = ANY(${Object.keys(EXCLUDED_TABLES)}::text[])
    ORDER BY c.relname`.execute(trx)
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: version,
    rowCounts,
    sequences,
    excluded: present.map((p) => p.name),
  }
}

/**
 * The backup, as chunks of text to write in order. Stopping early (a closed download) rolls the
 * read-only transaction back.
 */
export async function* backupChunks(db: Kysely<any>): AsyncGenerator<string> {
  const trx = await db
    .startTransaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute()
  try {
    // Fixed session settings: the same data gives the same text whoever runs the backup.
    await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx)
    await sql`SET LOCAL extra_float_digits = 1`.execute(trx)
    await sql`SET LOCAL IntervalStyle = 'iso_8601'`.execute(trx)
    const tables = await backupTables(trx)
    yield headerLine(await readHeader(trx, tables))
    for (const [index, table] of tables.entries()) {
      yield tableStartLine({ name: table.name, columns: table.columns.map((c) => c.name) })
      let first = true
      for await (const batch of tableRows(trx, table)) {
        yield `${first ? '' : ',\n'}${batch}`
        first = false
      }
      yield `${first ? '' : '\n'}${tableEndLine(index === tables.length - 1)}`
    }
    yield END_LINE
    await trx.commit().execute()
  } finally {
    if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute()
  }
}
