// Indexes for the admin's activity log (/admin/activity), which pages audit_events newest first by
// (occurred_at, id) and filters by user, kind of record or action. Each filter gets an index whose
// order is the page's order, so a filtered page reads ~51 index entries however many millions of
// rows the table holds. The partial index finds a user's last sign-in for the users list.
// Frozen in time: plain SQL, no app imports. Plain CREATE INDEX briefly blocks writes to the table;
// on a very large production log, create these CONCURRENTLY by hand first (IF NOT EXISTS skips them).
import { sql, type Kysely } from 'kysely'

const INDEXES = {
  audit_events_user_time_idx:
    'ON audit_events (user_id, occurred_at DESC, id DESC) WHERE user_id IS NOT NULL',
  audit_events_entity_time_idx: 'ON audit_events (entity, occurred_at DESC, id DESC)',
  audit_events_action_time_idx: 'ON audit_events (action, occurred_at DESC, id DESC)',
  audit_events_sign_in_idx:
    "ON audit_events (user_id, occurred_at DESC) WHERE action = 'sign_in' AND user_id IS NOT NULL",
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, definition] of Object.entries(INDEXES))
    await sql.raw(`CREATE INDEX IF NOT EXISTS ${name} ${definition}`).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of Object.keys(INDEXES)) await sql.raw(`DROP INDEX IF EXISTS ${name}`).execute(db)
}
