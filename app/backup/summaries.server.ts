// The restore's summaries: the user triggers of the restored tables are switched off while their rows
// come in, and every trigger-kept summary is rebuilt once at the end (docs/backup.md).
import { sql, type Transaction } from 'kysely'
import { quoteIdent, type BackupTable } from './catalog.server'

/**
 * Switches off the user triggers of the tables to restore (inside the restore's transaction, so a
 * refusal switches them back on with everything else): fed row by row, the summary triggers would
 * refresh their summaries once per statement — at 100,000 cases, most of an hour. Only when the
 * schema has `rebuild_summaries()` (migration 0010) to refill them after; before it, the triggers
 * stay on and keep the summaries as the rows come in. Foreign keys (system triggers) stay checked.
 */
export async function triggersOff(trx: Transaction<any>, tables: BackupTable[]): Promise<string[]> {
  const { rows: found } = await sql<{ found: boolean }>`
    SELECT to_regprocedure('rebuild_summaries()') IS NOT NULL AS found`.execute(trx)
  if (!found[0]?.found || tables.length === 0) return []
  const names = tables.map((t) => t.name)
  const { rows } = await sql<{ name: string }>`
    SELECT DISTINCT c.relname AS name FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND n.nspname = current_schema()
      AND c.relname IN (${sql.join(names)})
    ORDER BY 1`.execute(trx)
  for (const { name } of rows)
    await sql`ALTER TABLE ${sql.raw(quoteIdent(name))} DISABLE TRIGGER USER`.execute(trx)
  return rows.map((r) => r.name)
}

/** Refills every trigger-kept summary from the restored tables, then switches the triggers on. */
export async function rebuildSummaries(trx: Transaction<any>, quiet: string[]) {
  if (quiet.length === 0) return
  await sql`SELECT rebuild_summaries()`.execute(trx)
  for (const name of quiet)
    await sql`ALTER TABLE ${sql.raw(quoteIdent(name))} ENABLE TRIGGER USER`.execute(trx)
}
