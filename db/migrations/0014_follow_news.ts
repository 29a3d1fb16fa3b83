// The navigation's updates count at any number of follows (issue 13 §3, ADR 013): `case_follows.news_at`
// marks the follows that may have news — the time of the latest change to the case by someone other
// than the follower — kept by triggers in the same transaction as every change, and cleared when the
// follower's visit passes it. A partial index holds only the marked follows, so the count reads those
// few and checks each with the exact rule (visibility, documents and actions the reader may see),
// instead of checking every follow. A mark is a superset of the news, never fewer: `news_at` is null
// only when no change by someone else is later than where the follower's news starts (their last
// visit, or the follow). Frozen in time: plain SQL, no app imports.
import { sql, type Kysely } from 'kysely'

/** Every follow's mark from the tables, as the triggers would have kept it. */
const MARK_FOLLOWS = `UPDATE case_follows AS f SET news_at = follow_news_after(f.case_id, f.user_id, coalesce(
    (SELECT v.seen_at FROM case_visits AS v WHERE v.user_id = f.user_id AND v.case_id = f.case_id),
    f.created_at))`

const STATEMENTS = [
  `ALTER TABLE case_follows ADD COLUMN news_at timestamptz`,
  `CREATE INDEX case_follows_news_idx ON case_follows (user_id, case_id) WHERE news_at IS NOT NULL`,
  // The latest change to a case after p_since by anyone but p_user (every document and action linked
  // to it, whoever may see them: the reader's own rule is applied when counting).
  `CREATE FUNCTION follow_news_after(p_case integer, p_user integer, p_since timestamptz)
    RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT greatest(
      (SELECT c.updated_at FROM cases AS c WHERE c.id = p_case AND c.updated_at > p_since
         AND c.updated_by IS DISTINCT FROM p_user),
      (SELECT max(e.updated_at) FROM status_events AS e WHERE e.case_id = p_case
         AND e.updated_at > p_since AND e.updated_by IS DISTINCT FROM p_user),
      (SELECT max(d.updated_at) FROM document_cases AS dc JOIN documents AS d ON d.id = dc.document_id
         WHERE dc.case_id = p_case AND d.updated_at > p_since AND d.updated_by IS DISTINCT FROM p_user),
      (SELECT max(a.updated_at) FROM action_cases AS ac JOIN advocacy_actions AS a ON a.id = ac.action_id
         WHERE ac.case_id = p_case AND a.updated_at > p_since AND a.updated_by IS DISTINCT FROM p_user))
  $$`,
  // A change at p_at by p_by marks every other follower of the case (through case_follows_case_idx).
  `CREATE FUNCTION follow_news_mark(p_case integer, p_by integer, p_at timestamptz)
    RETURNS void LANGUAGE sql AS $$
    UPDATE case_follows SET news_at = p_at
    WHERE case_id = p_case AND user_id IS DISTINCT FROM p_by AND (news_at IS NULL OR news_at < p_at)
  $$`,
  `CREATE FUNCTION follow_news_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
      RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'cases' THEN
      PERFORM follow_news_mark(NEW.id, NEW.updated_by, NEW.updated_at);
    ELSE
      PERFORM follow_news_mark(NEW.case_id, NEW.updated_by, NEW.updated_at);
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER cases_follow_news AFTER UPDATE ON cases
    FOR EACH ROW EXECUTE FUNCTION follow_news_on_case()`,
  `CREATE TRIGGER status_events_follow_news AFTER INSERT OR UPDATE ON status_events
    FOR EACH ROW EXECUTE FUNCTION follow_news_on_case()`,
  // A document or an action marks the followers of every case it is linked to when it changes, and
  // of a case when it is linked to it.
  `CREATE FUNCTION follow_news_on_linked() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN
      IF TG_TABLE_NAME = 'documents' THEN
        PERFORM follow_news_mark(l.case_id, NEW.updated_by, NEW.updated_at)
        FROM document_cases AS l WHERE l.document_id = NEW.id;
      ELSE
        PERFORM follow_news_mark(l.case_id, NEW.updated_by, NEW.updated_at)
        FROM action_cases AS l WHERE l.action_id = NEW.id;
      END IF;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER documents_follow_news AFTER UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION follow_news_on_linked()`,
  `CREATE TRIGGER advocacy_actions_follow_news AFTER UPDATE ON advocacy_actions
    FOR EACH ROW EXECUTE FUNCTION follow_news_on_linked()`,
  `CREATE FUNCTION follow_news_on_link() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_TABLE_NAME = 'document_cases' THEN
      PERFORM follow_news_mark(NEW.case_id, d.updated_by, d.updated_at)
      FROM documents AS d WHERE d.id = NEW.document_id;
    ELSE
      PERFORM follow_news_mark(NEW.case_id, a.updated_by, a.updated_at)
      FROM advocacy_actions AS a WHERE a.id = NEW.action_id;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER document_cases_follow_news AFTER INSERT ON document_cases
    FOR EACH ROW EXECUTE FUNCTION follow_news_on_link()`,
  `CREATE TRIGGER action_cases_follow_news AFTER INSERT ON action_cases
    FOR EACH ROW EXECUTE FUNCTION follow_news_on_link()`,
  // A new follow (perhaps dated back, or after a visit) starts with the news it already has; so does
  // one whose start is moved.
  `CREATE FUNCTION follow_news_on_follow() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'UPDATE' OR NEW.news_at IS NULL THEN
      NEW.news_at := follow_news_after(NEW.case_id, NEW.user_id, coalesce(
        (SELECT v.seen_at FROM case_visits AS v
          WHERE v.user_id = NEW.user_id AND v.case_id = NEW.case_id), NEW.created_at));
    END IF;
    RETURN NEW;
  END $$`,
  `CREATE TRIGGER case_follows_news BEFORE INSERT OR UPDATE OF created_at ON case_follows
    FOR EACH ROW EXECUTE FUNCTION follow_news_on_follow()`,
  // A visit moving news' start later clears a mark it passes; one moving it earlier (a visit read
  // before the follow, a removed visit) finds the news again.
  `CREATE FUNCTION follow_news_on_visit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      UPDATE case_follows AS f SET news_at = follow_news_after(f.case_id, f.user_id, f.created_at)
      WHERE f.user_id = OLD.user_id AND f.case_id = OLD.case_id;
    ELSIF TG_OP = 'UPDATE' AND NEW.seen_at >= OLD.seen_at THEN
      UPDATE case_follows SET news_at = NULL
      WHERE user_id = NEW.user_id AND case_id = NEW.case_id AND news_at <= NEW.seen_at;
    ELSE
      UPDATE case_follows AS f SET news_at = follow_news_after(f.case_id, f.user_id, NEW.seen_at)
      WHERE f.user_id = NEW.user_id AND f.case_id = NEW.case_id;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER case_visits_follow_news AFTER INSERT OR UPDATE OR DELETE ON case_visits
    FOR EACH ROW EXECUTE FUNCTION follow_news_on_visit()`,
  // The follows there already are; a restore (its triggers off) recomputes them the same way.
  MARK_FOLLOWS,
  `ALTER FUNCTION rebuild_summaries() RENAME TO rebuild_summaries_0013`,
  `CREATE FUNCTION rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $body$
    BEGIN
      PERFORM rebuild_summaries_0013();
      ${MARK_FOLLOWS};
    END $body$`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    'DROP FUNCTION IF EXISTS rebuild_summaries()',
    'ALTER FUNCTION rebuild_summaries_0013() RENAME TO rebuild_summaries',
    'DROP TRIGGER IF EXISTS case_visits_follow_news ON case_visits',
    'DROP TRIGGER IF EXISTS case_follows_news ON case_follows',
    'DROP TRIGGER IF EXISTS action_cases_follow_news ON action_cases',
    'DROP TRIGGER IF EXISTS document_cases_follow_news ON document_cases',
    'DROP TRIGGER IF EXISTS advocacy_actions_follow_news ON advocacy_actions',
    'DROP TRIGGER IF EXISTS documents_follow_news ON documents',
    'DROP TRIGGER IF EXISTS status_events_follow_news ON status_events',
    'DROP TRIGGER IF EXISTS cases_follow_news ON cases',
    'DROP FUNCTION IF EXISTS follow_news_on_visit()',
    'DROP FUNCTION IF EXISTS follow_news_on_follow()',
    'DROP FUNCTION IF EXISTS follow_news_on_link()',
    'DROP FUNCTION IF EXISTS follow_news_on_linked()',
    'DROP FUNCTION IF EXISTS follow_news_on_case()',
    'DROP FUNCTION IF EXISTS follow_news_mark(integer, integer, timestamptz)',
    'DROP FUNCTION IF EXISTS follow_news_after(integer, integer, timestamptz)',
    'DROP INDEX IF EXISTS case_follows_news_idx',
    'ALTER TABLE case_follows DROP COLUMN IF EXISTS news_at',
  ])
    await sql.raw(statement).execute(db)
}
