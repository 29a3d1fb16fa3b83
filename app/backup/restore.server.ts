// Restores a backup into an empty database, reading it line by line (the layout app/backup/format.ts
// writes) and inserting rows in batches, all in one transaction: a refusal at any point leaves the
// database as it was. The tables' own triggers (the summaries of migrations 0004, 0007, 0010) are
// switched off while the rows come in, and the summaries are then rebuilt once from the restored
// tables by `rebuild_summaries()`; identity sequences are set to the values the file carries.
import { sql, type Kysely, type Transaction } from 'kysely'
import {
  backupTables,
  quoteIdent,
  schemaVersion,
  sequenceColumns,
  type BackupTable,
} from './catalog.server'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupRefusedError,
  END_LINE,
  type BackupHeader,
  type BackupTableStart,
} from './format'
import { numberedLines, type Line } from './lines'
import { rebuildSummaries, triggersOff } from './summaries.server'

export const RESTORE_BATCH_ROWS = 1000

export type RestoreSummary = { schemaVersion: string; tables: number; rows: number }

const refuse = (message: string): never => {
  throw new BackupRefusedError(message)
}

/** A line that opens a JSON object left open (`{…,"rows":[`), parsed by closing it. */
function parseOpening<T>(line: Line, closing: string, what: string): T {
  try {
    const value = JSON.parse(line.text + closing) as unknown
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as T
  } catch {
    // refused below
  }
  return refuse(
    line.last
      ? `The file is truncated: it ends in the middle of line ${line.number} (${what}).`
      : `Line ${line.number} should be ${what}, and is not: the file was edited or is damaged.`,
  )
}

async function readHeader(next: () => Promise<Line | null>): Promise<BackupHeader> {
  let line = await next()
  // `npm run backup > file` puts npm's own banner ("> case-tracker@… backup") before the header.
  while (line && !line.last && (line.text === '' || line.text.startsWith('> '))) line = await next()
  if (!line) return refuse('The file is empty: it is not a backup.')
  let header: Partial<BackupHeader> | null = null
  try {
    header = JSON.parse(`${line.text}]}`) as Partial<BackupHeader>
  } catch {
    header = null
  }
  if (!header || typeof header !== 'object' || header.format !== BACKUP_FORMAT)
    return refuse(
      line.last && line.text.startsWith(`{"format":"${BACKUP_FORMAT}"`)
        ? 'The file is truncated: it ends inside its header.'
        : `This is not a ${BACKUP_FORMAT} file (its first line is not a backup header).`,
    )
  if (header.formatVersion !== BACKUP_FORMAT_VERSION)
    return refuse(
      `The file is in backup format version ${String(header.formatVersion)}; this version of the ` +
        `app reads version ${BACKUP_FORMAT_VERSION} only.`,
    )
  if (
    typeof header.schemaVersion !== 'string' ||
    typeof header.rowCounts !== 'object' ||
    header.rowCounts === null ||
    typeof header.sequences !== 'object' ||
    header.sequences === null
  )
    return refuse(
      'The header lacks its schema version, row counts or sequences: the file was edited.',
    )
  return header as BackupHeader
}

