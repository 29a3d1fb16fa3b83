// Turns the pasted text of a press release into a structured preview — title, place and date,
// body, quotations, footnotes, press contacts, warnings — that the user corrects before anything
// is saved. Pure: no I/O, no database; the route decides what to store.
//
//   const result = parsePressRelease(text)
//   if (!result.ok) return json({ formError: result.error }, { status: 400 })
//   const preview = result.value
import { matchContactsHeading } from './contacts'
import { parseDateLine } from './release-dates'
import { matchFootnoteLine } from './release-footnotes'
import { readSections, type Sections } from './sections'
import { sha256Hex } from './sha256'
import { matchSpeakerLine } from './speakers'
import { exceedsImportLimit, guessLanguage, MAX_IMPORT_BYTES, normaliseText } from './release-text'
import type {
  DateLine,
  ImportWarning,
  ParsedPressRelease,
  ParsePressReleaseResult,
  Paragraph,
} from './types'

export type {
  DateLine,
  Footnote,
  ImportWarning,
  ImportWarningCode,
  Paragraph,
  ParsedPressRelease,
  ParsePressReleaseResult,
  PressContact,
  Quote,
  Speaker,
} from './types'
export { IMPORT_WARNING_CODES } from './types'
export { contentHashOf, MAX_IMPORT_BYTES, normaliseText } from './release-text'
export { findMentionedCases, foldName, matchActor, type CaseNames } from './names'

const TITLE_PREFIX =
  /^(?:press\s+release|press\s+statement|media\s+release|news\s+release|communiqu[ée]\s+de\s+presse)\s*(?:[:–—|]|\s-\s|$)\s*/iu
/** A first line longer than this is a paragraph, not a title: the paste started below the title. */
const MAX_TITLE_LENGTH = 250

type Head = { title: string | null; dateLine: DateLine | null; skip: Set<number> }

function isTitle(line: string): boolean {
  const title = line.replace(TITLE_PREFIX, '').trim()
  return (
    title !== '' &&
    title.length <= MAX_TITLE_LENGTH &&
    matchFootnoteLine(line) === null &&
    matchContactsHeading(line) === null &&
    matchSpeakerLine(line) === null
  )
}

/**
 * The title is the first non-empty line, without its "Press release:" prefix. A line holding only
 * the prefix ("PRESS RELEASE") is passed over, and so is a date line written above the title;
 * otherwise the date line is looked for in the two lines after the title.
 */
function readHead(lines: readonly string[]): Head {
  const nonEmpty = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index]))
  const head: Head = { title: null, dateLine: null, skip: new Set() }
  let next = 0
  const lineAt = (k: number): string => lines[nonEmpty[k]!]!.trim()
  for (let passes = 0; passes < 2 && next < nonEmpty.length; passes++) {
    const line = lineAt(next)
    const dateLine = head.dateLine === null ? parseDateLine(line) : null
    if (line.replace(TITLE_PREFIX, '') !== '' && dateLine === null) break
    head.dateLine ??= dateLine
    head.skip.add(nonEmpty[next++]!)
  }
  if (next < nonEmpty.length && isTitle(lineAt(next))) {
    head.title = lineAt(next).replace(TITLE_PREFIX, '').trim()
    head.skip.add(nonEmpty[next++]!)
  }
  for (let k = next; head.dateLine === null && k < Math.min(next + 2, nonEmpty.length); k++) {
    head.dateLine = parseDateLine(lineAt(k))
    if (head.dateLine) head.skip.add(nonEmpty[k]!)
  }
  return head
}

function warningsFor(head: Head, dateLine: DateLine | null, sections: Sections): ImportWarning[] {
  const warnings: ImportWarning[] = []
  if (head.title === null) {
    warnings.push({ code: 'no_title', message: 'No title was found: enter the title.' })
  }
  if (dateLine === null) {
    warnings.push({
      code: 'no_date_line',
      message:
        'No place and date line (such as “Brussels, 22 February 2023”) was found: enter the date of the press release.',
    })
  }
  const paragraphs: Paragraph[] = [
    ...sections.body,
    ...sections.quotes.flatMap((quote) => quote.paragraphs),
  ]
  const cited = new Set(paragraphs.flatMap((paragraph) => paragraph.footnotes))
  const numbers = sections.footnotes.map((footnote) => footnote.number)
  for (const n of [...cited].sort((a, b) => a - b)) {
    if (!numbers.includes(n)) {
      warnings.push({
        code: 'missing_footnote',
        message: `[${n}] is cited but there is no footnote ${n}.`,
      })
    }
  }
  numbers.forEach((n, index) => {
    if (numbers.indexOf(n) !== index) {
      warnings.push({
        code: 'duplicate_footnote',
        message: `There is more than one footnote [${n}]: check which one the text means.`,
      })
    } else if (!cited.has(n)) {
      warnings.push({
        code: 'unreferenced_footnote',
        message: `Footnote [${n}] is never cited in the text.`,
      })
    }
  })
  for (const footnote of sections.footnotes) {
    if (footnote.urlMissing) {
      warnings.push({
        code: 'footnote_url_missing',
        message: `Footnote [${footnote.number}] announces a link but none follows (it may have been lost when copying): add the address.`,
      })
    }
  }
  for (const contact of sections.pressContacts) {
    if (contact.email === null && contact.phone === null) {
      const who = [contact.office, contact.name].filter(Boolean).join(' – ')
      warnings.push({
        code: 'contact_incomplete',
        message: `The press contact “${who}” has no email address or phone number: the line may have been cut off when copying.`,
      })
    }
  }
  for (const quote of sections.quotes) {
    if (quote.paragraphs.length === 0) {
      warnings.push({
        code: 'quote_without_text',
        message: `${quote.speaker.name || 'A speaker'} is introduced but no quotation follows.`,
      })
    }
  }
  return warnings
}

/**
 * Parses the pasted text of a press release. Never throws: `{ ok: false }` when the text is empty
 * (or only whitespace) or over MAX_IMPORT_BYTES, with `error` fit to show the user; otherwise
 * `{ ok: true, value }`, where `value.warnings` lists what the user should check or complete.
 */
export function parsePressRelease(text: string): ParsePressReleaseResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return {
      ok: false,
      code: 'empty',
      error: 'Paste the text of a press release: nothing was pasted.',
    }
  }
  if (exceedsImportLimit(text)) {
    const limit = `${MAX_IMPORT_BYTES / 1_000_000} MB`
    return {
      ok: false,
      code: 'too_large',
      error: `The text is larger than ${limit}: paste one press release at a time.`,
    }
  }
  const normalised = normaliseText(text)
  if (normalised === '') {
    return {
      ok: false,
      code: 'empty',
      error: 'Paste the text of a press release: nothing was pasted.',
    }
  }
  const lines = normalised.split('\n')
  const head = readHead(lines)
  const sections = readSections(lines, head.skip, { findLeadingDateLine: head.dateLine === null })
  const dateLine = head.dateLine ?? sections.leadingDateLine
  const value: ParsedPressRelease = {
    title: head.title,
    dateLine,
    language: guessLanguage(normalised),
    body: sections.body,
    quotes: sections.quotes,
    footnotes: sections.footnotes,
    pressContacts: sections.pressContacts,
    warnings: warningsFor(head, dateLine, sections),
    contentHash: sha256Hex(normalised),
  }
  return { ok: true, value }
}
