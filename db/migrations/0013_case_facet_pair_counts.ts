// The case list with one filter (the commonest narrowed view: "detained", "China") counted from a
// summary instead of live: `case_facet_pair_counts` holds, for every facet value a case counts under,
// how many cases also count under each value of every other facet (and under 'total'). Kept by the
// same statement-level triggers as `case_facet_counts` (migration 0004), in the same transaction as
// every write to `cases`; `rebuild_summaries()` refills it after a restore. Frozen in time: plain
// SQL, no app imports.
import { sql, type Kysely } from 'kysely'

const KEY_ARGS = (row: string) =>
  [
    'visibility',
    'current_custody_state',
    'current_legal_stage',
    'country',
    'risk_level',
    'owner_id',
    'grounds',
  ]
    .map((column) => `${row}.${column}`)
    .join(', ')

const PAIR_COLUMNS = 'facet, value, other_facet, other_value, restricted'

/** Counts the existing cases; also run by `rebuild_summaries()` after a restore. */
export const FILL_CASE_FACET_PAIR_COUNTS = `INSERT INTO case_facet_pair_counts (${PAIR_COLUMNS}, n)
    SELECT p.facet, p.value, p.other_facet, p.other_value, p.restricted, count(*)
    FROM cases AS c CROSS JOIN LATERAL case_facet_pairs(${KEY_ARGS('c')}) AS p
    GROUP BY 1, 2, 3, 4, 5`

const upsert = (select: string) => `INSERT INTO case_facet_pair_counts AS t (${PAIR_COLUMNS}, n)
        ${select}
        ON CONFLICT (${PAIR_COLUMNS}) DO UPDATE SET n = t.n + excluded.n`

const pairsOf = (rows: string, sign: string) =>
  `SELECT p.facet, p.value, p.other_facet, p.other_value, p.restricted, ${sign} AS delta
          FROM ${rows} AS r CROSS JOIN LATERAL case_facet_pairs(${KEY_ARGS('r')}) AS p`

/** rebuild_summaries() of migration 0010 (renamed, kept), then this summary. */
const REBUILD_SUMMARIES = `CREATE FUNCTION rebuild_summaries() RETURNS void LANGUAGE plpgsql AS $body$
    BEGIN
      PERFORM rebuild_summaries_0010();
      TRUNCATE case_facet_pair_counts;
      ${FILL_CASE_FACET_PAIR_COUNTS};
    END $body$`

const STATEMENTS = [
  `CREATE TABLE case_facet_pair_counts (
    facet text NOT NULL,
    value text NOT NULL,
    other_facet text NOT NULL,
    other_value text NOT NULL,
    restricted boolean NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (${PAIR_COLUMNS})
  )`,
  // Every ordered pair of a case's keys from two different facets; the second may be 'total'.
  `CREATE FUNCTION case_facet_pairs(
      visibility text, custody text, stage text, country text, risk text, owner_id integer,
      grounds text[]
    ) RETURNS TABLE (facet text, value text, other_facet text, other_value text, restricted boolean)
    LANGUAGE sql IMMUTABLE AS $$
      SELECT a.facet, a.value, b.facet, b.value, a.restricted
      FROM case_facet_keys(visibility, custody, stage, country, risk, owner_id, grounds) AS a
      CROSS JOIN case_facet_keys(visibility, custody, stage, country, risk, owner_id, grounds) AS b
      WHERE a.facet <> 'total' AND a.facet <> b.facet
    $$`,
  // One upsert per statement, keys in a fixed order (two writers never lock rows in opposite orders).
  `CREATE FUNCTION case_facet_pair_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${upsert(`SELECT facet, value, other_facet, other_value, restricted, count(*)::int FROM (
          ${pairsOf('new_rows', '1')}) AS d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`)};
      ELSIF TG_OP = 'DELETE' THEN
        ${upsert(`SELECT facet, value, other_facet, other_value, restricted, -count(*)::int FROM (
          ${pairsOf('old_rows', '1')}) AS d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`)};
      ELSIF TG_OP = 'UPDATE' THEN
        ${upsert(`SELECT facet, value, other_facet, other_value, restricted, sum(delta)::int FROM (
          ${pairsOf('new_rows', '1')}
          UNION ALL
          ${pairsOf('old_rows', '-1')}
        ) AS d
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4, 5`)};
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER case_facet_pair_counts_insert AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_facet_pair_counts_apply()`,
  `CREATE TRIGGER case_facet_pair_counts_update AFTER UPDATE ON cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_facet_pair_counts_apply()`,
  `CREATE TRIGGER case_facet_pair_counts_delete AFTER DELETE ON cases
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_facet_pair_counts_apply()`,
  FILL_CASE_FACET_PAIR_COUNTS,
  `ALTER FUNCTION rebuild_summaries() RENAME TO rebuild_summaries_0010`,
  REBUILD_SUMMARIES,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    'DROP FUNCTION IF EXISTS rebuild_summaries()',
    'ALTER FUNCTION rebuild_summaries_0010() RENAME TO rebuild_summaries',
    'DROP TRIGGER IF EXISTS case_facet_pair_counts_delete ON cases',
    'DROP TRIGGER IF EXISTS case_facet_pair_counts_update ON cases',
    'DROP TRIGGER IF EXISTS case_facet_pair_counts_insert ON cases',
    'DROP FUNCTION IF EXISTS case_facet_pair_counts_apply()',
    'DROP FUNCTION IF EXISTS case_facet_pairs(text, text, text, text, text, integer, text[])',
    'DROP TABLE IF EXISTS case_facet_pair_counts',
  ])
    await sql.raw(statement).execute(db)
}