async function checkTarget(trx: Transaction<any>, header: BackupHeader, tables: BackupTable[]) {
  const version = await schemaVersion(trx)
  if (version !== header.schemaVersion)
    refuse(
      `The backup was made at schema version ${header.schemaVersion}; this database is at ` +
        `${version ?? 'no version (never migrated)'}. Restore into a database at the backup's ` +
        'version (the app version that made it), then start the newer app to upgrade it.',
    )
  const fileTables = Object.keys(header.rowCounts)
  const dbTables = tables.map((t) => t.name)
  const missing = dbTables.filter((t) => !fileTables.includes(t))
  const unknown = fileTables.filter((t) => !dbTables.includes(t))
  if (missing.length || unknown.length)
    refuse(
      `The file's tables do not match this schema (${[
        missing.length ? `missing: ${missing.join(', ')}` : '',
        unknown.length ? `unknown: ${unknown.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ')}): the file was edited.`,
    )
  const filled: string[] = []
  for (const table of tables) if (await hasRows(trx, table.name)) filled.push(table.name)
  if (filled.length)
    refuse(
      `This database is not empty (${filled.join(', ')} hold rows). A backup is restored only ` +
        'into an empty database — migrated, with no data: create a new database (or point ' +
        'PGLITE_DIR at a new folder) and restore there. Nothing was written.',
    )
}

async function hasRows(trx: Transaction<any>, table: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM ${sql.raw(quoteIdent(table))}) AS found`.execute(trx)
  return rows[0]!.found
}

/** Database errors in words: what kind of inconsistency, and where. */
function describeInsertError(error: unknown, where: string): string {
  const e = error as { code?: string; detail?: string; message?: string }
  // Only a fault in the data (SQLSTATE classes 22 and 23) is the file's; anything else goes up as is.
  if (!/^2[23]/.test(e.code ?? '')) throw error
  const detail = e.detail ? ` (${e.detail})` : e.message ? ` (${e.message.split('\n')[0]})` : ''
  if (e.code === '23503')
    return `${where}: a row refers to a record that is not in the file${detail}. The file was edited or is damaged.`
  if (e.code === '23505') return `${where}: a row repeats a key that is already there${detail}.`
  if (e.code === '23502' || e.code === '23514')
    return `${where}: a row breaks one of the database's rules${detail}.`
  return `${where}: the database refused the rows${detail}.`
}

type Batch = { rows: Record<string, unknown>[]; from: number; to: number }

const STAGE = 'pg_temp.backup_restore_stage'
const columnList = (table: BackupTable) => table.columns.map((c) => quoteIdent(c.name)).join(', ')

/**
 * Rows go to a temporary table first, batch by batch, then into the table in one statement: a row
 * may refer to a later row of its own table (users.updated_by), which a batch at a time would refuse;
 * and on a schema without `rebuild_summaries()`, where the triggers stay on, they run once per table.
 */
async function createStage(trx: Transaction<any>, table: BackupTable) {
  await sql`CREATE TEMPORARY TABLE ${sql.raw(STAGE.slice('pg_temp.'.length))} ON COMMIT DROP AS
    SELECT ${sql.raw(columnList(table))} FROM ${sql.raw(quoteIdent(table.name))} WITH NO DATA`.execute(
    trx,
  )
}

async function stageBatch(trx: Transaction<any>, table: BackupTable, batch: Batch) {
  if (batch.rows.length === 0) return
  const columns = columnList(table)
  try {
    await sql`INSERT INTO ${sql.raw(STAGE)} (${sql.raw(columns)})
      SELECT ${sql.raw(columns)} FROM json_populate_recordset(NULL::${sql.raw(quoteIdent(table.name))}, ${JSON.stringify(batch.rows)}::json)`.execute(
      trx,
    )
  } catch (error) {
    refuse(describeInsertError(error, `Table ${table.name}, lines ${batch.from}–${batch.to}`))
  }
}

async function insertStaged(trx: Transaction<any>, table: BackupTable) {
  const columns = columnList(table)
  try {
    await sql`INSERT INTO ${sql.raw(quoteIdent(table.name))} (${sql.raw(columns)}) OVERRIDING SYSTEM VALUE
      SELECT ${sql.raw(columns)} FROM ${sql.raw(STAGE)}`.execute(trx)
  } catch (error) {
    refuse(describeInsertError(error, `Table ${table.name}`))
  }
  await sql`DROP TABLE ${sql.raw(STAGE)}`.execute(trx)
}

/** A file row (an array in the file's column order) as the record json_populate_recordset reads. */
function recordOf(values: unknown[], columns: string[], bytea: boolean[]): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  columns.forEach((name, i) => {
    const value = values[i]
    record[name] =
      bytea[i] && typeof value === 'string'
        ? `\\x${Buffer.from(value, 'base64').toString('hex')}`
        : value
  })
  return record
}

