// Following cases and "changed since your last visit" (issue 13 §3, DESIGN.md's case_follows and
// case views): who follows which case, when each user last opened each case, and each user's e-mail
// digest setting. Keyed by (user_id, case_id) so a user's follows and visits are a few index entries;
// the (case_id) indexes serve the cascade when a case is deleted. Rows exist only for what a user
// did: no follow, no visit, no digest row means "not following", "never opened", "digest off".
// Frozen in time: no app imports.
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE case_follows (
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    case_id integer NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, case_id)
  )`.execute(db)
  await sql`CREATE INDEX case_follows_case_idx ON case_follows (case_id)`.execute(db)
  await sql`CREATE TABLE case_visits (
    user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    case_id integer NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    seen_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, case_id)
  )`.execute(db)
  await sql`CREATE INDEX case_visits_case_idx ON case_visits (case_id)`.execute(db)
  await sql`CREATE TABLE digest_settings (
    user_id integer PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    frequency text NOT NULL DEFAULT 'off' CHECK (frequency IN ('off', 'daily', 'weekly')),
    last_digest_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db)
  // The digest job asks "who is due", among the few who chose a digest.
  await sql`CREATE INDEX digest_settings_due_idx ON digest_settings (frequency, last_digest_at)
    WHERE frequency <> 'off'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS digest_settings`.execute(db)
  await sql`DROP TABLE IF EXISTS case_visits`.execute(db)
  await sql`DROP TABLE IF EXISTS case_follows`.execute(db)
}
