// Reading dates in press releases: "22 February 2023", "le 1er mars 2024", "February 2023",
// "2023-02-22", "22/02/2023" (day first, as in Europe), and the place-and-date line above the body.
import { isValidIsoDay, monthNames, type PartialDate } from '../domain/dates'
import type { DateLine } from './types'

/** The languages press releases come in (as guessLanguage tells them apart). */
const RELEASE_LANGUAGES = ['en', 'fr']

const foldMonth = (word: string) =>
  word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '')

// Each language's month names and abbreviations from Intl ("february", "feb", "fevrier", "fevr"),
// plus the abbreviations releases use that Intl does not give.
const MONTHS: Record<string, number> = { fev: 2, sept: 9 }
for (const locale of RELEASE_LANGUAGES)
  for (const width of ['long', 'short'] as const)
    monthNames(locale, width).forEach((name, index) => (MONTHS[foldMonth(name)] = index + 1))

const WEEKDAYS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche'

/** 1–12 for an English or French month name or abbreviation, any case or accents; else null. */
export function monthNumber(word: string): number | null {
  return MONTHS[foldMonth(word)] ?? null
}

function partialDate(year: string, month: number | null, day: string | null): PartialDate | null {
  if (month === null) return null
  const mm = String(month).padStart(2, '0')
  const date = `${year}-${mm}-${day === null ? '01' : day.padStart(2, '0')}`
  if (!isValidIsoDay(date)) return null
  return { date, precision: day === null ? 'month' : 'day' }
}

type DatePattern = { source: string; read: (m: RegExpExecArray) => PartialDate | null }

const WORD = String.raw`(\p{L}+\.?)`
const DAY = String.raw`(\d{1,2})(?:er|st|nd|rd|th)?`
const YEAR = String.raw`(\d{4})(?!\d)`

// Order matters for whole-text matching: the most precise readings first.
const PATTERNS: DatePattern[] = [
  {
    source: String.raw`${DAY}\s+(?:of\s+)?${WORD},?\s+${YEAR}`,
    read: (m) => partialDate(m[3]!, monthNumber(m[2]!), m[1]!),
  },
  {
    source: String.raw`${WORD}\s+${DAY},?\s+${YEAR}`,
    read: (m) => partialDate(m[3]!, monthNumber(m[1]!), m[2]!),
  },
  {
    source: String.raw`(\d{4})-(\d{2})-(\d{2})(?!\d)`,
    read: (m) => partialDate(m[1]!, Number(m[2]), m[3]!),
  },
  {
    source: String.raw`(\d{1,2})[./](\d{1,2})[./]${YEAR}`,
    read: (m) => partialDate(m[3]!, Number(m[2]), m[1]!),
  },
  {
    source: String.raw`${WORD}\s+${YEAR}`,
    read: (m) => partialDate(m[2]!, monthNumber(m[1]!), null),
  },
  {
    source: String.raw`(\d{4})-(\d{2})(?![\d-])`,
    read: (m) => partialDate(m[1]!, Number(m[2]), null),
  },
]

const YEAR_PATTERN: DatePattern = {
  source: String.raw`((?:1[89]|2[01])\d\d)(?!\d)`,
  read: (m) => ({ date: `${m[1]}-01-01`, precision: 'year' }),
}

const LEAD_IN = String.raw`(?:(?:le|on|the)\s+)?(?:(?:${WEEKDAYS}),?\s+)?(?:(?:le|the)\s+)?`

type Options = { allowYear?: boolean }

function patternsFor({ allowYear = false }: Options): DatePattern[] {
  return allowYear ? [...PATTERNS, YEAR_PATTERN] : PATTERNS
}

/**
 * The date at the very start of `text` ("le mercredi 22 février 2023 – …"), with the number of
 * characters it takes, or null. The longest valid reading wins.
 */
