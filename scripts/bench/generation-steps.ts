// Over 300 lines: the generator's SQL, one INSERT … SELECT over generate_series per table in the
// order of their foreign keys, with the value lists it draws from; splitting it would scatter one recipe.
// Each step is plain SQL text that scripts/bench/generate.ts runs in order; values come from a hash of
// the row number, so every run (and both databases) get the same data.
import { DEPRIVED_OF_LIBERTY } from '../../app/domain/vocabularies'

export type Caseload = {
  cases: number
  events: number
  actions: number
  sources: number
  actors: number
  documents: number
  staff: number
}

export const BENCH_EDITOR_EMAIL = 'editor@bench.example.org'
/** The one case with exactly 100 events (the case page and statement are measured on it). */
export const TIMELINE_CASE = { id: 100, slug: 'synthetic-case-000100', events: 100 }
/** Timelines run from 2015 to a little past today, so some events are scheduled in the future. */
const TIMELINE_END = '2027-03-31'

const h = (expr: string, salt: number) =>
  `(hashint8((${expr})::bigint * 1000003 + ${salt})::bigint + 2147483648)`
/** One value of a list, chosen by hash; repeat a value in the list to make it more likely. */
const pick = (values: readonly (string | null)[], expr: string, salt: number) =>
  `(ARRAY[${values.map((v) => (v === null ? 'NULL' : `'${v}'`)).join(', ')}]::text[])[1 + mod(${h(expr, salt)}, ${values.length})::int]`
const quote = (value: string) => `'${value.replaceAll("'", "''")}'`
const DEPRIVED = DEPRIVED_OF_LIBERTY.map(quote).join(', ')

const COUNTRIES = [
  ...Array(4).fill('Russia'), // ~10 %: the CSV export slot filters on it
  ...Array(3).fill('Belarus'),
  ...Array(3).fill('Turkey'),
  ...Array(3).fill('Iran'),
  ...Array(3).fill('Egypt'),
  ...Array(2).fill('Azerbaijan'),
  ...Array(2).fill('China'),
  ...Array(2).fill('Saudi Arabia'),
  ...['Uzbekistan', 'Tajikistan', 'Turkmenistan', 'Kazakhstan', 'Georgia', 'Armenia', 'Vietnam'],
  ...['Myanmar', 'Cuba', 'Nicaragua', 'Venezuela', 'Eritrea', 'Ethiopia', 'Uganda', 'Algeria'],
  ...['Morocco', 'Tunisia', 'Bahrain'],
]
const GROUNDS = [
  'sexual_orientation',
  'gender_identity',
  'journalism',
  'activism',
  'religion',
  'political_opinion',
  'ethnicity',
  'human_rights_defence',
  'other',
]
// After the first event, what happens next (null: an event that changes no custody state).
const LATER_CUSTODY = [
  ...[null, null, 'pretrial_detention', 'pretrial_detention', 'pretrial_detention'],
  ...['imprisoned', 'imprisoned', 'imprisoned', 'imprisoned', 'imprisoned', 'house_arrest'],
  ...['detained', 'detained', 'released', 'released', 'at_risk', 'in_exile', 'disappeared'],
  ...['unknown', 'pretrial_detention'],
]
const FIRST_CUSTODY = [
  ...Array(12).fill('detained'),
  ...['at_risk', 'at_risk', 'at_risk', 'at_risk', 'at_risk', 'in_exile', 'in_exile', 'disappeared'],
]
const LEGAL_STAGES = [
  ...Array(8).fill(null),
  ...['under_investigation', 'under_investigation', 'charged', 'charged', 'on_trial', 'on_trial'],
  ...['sentenced', 'sentenced', 'on_appeal', 'acquitted', 'charges_dropped', 'not_charged'],
]
const RELEASE_REASONS = [
  'sentence_served',
  'acquitted',
  'charges_dropped',
  'pardon_or_amnesty',
  'bail',
  'exchange',
  'other',
]
const ACTOR_KINDS = [
  ...Array(10).fill('mep'),
  ...['government', 'government', 'authority', 'authority', 'authority', 'organisation'],
  ...['organisation', 'organisation', 'institution', 'press_contact'],
]
const ACTION_KINDS = [
  ...['press_release', 'press_release', 'joint_statement', 'letter_to_authorities'],
  ...['letter_to_authorities', 'urgent_appeal', 'parliamentary_question', 'parliamentary_question'],
  ...['plenary_speech', 'urgency_resolution', 'diplomatic_demarche', 'meeting', 'meeting'],
  ...['un_submission', 'media_or_oped', 'social_campaign', 'social_campaign', 'legal_aid'],
  ...['trial_monitoring', 'other'],
]
const RESPONSES = ['none', 'none', 'none', 'none', 'acknowledged', 'denied', 'commitment']

