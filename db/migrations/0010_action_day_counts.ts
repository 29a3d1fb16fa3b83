// The actions chart and the key figures' action counts at 1,000,000 actions without reading them on
// each request, kept by the database itself in the same transaction as every write:
// - `advocacy_actions.restricted_case`: which restricted case the action is linked to — 0 for none
//   (seen by every reader), the case's id when there is exactly one (seen by whoever may see that
//   case), -1 for several (checked link by link). Kept by triggers on the links and on a case's
//   visibility; the rows are locked in id order first so that of two transactions changing one
//   action's links the second recomputes with what the first committed, and a new link share-locks
//   its case so that it waits for a change of that case's visibility (and the other way round).
// - `action_day_counts`: actions per restricted case, day, date precision and kind. A reader sums
//   the rows of case 0, the rows of the restricted cases granted to them, and counts live the few
//   actions linked to several restricted cases; admins sum every row.
// - `rebuild_summaries()`: refills every summary kept by triggers (migrations 0004, 0007 and this one)
//   from the tables, for a restore that loads with the triggers switched off.
// Frozen in time: plain SQL, no app imports.
import { sql, type Kysely } from 'kysely'
import { FILL_CASE_FACET_COUNTS } from './0004_case_facet_counts'
import { FILL_CASE_ACTIVITY, FILL_DETENTION_START_COUNTS } from './0007_dashboard_summary'

/** Per action with at least one restricted case: that case, or -1 for several. */
const RESTRICTED_KEYS = `SELECT l.action_id, CASE count(*) WHEN 1 THEN min(l.case_id) ELSE -1 END AS key
  FROM action_cases AS l JOIN cases AS c ON c.id = l.case_id
  WHERE c.visibility = 'restricted' GROUP BY l.action_id`

const FILL_RESTRICTED_CASE = [
  `UPDATE advocacy_actions SET restricted_case = 0
    WHERE restricted_case <> 0 AND id NOT IN (SELECT action_id FROM (${RESTRICTED_KEYS}) AS k)`,
  `UPDATE advocacy_actions AS a SET restricted_case = k.key FROM (${RESTRICTED_KEYS}) AS k
    WHERE a.id = k.action_id AND a.restricted_case <> k.key`,
]

const FILL_ACTION_DAY_COUNTS = `INSERT INTO action_day_counts
    (restricted_case, action_date, date_precision, kind, n)
  SELECT restricted_case, action_date, date_precision, kind, count(*)::int
  FROM advocacy_actions GROUP BY 1, 2, 3, 4`

const COLUMNS = 'restricted_case, action_date, date_precision, kind'
const KEYS = (rows: string, sign: string) => `SELECT ${COLUMNS}, ${sign}1 AS n FROM ${rows}`
const UPSERT = (rows: string, having = '') => `
  INSERT INTO action_day_counts AS t (${COLUMNS}, n)
  SELECT ${COLUMNS}, sum(n) FROM (${rows}) AS s
  GROUP BY 1, 2, 3, 4 ${having} ORDER BY 1, 2, 3, 4
  ON CONFLICT (${COLUMNS}) DO UPDATE SET n = t.n + excluded.n`

