// Text helpers shared by search and name matching. Pure, and light enough for the browser: slugs,
// which need the transliteration tables, are in slug.server.ts.

// Folding: lower case without accents, done the same way here and in SQL (`translate(lower(col),
// SEARCH_FOLD.from, SEARCH_FOLD.to)`, see record-visibility.server.ts), so "bjork" finds "Björk" and
// "BJÖRK". translate() maps one character to one, so only letters that fold to one letter are mapped
// (Latin, Greek, Cyrillic: "é" -> "e", "ё" -> "е", "й" -> "и"), and combining marks — Latin accents,
// Arabic and Hebrew vowel signs — are removed. Every other script is kept as it is.
const SINGLE_LETTER_EXTRAS: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
}

const LETTER_RANGES: [number, number][] = [
  [0xc0, 0x24f], // Latin-1 Supplement to Latin Extended-B
  [0x370, 0x3ff], // Greek
  [0x400, 0x4ff], // Cyrillic
]
const MARK_RANGES: [number, number][] = [
  [0x300, 0x36f], // combining diacritical marks
  [0x483, 0x489], // Cyrillic
  [0x591, 0x5c7], // Hebrew points
  [0x610, 0x61a], // Arabic
  [0x64b, 0x65f], // Arabic harakat
  [0x670, 0x670],
  [0x6d6, 0x6ed],
]

const MARK = /\p{M}/u

function codePoints([from, to]: [number, number]): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))
}

function buildFoldMap(): [string, string] {
  let from = ''
  let to = ''
  for (const upper of LETTER_RANGES.flatMap(codePoints)) {
    const ch = upper.toLowerCase()
    if (ch.length !== 1 || from.includes(ch)) continue
    const folded = SINGLE_LETTER_EXTRAS[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '')
    if (folded !== ch && folded.length === 1 && /\p{L}/u.test(folded)) {
      from += ch
      to += folded
    }
  }
  return [from, to]
}

const [FOLD_LETTERS, FOLD_TARGETS] = buildFoldMap()
const MARKS = MARK_RANGES.flatMap(codePoints).filter((ch) => MARK.test(ch))
const MARKS_RE = new RegExp(`[${MARKS.join('')}]`, 'gu')
const FOLD_TABLE = new Map([...FOLD_LETTERS].map((ch, i) => [ch, FOLD_TARGETS[i]!]))

/** The two strings of `translate(lower(column), from, to)`: the marks in `from` have no `to`. */
export const SEARCH_FOLD = { from: FOLD_LETTERS + MARKS.join(''), to: FOLD_TARGETS }

/** Lower-case, without diacritics: "Björk" -> "bjork", "Арсамиков" -> "арсамиков", 刘晓波 kept. */
export function foldText(value: string): string {
  return [...value.normalize('NFC').toLowerCase()]
    .map((ch) => FOLD_TABLE.get(ch) ?? ch)
    .join('')
    .replace(MARKS_RE, '')
}

/** The words a search box string holds, folded, for a prefix tsquery ("arsam" finds "arsamikov"). */
export function searchTerms(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 10)
}

/** `to_tsquery('simple', …)` input built only from letters and digits: nothing a user types can break it. */
export function toPrefixTsQuery(query: string): string | null {
  const terms = searchTerms(query)
  return terms.length ? terms.map((t) => `${t}:*`).join(' & ') : null
}

/** A LIKE pattern matching `word` anywhere, with the LIKE wildcards in it taken literally. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * Characters of scripts written without spaces between words (Chinese, Japanese, Korean), where
 * one or two characters are a whole name part (刘, 晓波). The same ranges as migration 0008's.
 */
const SYLLABIC =
  /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{2fa1f}]/u
const SYLLABIC_ALL = new RegExp(SYLLABIC.source, 'gu')

export function hasSyllabicScript(value: string): boolean {
  return SYLLABIC.test(value)
}

/**
 * Each Chinese, Japanese or Korean character written three times: "刘晓波" -> "刘刘刘晓晓晓波波波".
 * The trigram index extracts nothing from fewer than three characters, so "晓波" or "刘" alone
 * would read every row; tripled on both sides, "晓晓晓波波波" is found through the index, and
 * it can only match where "晓波" stands in the name (runs of one character always align).
 */
export function spreadSyllabic(value: string): string {
  return value.replace(SYLLABIC_ALL, (ch) => ch.repeat(3))
}

type CaseNames = { fullName: string; displayName?: string | null; aliases: readonly string[] }

/**
 * What the trigram index of a case holds: its names and aliases in any script, folded, one per
 * line (Chinese, Japanese and Korean characters spread, see spreadSyllabic), so "самик" finds "Арсамиков" and "晓波" finds "刘晓波" (a part of a word, which the
 * word-based full-text search cannot find).
 */
export function caseNameText(fields: CaseNames): string {
  return spreadSyllabic(
    foldText([fields.fullName, fields.displayName, ...fields.aliases].filter(Boolean).join('\n')),
  )
}

/** What the full-text index of a case holds: names, aliases in any script, summary — all folded. */
export function caseSearchText(fields: CaseNames & { summary: string }): string {
  return foldText(
    [fields.fullName, fields.displayName, ...fields.aliases, fields.summary]
      .filter(Boolean)
      .join(' '),
  )
}
