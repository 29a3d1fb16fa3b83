// The shapes of a parsed press release: a preview the user corrects before anything is saved.
import type { PartialDate } from '../domain/dates'
import type { DatePrecision } from '../domain/vocabularies'

/** "Brussels, 22 February 2023" -> { place: 'Brussels', date: '2023-02-22', precision: 'day' }. */
export type DateLine = {
  place: string | null
  date: string
  precision: DatePrecision
  /** The text the date line was read from, as pasted. */
  raw: string
}

/**
 * A paragraph: `text` without footnote markers, `footnotes` the numbers its markers cite (each once,
 * in order), `raw` the paragraph as pasted with its markers (runs of spaces collapsed).
 */
export type Paragraph = { text: string; footnotes: number[]; raw: string }

export type Speaker = {
  /** The person's name as written, without "MEP" and the political group. */
  name: string
  isMep: boolean
  /** As written in the release: 'Left', 'Non-attached Member', 'Renew', … */
  politicalGroup: string | null
  roles: string[]
  /** The line (or the attribution) the speaker was read from. */
  rawLine: string
}

export type Quote = { speaker: Speaker; paragraphs: Paragraph[] }

export type Footnote = {
  number: number
  publisher: string | null
  title: string | null
  date: PartialDate | null
  /** http(s) only. */
  url: string | null
  /** True when the footnote announces a link ("accessible at") but none follows. */
  urlMissing: boolean
  raw: string
}

export type PressContact = {
  office: string | null
  name: string | null
  email: string | null
  phone: string | null
  raw: string
}

export const IMPORT_WARNING_CODES = [
  'no_title',
  'no_date_line',
  'missing_footnote',
  'unreferenced_footnote',
  'duplicate_footnote',
  'footnote_url_missing',
  'contact_incomplete',
  'quote_without_text',
] as const
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number]

export type ImportWarning = { code: ImportWarningCode; message: string }

export type ParsedPressRelease = {
  title: string | null
  dateLine: DateLine | null
  /** A guess from common words; null when the text is too short or mixed. */
  language: 'en' | 'fr' | null
  /** Body paragraphs in order: not the title, date line, speaker lines, quotes, footnotes, contacts. */
  body: Paragraph[]
  quotes: Quote[]
  footnotes: Footnote[]
  pressContacts: PressContact[]
  warnings: ImportWarning[]
  /** sha256 (hex) of the normalised text: the same release pasted twice has the same hash. */
  contentHash: string
}

/** What `parsePressRelease` returns: it never throws. */
export type ParsePressReleaseResult =
  | { ok: true; value: ParsedPressRelease }
  | { ok: false; code: 'empty' | 'too_large'; error: string }
