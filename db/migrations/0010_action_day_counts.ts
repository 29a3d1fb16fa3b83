// The actions chart and the key figures' action counts at 1,000,000 actions without reading them on
// each request, kept by the database itself in the same transaction as every write:
// - `advocacy_actions.in_restricted`: the action is linked to at least one restricted case. Kept by
//   triggers on the links and on a case's visibility; the rows are locked in id order first so that
//   of two transactions changing one action's links the second recomputes with what the first
//   committed, and a new link share-locks its case so that it waits for a change of that case's
//   visibility (and the other way round).
// - `action_day_counts`: actions per day, date precision and kind, those linked to a restricted case
//   apart. Readers count the unrestricted rows plus, live, the few restricted actions they may see
//   (reached from their own grants); admins count every row.
// - `rebuild_summaries()`: refills every summary kept by triggers (migrations 0004, 0007 and this one)
//   from the tables, for a restore that loads with the triggers switched off.
// Frozen in time: plain SQL, no app imports.
import { sql, type Kysely } from 'kysely'
import { FILL_CASE_FACET_COUNTS } from './0004_case_facet_counts'
import { FILL_CASE_ACTIVITY, FILL_DETENTION_START_COUNTS } from './0007_dashboard_summary'

const RESTRICTED_ACTIONS = `SELECT l.action_id FROM action_cases AS l
  JOIN cases AS c ON c.id = l.case_id WHERE c.visibility = 'restricted'`

const FILL_IN_RESTRICTED = [
  `UPDATE advocacy_actions SET in_restricted = false
    WHERE in_restricted AND id NOT IN (${RESTRICTED_ACTIONS})`,
  `UPDATE advocacy_actions SET in_restricted = true
    WHERE NOT in_restricted AND id IN (${RESTRICTED_ACTIONS})`,
]

const FILL_ACTION_DAY_COUNTS = `INSERT INTO action_day_counts
    (action_date, date_precision, kind, restricted, n)
  SELECT action_date, date_precision, kind, in_restricted, count(*)::int
  FROM advocacy_actions GROUP BY 1, 2, 3, 4`

const KEYS = (rows: string, sign: string) => `
  SELECT action_date, date_precision, kind, in_restricted AS restricted, ${sign}1 AS n FROM ${rows}`

const STATEMENTS = [
  'ALTER TABLE advocacy_actions ADD COLUMN in_restricted boolean NOT NULL DEFAULT false',
  // The existing rows first, before the triggers that would count the fill's own updates.
  ...FILL_IN_RESTRICTED,
  `CREATE TABLE action_day_counts (
    action_date date NOT NULL,
    date_precision text NOT NULL,
    kind text NOT NULL,
    restricted boolean NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (action_date, date_precision, kind, restricted)
  )`,
  FILL_ACTION_DAY_COUNTS,
  // As case_facet_counts (0004): one upsert of the differences per statement, keys in a fixed order.
  `CREATE FUNCTION action_day_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO action_day_counts AS t (action_date, date_precision, kind, restricted, n)
        SELECT action_date, date_precision, kind, restricted, sum(n) FROM (${KEYS('new_rows', '')}) AS s
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (action_date, date_precision, kind, restricted) DO UPDATE SET n = t.n + excluded.n;
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO action_day_counts AS t (action_date, date_precision, kind, restricted, n)
        SELECT action_date, date_precision, kind, restricted, sum(n) FROM (${KEYS('old_rows', '-')}) AS s
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (action_date, date_precision, kind, restricted) DO UPDATE SET n = t.n + excluded.n;
      ELSE
        INSERT INTO action_day_counts AS t (action_date, date_precision, kind, restricted, n)
        SELECT action_date, date_precision, kind, restricted, sum(n) FROM (
          ${KEYS('new_rows', '')} UNION ALL ${KEYS('old_rows', '-')}
        ) AS s
        GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (action_date, date_precision, kind, restricted) DO UPDATE SET n = t.n + excluded.n;
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

  `CREATE FUNCTION action_in_restricted_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM 1 FROM advocacy_actions WHERE id = ANY (ids) ORDER BY id FOR UPDATE;
      UPDATE advocacy_actions AS a SET in_restricted = f.flag
      FROM (
        SELECT x.id, EXISTS (SELECT 1 FROM action_cases AS l JOIN cases AS c ON c.id = l.case_id
          WHERE l.action_id = x.id AND c.visibility = 'restricted') AS flag
        FROM unnest(ids) AS x(id)
      ) AS f
      WHERE a.id = f.id AND a.in_restricted IS DISTINCT FROM f.flag;
    END $$`,
  `CREATE FUNCTION action_in_restricted_links() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM 1 FROM cases WHERE id IN (SELECT case_id FROM new_rows) ORDER BY id FOR SHARE;
        PERFORM action_in_restricted_refresh(ARRAY(SELECT DISTINCT action_id FROM new_rows));
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM action_in_restricted_refresh(ARRAY(SELECT DISTINCT action_id FROM old_rows));
      ELSE
        PERFORM 1 FROM cases WHERE id IN (SELECT case_id FROM new_rows) ORDER BY id FOR SHARE;
        PERFORM action_in_restricted_refresh(ARRAY(
          SELECT action_id FROM new_rows UNION SELECT action_id FROM old_rows));
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER action_in_restricted_links_insert AFTER INSERT ON action_cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION action_in_restricted_links()`,
  `CREATE TRIGGER action_in_restricted_links_update AFTER UPDATE ON action_cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION action_in_restricted_links()`,
  `CREATE TRIGGER action_in_restricted_links_delete AFTER DELETE ON action_cases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION action_in_restricted_links()`,
  `CREATE FUNCTION action_in_restricted_case() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM action_in_restricted_refresh(ARRAY(
        SELECT action_id FROM action_cases WHERE case_id = NEW.id));
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER action_in_restricted_case AFTER UPDATE OF visibility ON cases
    FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION action_in_restricted_case()`,

  `CREATE FUNCTION rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      ${FILL_IN_RESTRICTED.join(';\n      ')};
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
    'DROP TRIGGER IF EXISTS action_in_restricted_case ON cases',
    'DROP TRIGGER IF EXISTS action_in_restricted_links_delete ON action_cases',
    'DROP TRIGGER IF EXISTS action_in_restricted_links_update ON action_cases',
    'DROP TRIGGER IF EXISTS action_in_restricted_links_insert ON action_cases',
    'DROP FUNCTION IF EXISTS action_in_restricted_case()',
    'DROP FUNCTION IF EXISTS action_in_restricted_links()',
    'DROP FUNCTION IF EXISTS action_in_restricted_refresh(integer[])',
    'DROP TRIGGER IF EXISTS action_day_counts_delete ON advocacy_actions',
    'DROP TRIGGER IF EXISTS action_day_counts_update ON advocacy_actions',
    'DROP TRIGGER IF EXISTS action_day_counts_insert ON advocacy_actions',
    'DROP FUNCTION IF EXISTS action_day_counts_apply()',
    'DROP TABLE IF EXISTS action_day_counts',
    'ALTER TABLE advocacy_actions DROP COLUMN IF EXISTS in_restricted',
  ])
    await sql.raw(statement).execute(db)
}
