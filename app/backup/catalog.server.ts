// What a backup holds, read from the database's own catalog rather than from a list kept by hand: a
// table added by a later migration is backed up without a change here. Only what must stay out is
// named below, each with its reason.
import { sql, type Kysely, type Transaction } from 'kysely'

type AnyDb = Kysely<any> | Transaction<any>

/** Tables a backup leaves out, and why (docs/backup.md repeats this list). */
export const EXCLUDED_TABLES: Record<string, string> = {
  schema_migrations: 'the schema version is in the header; restore needs a migrated database',
  schema_migrations_lock: 'the migrator’s own lock',
  sessions: 'signed-in sessions end with the database they were made in',
  sign_in_attempts: 'rate-limit counters, minutes long',
  case_facet_counts: 'a summary of cases kept by triggers: rebuilt as the cases are restored',
  case_facet_pair_counts:
    'a summary of cases by pairs of filter values, kept by triggers: rebuilt as the cases are restored',
  case_activity:
    'each case’s latest and next dates, kept by triggers: rebuilt as cases, events and actions are restored',
  detention_start_counts: 'a summary of cases kept by triggers: rebuilt as the cases are restored',
  action_day_counts: 'a summary of actions kept by triggers: rebuilt as the actions are restored',
  case_imports:
    'uploaded CSV files and their dry runs: transient work holding raw uploads; each finished ' +
    'import stays in the audit log with its counts',
}

/**
 * Left out by name only: a table wrongly left out would lose data without a word, while a trigger-kept
 * table wrongly kept makes the restore refuse loudly (restore checks each table is still empty).
 */
export function isExcludedTable(name: string): boolean {
  return Object.hasOwn(EXCLUDED_TABLES, name)
}

export type ColumnKind = 'plain' | 'bigint' | 'numeric' | 'bytea' | 'json'

export type BackupColumn = { name: string; kind: ColumnKind; sequence: string | null }

/** An identity or serial column's sequence, in any table but the migrator's own. */
export type SequenceColumn = { table: string; column: string; sequence: string }

export type BackupTable = {
  name: string
  columns: BackupColumn[]
  /** Rows are written in this key's order; a table without one is ordered by its rows' text. */
  primaryKey: string[]
  /** Tables this one refers to (other than itself). */
  dependsOn: string[]
}

export class BackupCatalogError extends Error {
  name = 'BackupCatalogError'
}

function kindOf(type: string): ColumnKind {
  if (type === 'int8') return 'bigint'
  if (type === 'numeric') return 'numeric'
  if (type === 'bytea') return 'bytea'
  if (type === 'json' || type === 'jsonb') return 'json'
  return 'plain'
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Every table of the current schema a backup holds, those referred to before those referring. */
export async function backupTables(db: AnyDb): Promise<BackupTable[]> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`.execute(db)
  const names = tables.map((t) => t.name).filter((name) => !isExcludedTable(name))
  if (names.length === 0) return []
  const { rows: columns } = await sql<{
    table: string
    name: string
    type: string
    sequence: string | null
  }>`
    SELECT c.relname AS "table", a.attname AS name, t.typname AS type,
      pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    WHERE n.nspname = current_schema() AND c.relname = ANY(${names}::text[])
      AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`.execute(db)
  const { rows: keys } = await sql<{ table: string; name: string }>`
    SELECT c.relname AS "table", a.attname AS name
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k (attnum, position)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = ANY(${names}::text[])
    ORDER BY c.relname, k.position`.execute(db)
  const { rows: references } = await sql<{ table: string; references: string }>`
    SELECT DISTINCT c.relname AS "table", r.relname AS "references"
    FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class r ON r.oid = f.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE f.contype = 'f' AND n.nspname = current_schema() AND c.relname = ANY(${names}::text[])
    ORDER BY 1, 2`.execute(db)

  const byName = new Map<string, BackupTable>(
    names.map((name) => [name, { name, columns: [], primaryKey: [], dependsOn: [] }]),
  )
  for (const c of columns)
    byName.get(c.table)!.columns.push({ name: c.name, kind: kindOf(c.type), sequence: c.sequence })
  for (const k of keys) byName.get(k.table)!.primaryKey.push(k.name)
  for (const r of references) {
    if (r.references === r.table) continue
    if (isExcludedTable(r.references))
      throw new BackupCatalogError(
        `Table ${r.table} refers to ${r.references}, which backups leave out: a restore could not ` +
          'bring its rows back. Back up both, or neither (app/backup/catalog.server.ts).',
      )
    byName.get(r.table)!.dependsOn.push(r.references)
  }
  return dependencyOrder([...byName.values()])
}

/** Referred-to tables first; among tables free to go, alphabetical, so the order never drifts. */
function dependencyOrder(tables: BackupTable[]): BackupTable[] {
  const done = new Set<string>()
  const ordered: BackupTable[] = []
  let remaining = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))
  while (remaining.length > 0) {
    const ready = remaining.filter((t) => t.dependsOn.every((d) => done.has(d)))
    if (ready.length === 0)
      throw new BackupCatalogError(
        `Tables refer to each other in a cycle (${remaining.map((t) => t.name).join(', ')}): ` +
          'no order restores them.',
      )
    const next = ready[0]!
    ordered.push(next)
    done.add(next.name)
    remaining = remaining.filter((t) => t !== next)
  }
  return ordered
}

/** The name of the newest migration applied, or null on a database that was never migrated. */
export async function schemaVersion(db: AnyDb): Promise<string | null> {
  const { rows: found } = await sql<{ migrated: boolean }>`
    SELECT to_regclass('schema_migrations') IS NOT NULL AS migrated`.execute(db)
  if (!found[0]?.migrated) return null
  const { rows } = await sql<{ name: string }>`
    SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1`.execute(db)
  return rows[0]?.name ?? null
}

/**
 * Every identity or serial column's sequence, those of left-out tables included: a restore sets each
 * to where the original stood, so an id the audit log names (a deleted case, an import) is never
 * handed out again.
 */
export async function sequenceColumns(db: AnyDb): Promise<SequenceColumn[]> {
  const { rows } = await sql<SequenceColumn & { sequence: string | null }>`
    SELECT * FROM (
      SELECT c.relname AS "table", a.attname AS "column",
        pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname NOT IN ('schema_migrations', 'schema_migrations_lock')
        AND a.attnum > 0 AND NOT a.attisdropped
    ) AS s WHERE s.sequence IS NOT NULL ORDER BY s."table", s."column"`.execute(db)
  return rows
}