async function restoreTable(
  trx: Transaction<any>,
  next: () => Promise<Line | null>,
  table: BackupTable,
  expected: number,
  last: boolean,
): Promise<number> {
  const line = await next()
  if (!line) return refuse(`The file is truncated: it ends before table ${table.name}.`)
  const start = parseOpening<BackupTableStart>(line, ']}', `the start of table ${table.name}`)
  if (start.name !== table.name)
    refuse(
      `Line ${line.number} starts table ${String(start.name)}; the header lists ${table.name} next.`,
    )
  const known = table.columns.map((c) => c.name)
  const columns = Array.isArray(start.columns) ? start.columns : []
  if (columns.length !== known.length || !known.every((c) => columns.includes(c)))
    refuse(`Table ${table.name}: the file's columns (${columns.join(', ')}) are not this schema's.`)
  const bytea = columns.map((name) => table.columns.find((c) => c.name === name)?.kind === 'bytea')
  if (await hasRows(trx, table.name))
    refuse(
      `Table ${table.name} filled itself while earlier tables were restored: a trigger keeps it, ` +
        'so backups must leave it out (EXCLUDED_TABLES in app/backup/catalog.server.ts).',
    )
  await createStage(trx, table)
  let count = 0
  let batch: Batch = { rows: [], from: line.number + 1, to: line.number }
  for (;;) {
    const row = await next()
    if (!row)
      return refuse(
        `The file is truncated: it ends in table ${table.name} after ${count} of ${expected} rows.`,
      )
    if (row.text === (last ? ']}' : ']},')) break
    const text = row.text.endsWith(',') ? row.text.slice(0, -1) : row.text
    let values: unknown
    try {
      values = JSON.parse(text)
    } catch {
      values = null
    }
    if (!Array.isArray(values) || values.length !== columns.length)
      refuse(
        row.last
          ? `The file is truncated: it ends in the middle of line ${row.number} (table ${table.name}).`
          : `Line ${row.number} is not a row of ${table.name} (${columns.length} values expected): the file was edited or is damaged.`,
      )
    batch.rows.push(recordOf(values as unknown[], columns, bytea))
    batch.to = row.number
    count++
    if (batch.rows.length >= RESTORE_BATCH_ROWS) {
      await stageBatch(trx, table, batch)
      batch = { rows: [], from: row.number + 1, to: row.number }
    }
  }
  await stageBatch(trx, table, batch)
  if (count !== expected)
    refuse(
      `Table ${table.name}: the header announces ${expected} rows and the file holds ${count}: the file was edited or is damaged.`,
    )
  await insertStaged(trx, table)
  return count
}

async function resetSequences(trx: Transaction<any>, header: BackupHeader) {
  for (const { table, column, sequence } of await sequenceColumns(trx)) {
    const stored = header.sequences[`${table}.${column}`]
    const next = typeof stored === 'string' && /^-?\d+$/.test(stored) ? stored : '1'
    // Never below what the rows use, even if the header was edited.
    await sql`SELECT setval(${sequence}::regclass, greatest(${next}::bigint,
      (SELECT coalesce(max(${sql.raw(quoteIdent(column))}), 0) + 1 FROM ${sql.raw(quoteIdent(table))})), false)`.execute(
      trx,
    )
  }
}

/** Restores the backup read from `source`; throws BackupRefusedError (nothing written) on refusal. */
export async function restoreBackup(
  db: Kysely<any>,
  source: AsyncIterable<Uint8Array | string>,
): Promise<RestoreSummary> {
  const lines = numberedLines(source)
  const next = async () => {
    const { value, done } = await lines.next()
    return done ? null : value
  }
  const header = await readHeader(next)
  return db.transaction().execute(async (trx) => {
    const tables = await backupTables(trx)
    await checkTarget(trx, header, tables)
    const byName = new Map(tables.map((t) => [t.name, t]))
    const order = Object.keys(header.rowCounts).map((name) => byName.get(name)!)
    const quiet = await triggersOff(trx, order)
    let rows = 0
    for (const [index, table] of order.entries()) {
      const expected = Number(header.rowCounts[table.name])
      rows += await restoreTable(trx, next, table, expected, index === order.length - 1)
    }
    const end = await next()
    if (!end) refuse('The file is truncated: it ends before its closing line.')
    if (end!.text !== END_LINE.trimEnd())
      refuse(`Line ${end!.number} should close the backup, and does not: the file was edited.`)
    const after = await next()
    if (after && after.text.trim() !== '')
      refuse(`Line ${after.number} follows the end of the backup: the file was edited.`)
    await resetSequences(trx, header)
    await rebuildSummaries(trx, quiet)
    return { schemaVersion: header.schemaVersion, tables: order.length, rows }
  })
}