export function matchDatePrefix(
  text: string,
  options: Options = {},
): { date: PartialDate; length: number } | null {
  let best: { date: PartialDate; length: number } | null = null
  for (const pattern of patternsFor(options)) {
    const m = new RegExp(String.raw`^${LEAD_IN}(?:${pattern.source})`, 'iu').exec(text)
    const date = m ? pattern.read(m) : null
    if (m && date && (!best || m[0].length > best.length)) best = { date, length: m[0].length }
  }
  return best
}

/** `text` read as one date and nothing else (a trailing full stop is allowed), or null. */
export function parseDateText(text: string, options: Options = {}): PartialDate | null {
  const value = text.trim().replace(/\.$/, '').trim()
  const found = matchDatePrefix(value, options)
  return found && found.length === value.length ? found.date : null
}

/** The first date written anywhere in `text` (the earliest; at one position, the most precise). */
export function findDateIn(text: string, options: Options = {}): PartialDate | null {
  let best: { date: PartialDate; index: number } | null = null
  // Patterns are ranked most precise first, so at an equal index the earlier pattern wins.
  for (const pattern of patternsFor(options)) {
    const re = new RegExp(String.raw`(?<![\p{L}\d])(?:${pattern.source})`, 'giu')
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const date = pattern.read(m)
      if (!date) continue
      if (!best || m.index < best.index) best = { date, index: m.index }
      break
    }
  }
  return best?.date ?? null
}

const PLACE = /^\p{L}[\p{L}\s'’.()/-]{0,59}$/u
const PLACE_SEPARATOR = /^(.+?)\s*(?:,|\s[–—-]\s|[–—])\s*(.+)$/u

// Words that may be lower case inside a place name: "Frankfurt am Main", "Saint-Denis-en-Val".
const PLACE_CONNECTORS = /^(?:am|an|de|del|der|di|du|en|la|le|les|of|on|sur|upon|the)$/

/** A place name: at most five words, each capitalised but for connectors ("Den Haag"). */
function isPlace(value: string): boolean {
  const words = value.trim().split(/\s+/)
  return (
    PLACE.test(value.trim()) &&
    words.length <= 5 &&
    words.every((word) => /^\p{Lu}/u.test(word) || PLACE_CONNECTORS.test(word))
  )
}

/**
 * A place-and-date line: "Brussels, 22 February 2023", "Bruxelles, le 22 février 2023",
 * "Strasbourg – 3 March 2024", or a date alone ("February 2023", "2023-02-22"). Else null.
 */
export function parseDateLine(line: string): DateLine | null {
  const raw = line.trim()
  const alone = parseDateText(raw)
  if (alone) return { place: null, ...alone, raw }
  const m = PLACE_SEPARATOR.exec(raw)
  if (!m || !isPlace(m[1]!)) return null
  const date = parseDateText(m[2]!)
  return date ? { place: m[1]!.trim(), ...date, raw } : null
}

/**
 * A date line that opens the first paragraph, as agencies write it:
 * "Brussels, 22 February 2023 – Idris Arsamikov is …" -> the date line and the rest of the text.
 */
export function splitLeadingDateLine(
  paragraph: string,
): { dateLine: DateLine; rest: string } | null {
  const placeMatch = /^([^,\d]{1,60}),\s*/u.exec(paragraph)
  const place = placeMatch && isPlace(placeMatch[1]!.trim()) ? placeMatch[1]!.trim() : null
  const afterPlace = place === null ? paragraph : paragraph.slice(placeMatch![0].length)
  const found = matchDatePrefix(afterPlace)
  if (!found) return null
  const tail = afterPlace.slice(found.length)
  const separator = /^\s*(?:[–—:]|\s-|\.)\s+(?=\S)/u.exec(tail)
  if (!separator) return null
  const raw = paragraph.slice(0, paragraph.length - tail.length).trim()
  return { dateLine: { place, ...found.date, raw }, rest: tail.slice(separator[0].length) }
}
