// The dashboard at 100,000 cases without reading every case on each request, kept by the database
// itself in the same transaction as every write:
// - `case_activity`, one row per case: its latest event and action on or before the day of the write,
//   and its next ones after that day (so a reader can tell whether the row still holds for its own
//   "today": it does when no date falls between the latest and the next). `action_latest` counts every
//   linked action and is for admins only; `action_latest_seen` counts only the actions that anyone who
//   may see the case may see (no restricted case linked other than this one), so it never dates an
//   action a reader may not see. "Needs attention" reads its oldest rows from an index.
// - `detention_start_counts`: people deprived of liberty per detention start (the last possible day
//   of an imprecise one), restricted cases apart, for the median days in detention.
// Frozen in time: plain SQL, no app imports.
import { sql, type Kysely } from 'kysely'

const DEPRIVED = "('detained', 'pretrial_detention', 'house_arrest', 'imprisoned', 'disappeared')"

/** The detention start a case counts from, as the domain does: the last possible day. */
const START = (row: string) => `CASE ${row}.detained_since_precision
    WHEN 'day' THEN ${row}.detained_since
    WHEN 'month' THEN (date_trunc('month', ${row}.detained_since::timestamp) + interval '1 month' - interval '1 day')::date
    ELSE make_date(extract(year from ${row}.detained_since)::int, 12, 31) END`

const STARTS = (rows: string, sign: string) => `
  SELECT ${START('r')} AS start, r.visibility = 'restricted' AS restricted,
    r.detained_since_precision <> 'day' AS imprecise, ${sign}1 AS n
  FROM ${rows} AS r
  WHERE r.current_custody_state IN ${DEPRIVED} AND r.detained_since IS NOT NULL`

// The existing rows, set-based (one pass over each table rather than a lookup per case); also run by
// `rebuild_summaries()` (migration 0010) after a restore.
export const FILL_CASE_ACTIVITY = `INSERT INTO case_activity (case_id, deprived, restricted, event_latest, event_next,
      action_latest, action_latest_seen, action_next)
    WITH d AS (SELECT (now() AT TIME ZONE 'UTC')::date AS d),
    ev AS (
      SELECT e.case_id, max(e.event_date) FILTER (WHERE e.event_date <= d.d) AS latest,
        min(e.event_date) FILTER (WHERE e.event_date > d.d) AS next
      FROM status_events AS e CROSS JOIN d GROUP BY e.case_id),
    restricted_links AS (
      SELECT l.action_id, count(*) FILTER (WHERE c.visibility = 'restricted') AS n
      FROM action_cases AS l JOIN cases AS c ON c.id = l.case_id GROUP BY l.action_id),
    ac AS (
      SELECT l.case_id,
        max(a.action_date) FILTER (WHERE a.action_date <= d.d) AS latest,
        max(a.action_date) FILTER (WHERE a.action_date <= d.d
          AND r.n - (CASE WHEN c.visibility = 'restricted' THEN 1 ELSE 0 END) = 0) AS latest_seen,
        min(a.action_date) FILTER (WHERE a.action_date > d.d) AS next
      FROM action_cases AS l
      JOIN advocacy_actions AS a ON a.id = l.action_id
      JOIN restricted_links AS r ON r.action_id = l.action_id
      JOIN cases AS c ON c.id = l.case_id
      CROSS JOIN d
      GROUP BY l.case_id)
    SELECT c.id, coalesce(c.current_custody_state IN ${DEPRIVED}, false),
      c.visibility = 'restricted', ev.latest, ev.next, ac.latest, ac.latest_seen, ac.next
    FROM cases AS c LEFT JOIN ev ON ev.case_id = c.id LEFT JOIN ac ON ac.case_id = c.id`

export const FILL_DETENTION_START_COUNTS = `INSERT INTO detention_start_counts (start, restricted, imprecise, n)
    SELECT start, restricted, imprecise, sum(n) FROM (${STARTS('cases', '')}) AS s GROUP BY 1, 2, 3`

