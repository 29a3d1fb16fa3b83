// Reading one cell: partial dates, vocabulary values written as words, lists of links. Nothing is
// guessed: "2019-13-40" and "20191" are reported, "life" or "unknown" in a date column is not a date.
import { isValidIsoDay, type PartialDate } from '../domain/dates'
import { foldText } from '../domain/text'
import { labelOf } from '../domain/vocabularies'

export const DATE_EXPECTED =
  'a date written YYYY, YYYY-MM or YYYY-MM-DD (for example 2019, 2019-07 or 2019-07-14)'

export type CellDate =
  | { kind: 'empty' }
  | { kind: 'text' }
  | { kind: 'date'; value: PartialDate }
  | { kind: 'invalid'; message: string }

const pad = (n: string) => n.padStart(2, '0')

/**
 * A year, a month or a day, year first ("2019", "2019-07", "2019/07/14"). A value with no digit at
 * all ("life", "unknown") is text, which the column's rule handles; digits in any other shape are a
 * problem, never turned into a date.
 */
export function parseImportDate(raw: string): CellDate {
  const value = raw.trim()
  if (value === '') return { kind: 'empty' }
  if (!/\d/.test(value)) return { kind: 'text' }
  const m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value)
  if (!m) return { kind: 'invalid', message: `"${value.slice(0, 40)}" is not a date` }
  const [, year, month, day] = m
  const date = `${year}-${pad(month ?? '1')}-${pad(day ?? '1')}`
  if (!isValidIsoDay(date))
    return {
      kind: 'invalid',
      message: `${value} is not a real ${day ? 'date' : month ? 'month' : 'year'}`,
    }
  return { kind: 'date', value: { date, precision: day ? 'day' : month ? 'month' : 'year' } }
}

const key = (value: string) =>
  foldText(value)
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .trim()

/** A vocabulary value written as itself or as its label, in any case: "Pre-trial detention". */
export function matchVocabulary<T extends string>(values: readonly T[], raw: string): T | null {
  const wanted = key(raw)
  return values.find((v) => key(v) === wanted || key(labelOf(v)) === wanted) ?? null
}

export const vocabularyExpected = (values: readonly string[]) =>
  `one of: ${values.map(labelOf).join(', ')}`

/** Parts of a list cell: separated by ";", "|" or new lines (and commas for vocabulary lists). */
export function splitList(raw: string, { commas = false } = {}): string[] {
  return raw
    .split(commas ? /[;|\n,]+/ : /[;|\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
}

export const URL_EXPECTED =
  'links starting http:// or https://, separated by spaces, new lines, ; or |'

/** The links of a sources cell, each once; the parts that are not links are returned apart. */
export function splitUrls(raw: string): { urls: string[]; notLinks: string[] } {
  const parts = raw
    .split(/[\s;|]+/)
    .map((p) => p.trim())
    .filter(Boolean)
  const urls: string[] = []
  const notLinks: string[] = []
  for (const part of parts) {
    if (/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(part) && part.length <= 2000) {
      if (!urls.includes(part)) urls.push(part)
    } else notLinks.push(part)
  }
  return { urls, notLinks }
}

/** The slug in a case address ("https://…/cases/liu-xiaobo" or "/p/liu-xiaobo") or a bare slug. */
export function slugFromCell(raw: string): string | null {
  const value = raw.trim()
  const fromUrl = /\/(?:cases|p)\/([a-z0-9-]+)\/?(?:[?#].*)?$/.exec(value)
  const slug = fromUrl?.[1] ?? value
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) && slug.length <= 120 ? slug : null
}
