// The case list's filter counts over all cases, kept up to date by the database itself in the same
// statement as every write to `cases`: an unfiltered list (the page everyone opens first) reads a
// few hundred summary rows instead of counting 100,000 cases on every request.
// (TRUNCATE needs no trigger: audit_events refers to cases and refuses to be truncated, so cases
// cannot be.) Frozen in time: plain SQL, no app imports.
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

/** Counts the existing cases; also run by `rebuild_summaries()` (migration 0010) after a restore. */
export const FILL_CASE_FACET_COUNTS = `INSERT INTO case_facet_counts (facet, value, restricted, n)
    SELECT k.facet, k.value, k.restricted, count(*)
    FROM cases AS c CROSS JOIN LATERAL case_facet_keys(${KEY_ARGS('c')}) AS k
    GROUP BY 1, 2, 3`

const STATEMENTS = [
  `CREATE TABLE case_facet_counts (
    facet text NOT NULL,
    value text NOT NULL,
    restricted boolean NOT NULL,
    n integer NOT NULL,
    PRIMARY KEY (facet, value, restricted)
  )`,
  // Every (facet, value) a case counts under; 'total' counts the case itself. Restricted cases are
  // kept apart: most readers see only the others plus their own grants.
  // It takes columns, not the row: PostgreSQL 15 fails to plan an inlined function of a whole row
  // under GROUP BY ("variable not found in subplan target list").
  `CREATE FUNCTION case_facet_keys(
      visibility text, custody text, stage text, country text, risk text, owner_id integer,
      grounds text[]
    ) RETURNS TABLE (facet text, value text, restricted boolean)
    LANGUAGE sql IMMUTABLE AS $$
      SELECT k.facet, k.value, visibility = 'restricted'
      FROM (VALUES
        ('total', 'all'),
        ('custody', custody),
        ('stage', stage),
        ('country', country),
        ('risk', risk),
        ('visibility', visibility),
        ('owner', owner_id::text)
      ) AS k (facet, value)
      WHERE k.value IS NOT NULL
      UNION ALL
      SELECT 'ground', g, visibility = 'restricted' FROM unnest(grounds) AS g
    $$`,
  // One upsert per statement, with the keys in a fixed order so two writers never lock the same
  // summary rows in opposite orders.
  `CREATE FUNCTION case_facet_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO case_facet_counts AS t (facet, value, restricted, n)
        SELECT k.facet, k.value, k.restricted, count(*)
        FROM new_rows AS r CROSS JOIN LATERAL case_facet_keys(${KEY_ARGS('r')}) AS k
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (facet, value, restricted) DO UPDATE SET n = t.n + excluded.n;
      ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO case_facet_counts AS t (facet, value, restricted, n)
        SELECT k.facet, k.value, k.restricted, -count(*)
        FROM old_rows AS r CROSS JOIN LATERAL case_facet_keys(${KEY_ARGS('r')}) AS k
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (facet, value, restricted) DO UPDATE SET n = t.n + excluded.n;
      ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO case_facet_counts AS t (facet, value, restricted, n)
        SELECT facet, value, restricted, sum(delta)::int FROM (
          SELECT k.facet, k.value, k.restricted, 1 AS delta
          FROM new_rows AS r CROSS JOIN LATERAL case_facet_keys(${KEY_ARGS('r')}) AS k
          UNION ALL
          SELECT k.facet, k.value, k.restricted, -1
          FROM old_rows AS r CROSS JOIN LATERAL case_facet_keys(${KEY_ARGS('r')}) AS k
        ) AS d
        GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
        ON CONFLICT (facet, value, restricted) DO UPDATE SET n = t.n + excluded.n;
      END IF;
      RETURN NULL;
    END $$`,
  `CREATE TRIGGER case_facet_counts_insert AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facet_counts_apply()`,
  `CREATE TRIGGER case_facet_counts_update AFTER UPDATE ON cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_facet_counts_apply()`,
  `CREATE TRIGGER case_facet_counts_delete AFTER DELETE ON cases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_facet_counts_apply()`,
  FILL_CASE_FACET_COUNTS,
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const statement of [
    'DROP TRIGGER IF EXISTS case_facet_counts_delete ON cases',
    'DROP TRIGGER IF EXISTS case_facet_counts_update ON cases',
    'DROP TRIGGER IF EXISTS case_facet_counts_insert ON cases',
    'DROP FUNCTION IF EXISTS case_facet_counts_apply()',
    'DROP FUNCTION IF EXISTS case_facet_keys(text, text, text, text, text, integer, text[])',
    'DROP TABLE IF EXISTS case_facet_counts',
  ])
    await sql.raw(statement).execute(db)
}
