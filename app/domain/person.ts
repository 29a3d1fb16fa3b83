// Who the person is beyond their name: gender and date of birth. Both are sensitive, like grounds
// (never on public outputs, values never copied into audit rows). Shared by the case form and the
// CSV import, so a value means the same wherever it is typed.
import { isValidIsoDay, parsePartialDate, todayIso, type PartialDate } from './dates'
import { DATE_PRECISIONS, isOneOf, type DatePrecision } from './vocabularies'

/**
 * A short vocabulary rather than free text: public prisoner databases record it so, it can be
 * counted and filtered, and "unknown" is the honest default (most lists do not say).
 */
export const GENDERS = ['female', 'male', 'non_binary_or_other', 'unknown'] as const
export type Gender = (typeof GENDERS)[number]

export const GENDER_LABELS: Record<Gender, string> = {
  female: 'Female',
  male: 'Male',
  non_binary_or_other: 'Non-binary or other',
  unknown: 'Unknown',
}

// Spellings a spreadsheet may hold, folded to lower case without spaces, dashes or dots.
const GENDER_SPELLINGS: Record<string, Gender> = {
  female: 'female',
  f: 'female',
  woman: 'female',
  w: 'female',
  male: 'male',
  m: 'male',
  man: 'male',
  nonbinary: 'non_binary_or_other',
  nonbinaryorother: 'non_binary_or_other',
  nb: 'non_binary_or_other',
  other: 'non_binary_or_other',
  x: 'non_binary_or_other',
  unknown: 'unknown',
  '': 'unknown',
  '?': 'unknown',
  na: 'unknown',
  notknown: 'unknown',
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string }

/**
 * A gender as typed in a form or a CSV cell: a vocabulary value or a common spelling of one
 * ("F", "Woman", "non-binary", empty = unknown), in any case. Anything else is refused with a
 * message naming the accepted values.
 */
export function parseGender(raw: string): ParseResult<Gender> {
  const value = raw.trim()
  if (isOneOf(GENDERS, value)) return { ok: true, value }
  const key = value.toLowerCase().replace(/[\s_./-]+/g, '')
  const known = GENDER_SPELLINGS[key]
  if (known) return { ok: true, value: known }
  return {
    ok: false,
    error: `"${value.slice(0, 40)}" is not a gender we record: use female, male, non-binary or other, or unknown`,
  }
}

export function genderLabel(value: string | null | undefined): string {
  return isOneOf(GENDERS, value) ? GENDER_LABELS[value] : GENDER_LABELS.unknown
}

/** The precision a date is written in: "1985" year, "1985-03" month, "1985-03-14" day. */
export function precisionOfWrittenDate(value: string): DatePrecision | null {
  if (/^\d{4}$/.test(value)) return 'year'
  if (/^\d{4}-\d{2}$/.test(value)) return 'month'
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day'
  return null
}

// A person whose birth is given before this year is a typing error, not a detainee.
const EARLIEST_BIRTH_YEAR = 1900

/**
 * A date of birth as typed: empty (or "unknown") is no date; otherwise a partial date in the
 * precision given, or — when none is given, as in a CSV cell — in the precision it is written in
 * ("1985" is a year, "1985-03" a month). A date in the future, or before 1900, is refused.
 */
export function parseDateOfBirth(
  raw: string,
  precision?: string | null,
  today = todayIso(),
): ParseResult<PartialDate | null> {
  const value = raw.trim()
  if (value === '' || /^(unknown|n\/?a|\?)$/i.test(value)) return { ok: true, value: null }
  const chosen = precision ? precision : precisionOfWrittenDate(value)
  if (!chosen)
    return {
      ok: false,
      error: `"${value.slice(0, 40)}" is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 1985-03`,
    }
  if (!isOneOf(DATE_PRECISIONS, chosen)) return { ok: false, error: 'Choose day, month or year' }
  if (/^\d{4}/.test(value) && value.slice(0, 4) > today.slice(0, 4))
    return { ok: false, error: 'A date of birth cannot be in the future' }
  const parsed = parsePartialDate(value, chosen)
  if (!parsed.ok) return parsed
  const { date } = parsed.value
  if (!isValidIsoDay(date) || Number(date.slice(0, 4)) < EARLIEST_BIRTH_YEAR)
    return { ok: false, error: `A date of birth is after ${EARLIEST_BIRTH_YEAR}` }
  if (date > today) return { ok: false, error: 'A date of birth cannot be in the future' }
  return parsed
}
