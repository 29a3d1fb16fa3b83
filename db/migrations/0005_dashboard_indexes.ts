// Indexes for the dashboard at 100,000 cases: the latest changes are read newest first from
// `updated_at` indexes instead of sorting every event and action; a case's linked actions and their
// dates are read from indexes alone (the needs-attention list asks for the latest visible action of
// each quiet case); a date range of actions is counted from an index alone; deprived-of-liberty
// cases have a partial index of their own.
// Frozen in time: plain SQL, no app imports. Plain CREATE INDEX briefly blocks writes to the table;
// on a large production database, create these CONCURRENTLY by hand first (IF NOT EXISTS skips them).
import { sql, type Kysely } from 'kysely'

const INDEXES = {
  status_events_updated_idx: 'ON status_events (updated_at DESC, id DESC)',
  advocacy_actions_updated_idx: 'ON advocacy_actions (updated_at DESC, id DESC)',
  action_cases_case_action_idx: 'ON action_cases (case_id, action_id)',
  advocacy_actions_id_date_idx: 'ON advocacy_actions (id, action_date)',
  // Actions over time and the key figures count a date range by kind and precision from the index
  // alone, with the id for the visibility check.
  advocacy_actions_date_cover_idx:
    'ON advocacy_actions (action_date) INCLUDE (kind, date_precision, id)',
  cases_deprived_idx:
    "ON cases (id) WHERE current_custody_state IN ('detained', 'pretrial_detention', 'house_arrest', 'imprisoned', 'disappeared')",
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, definition] of Object.entries(INDEXES))
    await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ${definition}`).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(INDEXES)) await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db)
}