const STATEMENTS = [
  'ALTER TABLE advocacy_actions ADD COLUMN restricted_case integer NOT NULL DEFAULT 0',
  // The existing rows first, before the triggers that would count the fill's own updates.
  ...FILL_RESTRICTED_CASE,
  `CREATE INDEX advocacy_actions_shared_restricted_idx ON advocacy_actions (action_date)
    WHERE restricted_case = -1`,
  `CREATE TABLE action_day_counts (
    restricted_case integer NOT NULL,
    action_date date NOT NULL,
    date_precision text NOT NULL,
    kind text NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (restricted_case, action_date, date_precision, kind) INCLUDE (n)
  )`,
  // Both read as index-only scans: a chart's range is thousands of rows.
  'CREATE INDEX action_day_counts_date_idx ON action_day_counts (action_date) INCLUDE (restricted_case, date_precision, kind, n)',
  FILL_ACTION_DAY_COUNTS,
  // As case_facet_counts (0004): one upsert of the differences per statement, keys in a fixed order.
  `CREATE FUNCTION action_day_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${UPSERT(KEYS('new_rows', ''))};
      ELSIF TG_OP = 'DELETE' THEN
        ${UPSERT(KEYS('old_rows', '-'))};
      ELSE
        ${UPSERT(`${KEYS('new_rows', '')} UNION ALL ${KEYS('old_rows', '-')}`, 'HAVING sum(n) <> 0')};
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER action_day_counts_insert AFTER INSERT ON advocacy_actions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_day_counts_apply()`,
  `CREATE TRIGGER action_day_counts_update AFTER UPDATE ON advocacy_actions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION action_day_counts_apply()`,
  `CREATE TRIGGER action_day_counts_delete AFTER DELETE ON advocacy_actions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION action_day_counts_apply()`,

  `CREATE FUNCTION action_restricted_case_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM 1 FROM advocacy_actions WHERE id = ANY (ids) ORDER BY id FOR UPDATE;
      UPDATE advocacy_actions AS a SET restricted_case = f.key
      FROM (
        SELECT x.id, CASE count(c.id) WHEN 0 THEN 0 WHEN 1 THEN min(c.id) ELSE -1 END AS key
        FROM unnest(ids) AS x(id)
        LEFT JOIN action_cases AS l ON l.action_id = x.id
        LEFT JOIN cases AS c ON c.id = l.case_id AND c.visibility = 'restricted'
        GROUP BY x.id
      ) AS f
      WHERE a.id = f.id AND a.restricted_case <> f.key;
    END $$`,
  `CREATE FUNCTION action_restricted_case_links() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM 1 FROM cases WHERE id IN (SELECT case_id FROM new_rows) ORDER BY id FOR SHARE;
        PERFORM action_restricted_case_refresh(ARRAY(SELECT DISTINCT action_id FROM new_rows));
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM action_restricted_case_refresh(ARRAY(SELECT DISTINCT action_id FROM old_rows));
      ELSE
        PERFORM 1 FROM cases WHERE id IN (SELECT case_id FROM new_rows) ORDER BY id FOR SHARE;
        PERFORM action_restricted_case_refresh(ARRAY(
          SELECT action_id FROM new_rows UNION SELECT action_id FROM old_rows));
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER action_restricted_case_links_insert AFTER INSERT ON action_cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_restricted_case_links()`,
  `CREATE TRIGGER action_restricted_case_links_update AFTER UPDATE ON action_cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION action_restricted_case_links()`,
  `CREATE TRIGGER action_restricted_case_links_delete AFTER DELETE ON action_cases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION action_restricted_case_links()`,
  `CREATE FUNCTION action_restricted_case_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM action_restricted_case_refresh(ARRAY(
        SELECT action_id FROM action_cases WHERE case_id = NEW.id));
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER action_restricted_case_visibility AFTER UPDATE OF visibility ON cases
    FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION action_restricted_case_visibility()`,

  `CREATE FUNCTION rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      ${FILL_RESTRICTED_CASE.join(';\n      ')};
      TRUNCATE action_day_counts, case_facet_counts, case_activity, detention_start_counts;
      ${FILL_ACTION_DAY_COUNTS};
      ${FILL_CASE_FACET_COUNTS};
      ${FILL_CASE_ACTIVITY};
      ${FILL_DETENTION_START_COUNTS};
    END $$`,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    'DROP FUNCTION IF EXISTS rebuild_summaries()',
    'DROP TRIGGER IF EXISTS action_restricted_case_visibility ON cases',
    'DROP TRIGGER IF EXISTS action_restricted_case_links_delete ON action_cases',
    'DROP TRIGGER IF EXISTS action_restricted_case_links_update ON action_cases',
    'DROP TRIGGER IF EXISTS action_restricted_case_links_insert ON action_cases',
    'DROP FUNCTION IF EXISTS action_restricted_case_visibility()',
    'DROP FUNCTION IF EXISTS action_restricted_case_links()',
    'DROP FUNCTION IF EXISTS action_restricted_case_refresh(integer[])',
    'DROP TRIGGER IF EXISTS action_day_counts_delete ON advocacy_actions',
    'DROP TRIGGER IF EXISTS action_day_counts_update ON advocacy_actions',
    'DROP TRIGGER IF EXISTS action_day_counts_insert ON advocacy_actions',
    'DROP FUNCTION IF EXISTS action_day_counts_apply()',
    'DROP TABLE IF EXISTS action_day_counts',
    'ALTER TABLE advocacy_actions DROP COLUMN IF EXISTS restricted_case',
  ])
    await sql.raw(statement).execute(db)
}
