// The case list's three sorts read their first page from an index instead of sorting every
// visible case (100,000) to keep 50. Each index matches its ORDER BY in
// app/models/case-list.server.ts exactly, the id last as the tie-breaker.
// Frozen in time: plain SQL, no app imports.
import { sql, type Kysely } from 'kysely'

const INDEXES = {
  cases_updated_sort_idx: 'ON cases (updated_at DESC, id)',
  cases_name_sort_idx: 'ON cases (lower(full_name), full_name, id)',
  cases_detention_sort_idx: `ON cases ((CASE detained_since_precision
      WHEN 'month' THEN (detained_since + interval '1 month' - interval '1 day')::date
      WHEN 'year' THEN (detained_since + interval '1 year' - interval '1 day')::date
      ELSE detained_since END) ASC NULLS LAST, id)`,
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, definition] of Object.entries(INDEXES))
    await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ${definition}`).execute(db)
  // The old single-column index is covered by the new one.
  await sql.raw('DROP INDEX IF EXISTS cases_updated_idx').execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql
    .raw('CREATE INDEX IF NOT EXISTS cases_updated_idx ON cases (updated_at DESC)')
    .execute(db)
  for (const name of Object.keys(INDEXES)) await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db)
}