const STATEMENTS = [
  `CREATE TABLE case_activity (
    case_id integer PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    deprived boolean NOT NULL,
    restricted boolean NOT NULL,
    event_latest date,
    event_next date,
    action_latest date,
    action_latest_seen date,
    action_next date,
    seen_key date NOT NULL GENERATED ALWAYS AS
      (coalesce(greatest(event_latest, action_latest_seen), '-infinity'::date)) STORED,
    any_key date NOT NULL GENERATED ALWAYS AS
      (coalesce(greatest(event_latest, action_latest), '-infinity'::date)) STORED,
    shared_newest boolean NOT NULL GENERATED ALWAYS AS
      (action_latest IS DISTINCT FROM action_latest_seen) STORED
  )`,
  'CREATE INDEX case_activity_seen_idx ON case_activity (seen_key, case_id) INCLUDE (restricted) WHERE deprived',
  'CREATE INDEX case_activity_any_idx ON case_activity (any_key, case_id) INCLUDE (restricted) WHERE deprived',
  'CREATE INDEX case_activity_event_next_idx ON case_activity (event_next) WHERE deprived',
  'CREATE INDEX case_activity_action_next_idx ON case_activity (action_next) WHERE deprived',
  'CREATE INDEX case_activity_shared_idx ON case_activity (seen_key) WHERE deprived AND shared_newest',
  // Recomputes the dates of these cases. The rows are locked first, in id order, so that of two
  // transactions writing for one case the second waits and then recomputes with what the first
  // committed (each statement of a function sees the latest commits under READ COMMITTED).
  `CREATE FUNCTION case_activity_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE d date := (now() AT TIME ZONE 'UTC')::date;
    BEGIN
      PERFORM 1 FROM case_activity WHERE case_id = ANY (ids) ORDER BY case_id FOR UPDATE;
      UPDATE case_activity AS t SET
        event_latest = (SELECT max(e.event_date) FROM status_events AS e
          WHERE e.case_id = t.case_id AND e.event_date <= d),
        event_next = (SELECT min(e.event_date) FROM status_events AS e
          WHERE e.case_id = t.case_id AND e.event_date > d),
        action_latest = (SELECT max(a.action_date) FROM action_cases AS l
          JOIN advocacy_actions AS a ON a.id = l.action_id
          WHERE l.case_id = t.case_id AND a.action_date <= d),
        action_latest_seen = (SELECT max(a.action_date) FROM action_cases AS l
          JOIN advocacy_actions AS a ON a.id = l.action_id
          WHERE l.case_id = t.case_id AND a.action_date <= d
            AND NOT EXISTS (SELECT 1 FROM action_cases AS o JOIN cases AS oc ON oc.id = o.case_id
              WHERE o.action_id = l.action_id AND o.case_id <> t.case_id
                AND oc.visibility = 'restricted')),
        action_next = (SELECT min(a.action_date) FROM action_cases AS l
          JOIN advocacy_actions AS a ON a.id = l.action_id
          WHERE l.case_id = t.case_id AND a.action_date > d)
      WHERE t.case_id = ANY (ids);
    END $$`,
  `CREATE FUNCTION case_activity_events() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM case_activity_refresh(ARRAY(SELECT DISTINCT case_id FROM new_rows));
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM case_activity_refresh(ARRAY(SELECT DISTINCT case_id FROM old_rows));
      ELSE
        PERFORM case_activity_refresh(ARRAY(
          SELECT n.case_id FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
          WHERE n.event_date IS DISTINCT FROM o.event_date OR n.case_id <> o.case_id
          UNION
          SELECT o.case_id FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
          WHERE n.event_date IS DISTINCT FROM o.event_date OR n.case_id <> o.case_id));
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER case_activity_events_insert AFTER INSERT ON status_events
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_activity_events()`,
  `CREATE TRIGGER case_activity_events_update AFTER UPDATE ON status_events
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_activity_events()`,
  `CREATE TRIGGER case_activity_events_delete AFTER DELETE ON status_events
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_activity_events()`,
  // A link added or removed changes the dates of its case and, since it may add or remove a
  // restricted case, which actions the other linked cases count as seen.
  `CREATE FUNCTION case_activity_links() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE changed integer[];
    BEGIN
      IF TG_OP = 'INSERT' THEN
        changed := ARRAY(SELECT action_id FROM new_rows);
        PERFORM case_activity_refresh(ARRAY(
          SELECT case_id FROM new_rows
          UNION SELECT l.case_id FROM action_cases AS l WHERE l.action_id = ANY (changed)));
      ELSIF TG_OP = 'DELETE' THEN
        changed := ARRAY(SELECT action_id FROM old_rows);
        PERFORM case_activity_refresh(ARRAY(
          SELECT case_id FROM old_rows
          UNION SELECT l.case_id FROM action_cases AS l WHERE l.action_id = ANY (changed)));
      ELSE
        changed := ARRAY(SELECT action_id FROM new_rows UNION SELECT action_id FROM old_rows);
        PERFORM case_activity_refresh(ARRAY(
          SELECT case_id FROM new_rows UNION SELECT case_id FROM old_rows
          UNION SELECT l.case_id FROM action_cases AS l WHERE l.action_id = ANY (changed)));
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER case_activity_links_insert AFTER INSERT ON action_cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_activity_links()`,
  `CREATE TRIGGER case_activity_links_update AFTER UPDATE ON action_cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_activity_links()`,
  `CREATE TRIGGER case_activity_links_delete AFTER DELETE ON action_cases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_activity_links()`,
  // An action's new date re-dates its cases (a new action has no links yet; a deleted one loses its
  // links by cascade, which the trigger above sees).
  `CREATE FUNCTION case_activity_action_date() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM case_activity_refresh(ARRAY(
        SELECT case_id FROM action_cases WHERE action_id = NEW.id));
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER case_activity_action_date AFTER UPDATE OF action_date ON advocacy_actions
    FOR EACH ROW WHEN (OLD.action_date IS DISTINCT FROM NEW.action_date)
    EXECUTE FUNCTION case_activity_action_date()`,
  // Every case has its row; its custody state and visibility are copied, and a change of visibility
  // changes which actions the cases sharing them count as seen.
  `CREATE FUNCTION case_activity_new_cases() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO case_activity (case_id, deprived, restricted)
      SELECT id, coalesce(current_custody_state IN ${DEPRIVED}, false), visibility = 'restricted'
      FROM new_rows ORDER BY id;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER case_activity_new_cases AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_activity_new_cases()`,
  `CREATE FUNCTION case_activity_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE case_activity SET
        deprived = coalesce(NEW.current_custody_state IN ${DEPRIVED}, false),
        restricted = NEW.visibility = 'restricted'
      WHERE case_id = NEW.id;
      IF OLD.visibility IS DISTINCT FROM NEW.visibility THEN
        PERFORM case_activity_refresh(ARRAY(
          SELECT DISTINCT o.case_id FROM action_cases AS l
          JOIN action_cases AS o ON o.action_id = l.action_id
          WHERE l.case_id = NEW.id AND o.case_id <> NEW.id));
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER case_activity_case_changed AFTER UPDATE OF current_custody_state, visibility
    ON cases FOR EACH ROW
    WHEN (OLD.current_custody_state IS DISTINCT FROM NEW.current_custody_state
      OR OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION case_activity_case_changed()`,
  FILL_CASE_ACTIVITY,

  `CREATE TABLE detention_start_counts (
    start date NOT NULL,
    restricted boolean NOT NULL,
    imprecise boolean NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (start, restricted, imprecise)
  )`,
  // As case_facet_counts (0004): one upsert of the differences per statement, keys in a fixed order.
  `CREATE FUNCTION detention_start_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO detention_start_counts AS t (start, restricted, imprecise, n)
        SELECT start, restricted, imprecise, sum(n) FROM (${STARTS('new_rows', '')}) AS s
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (start, restricted, imprecise) DO UPDATE SET n = t.n + excluded.n;
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO detention_start_counts AS t (start, restricted, imprecise, n)
        SELECT start, restricted, imprecise, sum(n) FROM (${STARTS('old_rows', '-')}) AS s
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (start, restricted, imprecise) DO UPDATE SET n = t.n + excluded.n;
      ELSE
        INSERT INTO detention_start_counts AS t (start, restricted, imprecise, n)
        SELECT start, restricted, imprecise, sum(n) FROM (
          ${STARTS('new_rows', '')} UNION ALL ${STARTS('old_rows', '-')}
        ) AS s
        GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (start, restricted, imprecise) DO UPDATE SET n = t.n + excluded.n;
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER detention_start_counts_insert AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION detention_start_counts_apply()`,
  `CREATE TRIGGER detention_start_counts_update AFTER UPDATE ON cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION detention_start_counts_apply()`,
  `CREATE TRIGGER detention_start_counts_delete AFTER DELETE ON cases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION detention_start_counts_apply()`,
  FILL_DETENTION_START_COUNTS,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    'DROP TRIGGER IF EXISTS detention_start_counts_delete ON cases',
    'DROP TRIGGER IF EXISTS detention_start_counts_update ON cases',
    'DROP TRIGGER IF EXISTS detention_start_counts_insert ON cases',
    'DROP FUNCTION IF EXISTS detention_start_counts_apply()',
    'DROP TABLE IF EXISTS detention_start_counts',
    'DROP TRIGGER IF EXISTS case_activity_case_changed ON cases',
    'DROP TRIGGER IF EXISTS case_activity_new_cases ON cases',
    'DROP TRIGGER IF EXISTS case_activity_action_date ON advocacy_actions',
    'DROP TRIGGER IF EXISTS case_activity_links_delete ON action_cases',
    'DROP TRIGGER IF EXISTS case_activity_links_update ON action_cases',
    'DROP TRIGGER IF EXISTS case_activity_links_insert ON action_cases',
    'DROP TRIGGER IF EXISTS case_activity_events_delete ON status_events',
    'DROP TRIGGER IF EXISTS case_activity_events_update ON status_events',
    'DROP TRIGGER IF EXISTS case_activity_events_insert ON status_events',
    'DROP FUNCTION IF EXISTS case_activity_case_changed()',
    'DROP FUNCTION IF EXISTS case_activity_new_cases()',
    'DROP FUNCTION IF EXISTS case_activity_action_date()',
    'DROP FUNCTION IF EXISTS case_activity_links()',
    'DROP FUNCTION IF EXISTS case_activity_events()',
    'DROP FUNCTION IF EXISTS case_activity_refresh(integer[])',
    'DROP TABLE IF EXISTS case_activity',
  ])
    await sql.raw(statement).execute(db)
}