/** Every statement of the generation, in order, each with the table it fills. */
export function generationSteps(load: Caseload, passwordHash: string, today: string) {
  const { cases: C, events: E, actions: N, sources: S, actors: A, documents: D, staff } = load
  const perCase = Math.max(1, Math.round(E / C))
  const eventsOf = (i: string) =>
    `CASE WHEN ${i} = ${TIMELINE_CASE.id} THEN ${TIMELINE_CASE.events} ELSE 1 + mod(${h(i, 1)}, ${2 * perCase - 1})::int END`
  const ownerOf = (i: string) => `(4 + mod(${h(i, 5)}, ${staff})::int)`
  // One case in five has events scheduled after today (a hearing); the others end in the past year.
  const endOf = (i: string) =>
    `CASE WHEN ${i} = ${TIMELINE_CASE.id} OR mod(${h(i, 3)}, 5) = 0 THEN date '${TIMELINE_END}' ELSE date '${today}' - mod(${h(i, 4)}, 365)::int END`
  const startOf = (i: string) =>
    `(date '2015-01-01' + CASE WHEN ${i} = ${TIMELINE_CASE.id} THEN 0 ELSE mod(${h(i, 2)}, 3650)::int END)`
  const n6 = (i: string) => `lpad(${i}::text, 6, '0')`
  const days = (from: string, to: string) => `(date '${to}' - date '${from}' + 1)`
  const steps: { table: string; text: string }[] = [
    {
      table: 'users',
      text: `INSERT INTO users (id, email, name, role, password_hash)
        SELECT i,
          CASE i WHEN 1 THEN 'admin@bench.example.org' WHEN 2 THEN ${quote(BENCH_EDITOR_EMAIL)}
            WHEN 3 THEN 'viewer@bench.example.org' ELSE 'staff-' || lpad((i - 3)::text, 3, '0') || '@bench.example.org' END,
          CASE i WHEN 1 THEN 'Synthetic Admin' WHEN 2 THEN 'Synthetic Editor' WHEN 3 THEN 'Synthetic Viewer'
            ELSE 'Synthetic Staff ' || lpad((i - 3)::text, 3, '0') END,
          CASE i WHEN 1 THEN 'admin' WHEN 3 THEN 'viewer' ELSE 'editor' END,
          ${quote(passwordHash)}
        FROM generate_series(1, ${3 + staff}) i`,
    },
    {
      table: 'actors',
      text: `INSERT INTO actors (id, kind, name, political_group, roles, committees, country, created_by, updated_by)
        SELECT i, kind,
          'Synthetic ' || CASE kind WHEN 'mep' THEN 'MEP' WHEN 'press_contact' THEN 'Press Contact'
            ELSE initcap(kind) END || ' ' || lpad(i::text, 5, '0'),
          CASE WHEN kind = 'mep' THEN ${pick(['EPP', 'S&D', 'Renew', 'Greens/EFA', 'ECR', 'The Left'], 'i', 11)} END,
          CASE WHEN kind = 'mep' AND mod(i, 7) = 0 THEN ARRAY['Member of the synthetic intergroup'] ELSE '{}' END,
          CASE WHEN kind = 'mep' THEN ARRAY[${pick(['AFET', 'DROI', 'LIBE', 'FEMM'], 'i', 12)}] ELSE '{}' END,
          ${pick(COUNTRIES, 'i', 13)}, 1, 1
        FROM (SELECT i, ${pick(ACTOR_KINDS, 'i', 10)} AS kind FROM generate_series(1, ${A}) i) a`,
    },
    {
      table: 'cases',
      text: `INSERT INTO cases (id, slug, full_name, aliases, country, region, nationality, grounds, risk_level,
          summary, visibility, consent, owner_id, search_text, created_at, updated_at, last_activity_at,
          created_by, updated_by)
        SELECT i, 'synthetic-case-' || n, 'Synthetic Case ' || n,
          CASE WHEN mod(i, 3) = 0 THEN ARRAY['Синтетическое дело ' || n] ELSE '{}' END,
          country, 'Synthetic Region ' || mod(${h('i', 21)}, 30), country,
          CASE WHEN mod(${h('i', 22)}, 10) < 3 THEN ARRAY[g1, g2] ELSE ARRAY[g1] END,
          ${pick(['low', 'medium', 'medium', 'high', 'high', 'critical'], 'i', 23)},
          summary, visibility, ${pick(['given', 'given', 'given', 'given', 'refused', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown'], 'i', 24)},
          ${ownerOf('i')},
          'synthetic case ' || n || CASE WHEN mod(i, 3) = 0 THEN ' синтетическое дело ' || n ELSE '' END || ' ' || lower(summary),
          created, updated, updated, ${ownerOf('i')}, ${ownerOf('i')}
        FROM (
          SELECT i, ${n6('i')} AS n, ${pick(COUNTRIES, 'i', 20)} AS country,
            (ARRAY[${GROUNDS.map(quote).join(', ')}])[1 + g::int] AS g1,
            (ARRAY[${GROUNDS.map(quote).join(', ')}])[1 + mod(g + 1 + mod(${h('i', 26)}, ${GROUNDS.length - 1}), ${GROUNDS.length})::int] AS g2,
            'Synthetic summary of case ' || ${n6('i')} || ': a made-up person, held for a made-up reason, recorded only to measure how fast the case tracker reads.' AS summary,
            CASE WHEN i = ${TIMELINE_CASE.id} THEN 'internal' WHEN mod(${h('i', 27)}, 10) = 0 THEN 'restricted'
              WHEN mod(${h('i', 27)}, 10) < 4 THEN 'public' ELSE 'internal' END AS visibility,
            timestamptz '2015-01-01 09:00Z' + mod(${h('i', 28)}, 3650) * interval '1 day' AS created,
            now() - mod(${h('i', 29)}, 730 * 24) * interval '1 hour' AS updated
          FROM (SELECT i, mod(${h('i', 25)}, ${GROUNDS.length}) AS g FROM generate_series(1, ${C}) i) s
        ) c`,
    },
    {
      table: 'case_access',
      text: `INSERT INTO case_access (case_id, user_id, granted_by)
        SELECT id, owner_id, 1 FROM cases WHERE visibility = 'restricted'
        UNION SELECT id, 2, 1 FROM cases WHERE visibility = 'restricted' AND mod(${h('id', 30)}, 3) = 0
        UNION SELECT id, 3, 1 FROM cases WHERE visibility = 'restricted' AND mod(${h('id', 31)}, 5) = 0`,
    },
    {
      table: 'status_events',
      // Events of a case are spread evenly over its span (from its start to its end), each at a
      // hashed point of its own slot, so the order of k is the order of dates.
      text: `INSERT INTO status_events (case_id, event_date, date_precision, custody_state, legal_stage,
          release_reason, location, description, certainty, created_at, updated_at, created_by, updated_by)
        SELECT case_id, event_date, date_precision, custody_state, legal_stage,
          CASE WHEN custody_state = 'released' THEN ${pick(RELEASE_REASONS, 'x', 45)} END,
          CASE WHEN mod(${h('x', 46)}, 3) = 0 THEN 'Synthetic Detention Centre No. ' || (1 + mod(${h('x', 47)}, 400)) END,
          'Synthetic event ' || k || ' of case ' || ${n6('case_id')} || '. ' || CASE WHEN custody_state IS NULL
            THEN 'A made-up hearing or statement that changes no custody state.'
            ELSE 'A made-up change of custody, reported by a made-up source and written here only to give the timeline a realistic length.' END,
          CASE WHEN mod(${h('x', 48)}, 7) = 0 THEN 'alleged' ELSE 'confirmed' END,
          least(event_date + interval '2 days', now() - interval '1 hour'),
          least(event_date + interval '2 days', now() - interval '1 hour'),
          owner, owner
        FROM (
          SELECT case_id, k, x, owner,
            CASE WHEN raw > date '${today}' THEN raw
              WHEN mod(${h('x', 42)}, 20) = 0 THEN date_trunc('year', raw)::date
              WHEN mod(${h('x', 42)}, 20) < 3 THEN date_trunc('month', raw)::date ELSE raw END AS event_date,
            CASE WHEN raw > date '${today}' THEN 'day' WHEN mod(${h('x', 42)}, 20) = 0 THEN 'year'
              WHEN mod(${h('x', 42)}, 20) < 3 THEN 'month' ELSE 'day' END AS date_precision,
            CASE WHEN k = 1 THEN ${pick(FIRST_CUSTODY, 'x', 43)}
              WHEN mod(${h('x', 49)}, 400) = 0 THEN 'deceased' ELSE ${pick(LATER_CUSTODY, 'x', 43)} END AS custody_state,
            ${pick(LEGAL_STAGES, 'x', 44)} AS legal_stage
          FROM (
            SELECT c.i AS case_id, k, c.i::bigint * 1024 + k AS x, c.owner,
              c.start + floor((k - 1 + mod(${h('c.i::bigint * 1024 + k', 41)}, 1000) / 1000.0)
                * (c.stop - c.start) / c.n)::int AS raw
            FROM (SELECT i, ${eventsOf('i')} AS n, ${startOf('i')} AS start, ${endOf('i')} AS stop,
                ${ownerOf('i')} AS owner
              FROM generate_series(1, ${C}) i) c
            CROSS JOIN LATERAL generate_series(1, c.n) k
          ) a
        ) b`,
    },
    {
      table: 'cases (derived state)',
      // The state of each case from its latest event that is not in the future, as
      // app/domain/status.ts derives it: custody and legal stage of the latest event carrying one,
      // detention counted from the first deprived event of the current unbroken run.
      text: `UPDATE cases SET current_custody_state = d.custody_state, current_legal_stage = d.legal_stage,
          detained_since = d.detained_since, detained_since_precision = d.detained_since_precision,
          next_event_date = d.next_event_date
        FROM (
          WITH custody AS (
            SELECT case_id, id, event_date, date_precision, created_at, custody_state,
              custody_state IN (${DEPRIVED}) AS deprived,
              count(*) FILTER (WHERE custody_state NOT IN (${DEPRIVED}))
                OVER (PARTITION BY case_id ORDER BY event_date, created_at, id) AS run
            FROM status_events WHERE event_date <= date '${today}' AND custody_state IS NOT NULL
          ),
          latest AS (
            SELECT DISTINCT ON (case_id) case_id, custody_state, deprived, run FROM custody
            ORDER BY case_id, event_date DESC, created_at DESC, id DESC
          ),
          run_start AS (
            SELECT DISTINCT ON (case_id, run) case_id, run, event_date, date_precision FROM custody
            WHERE deprived ORDER BY case_id, run, event_date, created_at, id
          ),
          stage AS (
            SELECT DISTINCT ON (case_id) case_id, legal_stage FROM status_events
            WHERE event_date <= date '${today}' AND legal_stage IS NOT NULL
            ORDER BY case_id, event_date DESC, created_at DESC, id DESC
          ),
          upcoming AS (
            SELECT case_id, min(event_date) AS next_event_date FROM status_events
            WHERE event_date > date '${today}' GROUP BY case_id
          )
          SELECT c.id, latest.custody_state, stage.legal_stage,
            CASE WHEN latest.deprived THEN run_start.event_date END AS detained_since,
            CASE WHEN latest.deprived THEN run_start.date_precision END AS detained_since_precision,
            upcoming.next_event_date
          FROM cases c
          LEFT JOIN latest ON latest.case_id = c.id
          LEFT JOIN run_start ON run_start.case_id = c.id AND run_start.run = latest.run
          LEFT JOIN stage ON stage.case_id = c.id
          LEFT JOIN upcoming ON upcoming.case_id = c.id
        ) d
        WHERE cases.id = d.id`,
    },
    {
      table: 'documents',
      text: `INSERT INTO documents (id, kind, title, place, document_date, date_precision, issuer_id, body, url,
          status, created_at, updated_at, created_by, updated_by)
        SELECT i, kind, 'Synthetic ' || replace(kind, '_', ' ') || ' ' || lpad(i::text, 5, '0'), 'Brussels',
          day, 'day', 1 + mod(${h('i', 51)}, ${A})::int,
          'Synthetic document ' || i || E'.\\n\\n' || repeat('Made-up text of a synthetic document, standing in for a press release or letter. ', 8),
          'https://documents.bench.example.org/' || i,
          CASE WHEN mod(${h('i', 52)}, 5) = 0 THEN 'draft' ELSE 'published' END,
          day + interval '9 hours', day + interval '9 hours', 4, 4
        FROM (SELECT i, ${pick(['press_release', 'press_release', 'statement', 'joint_statement', 'letter', 'resolution', 'parliamentary_question', 'article'], 'i', 50)} AS kind,
          date '2015-01-01' + mod(${h('i', 53)}, ${days('2015-01-01', today)})::int AS day
          FROM generate_series(1, ${D}) i) d`,
    },
    {
      table: 'document_cases',
      text: `INSERT INTO document_cases (document_id, case_id)
        SELECT DISTINCT d, CASE WHEN d <= 5 THEN ${TIMELINE_CASE.id} ELSE 1 + mod(${h('d::bigint * 4 + j', 54)}, ${C})::int END
        FROM generate_series(1, ${D}) d CROSS JOIN LATERAL generate_series(1, 1 + mod(${h('d', 55)}, 3)::int) j`,
    },
    {
      table: 'document_quotes',
      text: `INSERT INTO document_quotes (document_id, actor_id, speaker_label, body, position)
        SELECT d, 1 + mod(${h('d', 56)}, ${A})::int, 'Synthetic speaker',
          'A made-up quotation calling for the release of a synthetic person.', 0
        FROM generate_series(1, ${D}) d WHERE mod(d, 2) = 0 OR d <= 5`,
    },
    {
      table: 'sources',
      text: `INSERT INTO sources (id, title, publisher, published_on, published_precision, url, accessed_on, kind,
          reliability, created_by, updated_by)
        SELECT i, 'Synthetic source ' || lpad(i::text, 6, '0') || ': a made-up report',
          'Synthetic Publisher ' || (1 + mod(${h('i', 61)}, 200)), day, 'day',
          'https://sources.bench.example.org/' || i, day + 1,
          ${pick(['news', 'news', 'news', 'official', 'ngo_report', 'ngo_report', 'testimony', 'social_media'], 'i', 62)},
          ${pick(['high', 'medium', 'medium', 'low', 'unverified'], 'i', 63)}, 4, 4
        FROM (SELECT i, date '2015-01-01' + mod(${h('i', 60)}, ${days('2015-01-01', today)})::int AS day
          FROM generate_series(1, ${S}) i) s`,
    },
    {
      table: 'advocacy_actions',
      text: `INSERT INTO advocacy_actions (id, kind, title, action_date, date_precision, actor_id, target_id,
          document_id, response, created_at, updated_at, created_by, updated_by)
        SELECT i, ${pick(ACTION_KINDS, 'i', 71)}, 'Synthetic action ' || lpad(i::text, 7, '0'), day,
          CASE WHEN mod(${h('i', 72)}, 15) = 0 THEN 'month' ELSE 'day' END,
          1 + mod(${h('i', 73)}, ${A})::int,
          CASE WHEN mod(${h('i', 74)}, 10) < 7 THEN 1 + mod(${h('i', 75)}, ${A})::int END,
          CASE WHEN mod(${h('i', 76)}, 20) = 0 THEN 1 + mod(${h('i', 77)}, ${D})::int END,
          ${pick(RESPONSES, 'i', 78)},
          least(day + interval '10 hours', now()), least(day + interval '10 hours', now()),
          ${ownerOf('i')}, ${ownerOf('i')}
        FROM (SELECT i, date '2015-01-01' + mod(${h('i', 70)}, ${days('2015-01-01', today)})::int AS day
          FROM generate_series(1, ${N}) i) a`,
    },
    {
      table: 'action_cases',
      // One case per action; every fifth action also names a second, different case.
      text: `INSERT INTO action_cases (action_id, case_id)
        SELECT i, 1 + mod(${h('i', 80)}, ${C})::int FROM generate_series(1, ${N}) i
        UNION ALL
        SELECT i, 1 + mod(mod(${h('i', 80)}, ${C}) + 1 + mod(${h('i', 81)}, ${C - 1}), ${C})::int
        FROM generate_series(1, ${N}) i WHERE mod(${h('i', 82)}, 5) = 0`,
    },
    {
      table: 'citations',
      // Seven events in ten cite a source, every case cites one for its facts, one action in five.
      text: `INSERT INTO citations (source_id, status_event_id, case_id, advocacy_action_id, locator, created_by, updated_by)
        SELECT 1 + mod(${h('id', 90)}, ${S})::int, id, NULL::int, NULL::int, 'p. ' || (1 + mod(${h('id', 91)}, 40)), 4, 4
          FROM status_events WHERE mod(${h('id', 92)}, 10) < 7
        UNION ALL
        SELECT 1 + mod(${h('id', 93)}, ${S})::int, NULL, id, NULL, NULL, 4, 4 FROM cases
        UNION ALL
        SELECT 1 + mod(${h('id', 94)}, ${S})::int, NULL, NULL, id, NULL, 4, 4
          FROM advocacy_actions WHERE mod(${h('id', 95)}, 5) = 0`,
    },
  ]
  for (const table of ['users', 'actors', 'cases', 'documents', 'sources', 'advocacy_actions'])
    steps.push({
      table: `${table} (id sequence)`,
      text: `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM ${table}))`,
    })
  return steps
}
