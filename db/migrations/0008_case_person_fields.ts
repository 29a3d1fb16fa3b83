// Gender and date of birth on cases (recorded by every public prisoner database, sensitive like
// grounds), and search by any part of a name in any script: a folded copy of the names and aliases
// with a trigram index (pg_trgm), since the word-based full-text index cannot find "晓波" in
// "刘晓波" nor "самик" in "Арсамиков".
// Frozen in time: no app imports. The fold below is a copy of app/domain/text.ts's as of this
// migration, used once to fill the new column for existing cases.
import { sql, type Kysely } from 'kysely'

const GENDERS = ['female', 'male', 'non_binary_or_other', 'unknown']
const PRECISIONS = ['day', 'month', 'year']

const SYLLABIC =
  '([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{2fa1f}])'

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ')

function foldTable(): { from: string; to: string } {
  const extras: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', ı: 'i', ħ: 'h', ŧ: 't' }
  const span = ([a, b]: number[]) =>
    Array.from({ length: b! - a! + 1 }, (_, i) => String.fromCodePoint(a! + i))
  let from = ''
  let to = ''
  for (const upper of [
    [0xc0, 0x24f],
    [0x370, 0x3ff],
    [0x400, 0x4ff],
  ].flatMap(span)) {
    const ch = upper.toLowerCase()
    if (ch.length !== 1 || from.includes(ch)) continue
    const folded = extras[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '')
    if (folded !== ch && folded.length === 1 && /\p{L}/u.test(folded)) {
      from += ch
      to += folded
    }
  }
  const marks = [
    [0x300, 0x36f],
    [0x483, 0x489],
    [0x591, 0x5c7],
    [0x610, 0x61a],
    [0x64b, 0x65f],
    [0x670, 0x670],
    [0x6d6, 0x6ed],
  ]
    .flatMap(span)
    .filter((ch) => /\p{M}/u.test(ch))
  return { from: from + marks.join(''), to }
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm').execute(db)
  // A constant default adds the column without rewriting the table.
  await sql
    .raw(
      `ALTER TABLE cases
        ADD COLUMN gender text NOT NULL DEFAULT 'unknown' CHECK (gender IN (${list(GENDERS)})),
        ADD COLUMN date_of_birth date,
        ADD COLUMN date_of_birth_precision text CHECK (date_of_birth_precision IN (${list(PRECISIONS)})),
        ADD CONSTRAINT cases_date_of_birth_pair_check
          CHECK ((date_of_birth IS NULL) = (date_of_birth_precision IS NULL)),
        ADD COLUMN name_search_text text NOT NULL DEFAULT ''`,
    )
    .execute(db)
  const { from, to } = foldTable()
  // Chinese, Japanese and Korean characters are written three times, so that one or two of them
  // give the trigram index something to look up (app/domain/text.ts, spreadSyllabic).
  await sql`UPDATE cases SET name_search_text = regexp_replace(translate(lower(concat_ws(E'\n',
      full_name, nullif(display_name, ''), nullif(array_to_string(aliases, E'\n'), ''))),
      ${from}, ${to}), ${SYLLABIC}, ${'\\1\\1\\1'}, 'g')`.execute(db)
  // The planner needs the new column's statistics to see that a part of a name is rare.
  await sql.raw('ANALYZE cases').execute(db)
  await sql
    .raw(
      'CREATE INDEX IF NOT EXISTS cases_name_trgm_idx ON cases USING gin (name_search_text gin_trgm_ops)',
    )
    .execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP INDEX IF EXISTS cases_name_trgm_idx').execute(db)
  await sql
    .raw(
      `ALTER TABLE cases DROP CONSTRAINT IF EXISTS cases_date_of_birth_pair_check,
        DROP COLUMN IF EXISTS name_search_text, DROP COLUMN IF EXISTS date_of_birth_precision,
        DROP COLUMN IF EXISTS date_of_birth, DROP COLUMN IF EXISTS gender`,
    )
    .execute(db)
  // pg_trgm stays: another object may use it, and it holds no data.
}
