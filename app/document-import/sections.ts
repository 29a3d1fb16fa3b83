// Walks the lines of a release after its title and date line, sorting them into body paragraphs,
// quotations, footnotes and press contacts.
import { splitLeadingDateLine } from './release-dates'
import { matchContactsHeading, parseContacts } from './contacts'
import { matchFootnoteLine, paragraphOf, parseFootnote } from './release-footnotes'
import { matchAttributedQuote, matchSpeakerLine, opensQuote, unquote } from './speakers'
import type { DateLine, Footnote, Paragraph, PressContact, Quote } from './types'

export type Sections = {
  body: Paragraph[]
  quotes: Quote[]
  footnotes: Footnote[]
  pressContacts: PressContact[]
  /** A date line found at the start of the first paragraph ("Brussels, 22 February 2023 – …"). */
  leadingDateLine: DateLine | null
}

const FOOTNOTES_HEADING = /^(?:foot\s*notes?|notes|references|sources|end\s*notes?)\s*:?$/i
const END_MARKER = /^(?:[-–—*#\s]*(?:ends?|fin)[-–—*#\s]*|[-–—*#\s]{3,})$/i
const BARE_URL = /^https?:\/\/\S+$/i

/**
 * How a quotation takes the paragraphs after it: `awaiting` its first one (after a speaker line);
 * `unquoted`, every paragraph until the next speaker, footnote or contacts (as in the fixture,
 * where quotations carry no quotation marks); `quoted`, until a paragraph closes the quotation
 * marks; `closed`, only further paragraphs that open with a quotation mark.
 */
type QuoteState = { quote: Quote; mode: 'awaiting' | 'unquoted' | 'quoted' | 'closed' }

/**
 * `lines` are the normalised lines; `skip` the indexes already read as title or date line (they
 * end a paragraph). With blank lines in the text, the lines of one block are one paragraph; without
 * any, every line is its own paragraph. `findLeadingDateLine`: look for a date line opening the
 * first paragraph (when none was found on a line of its own).
 */
export function readSections(
  lines: readonly string[],
  skip: ReadonlySet<number>,
  { findLeadingDateLine }: { findLeadingDateLine: boolean },
): Sections {
  const hasBlankLines = lines.some((line) => line.trim() === '')
  const sections: Sections = {
    body: [],
    quotes: [],
    footnotes: [],
    pressContacts: [],
    leadingDateLine: null,
  }
  const contactLines: string[] = []
  let mode: 'body' | 'footnotes' | 'contacts' = 'body'
  let pending: string[] = []
  let footnote: { number: number; content: string[]; raw: string[]; afterBlank: boolean } | null =
    null
  let open: QuoteState | null = null

  function addQuoteParagraph(state: QuoteState, raw: string): void {
    const wasQuoted = state.mode !== 'unquoted' && (state.mode !== 'awaiting' || opensQuote(raw))
    if (!wasQuoted) {
      state.mode = 'unquoted'
      state.quote.paragraphs.push(paragraphOf(raw))
      return
    }
    const { text, closed } = unquote(raw)
    state.quote.paragraphs.push(paragraphOf(text))
    state.mode = closed ? 'closed' : 'quoted'
  }

  function routeParagraph(paragraph: string): void {
    let raw = paragraph
    const first = sections.body.length === 0 && sections.quotes.length === 0
    const leading = first && findLeadingDateLine ? splitLeadingDateLine(raw) : null
    if (leading) {
      sections.leadingDateLine = leading.dateLine
      raw = leading.rest
    }
    const attributed = matchAttributedQuote(raw)
    const previous = sections.quotes.at(-1)
    if (attributed && (attributed.speaker || previous)) {
      const quote: Quote =
        attributed.speaker === null && previous
          ? previous
          : { speaker: attributed.speaker!, paragraphs: [] }
      if (quote !== previous) sections.quotes.push(quote)
      quote.paragraphs.push(paragraphOf(attributed.text))
      open = { quote, mode: attributed.closed ? 'closed' : 'quoted' }
      return
    }
    if (open && (open.mode !== 'closed' || opensQuote(raw))) {
      addQuoteParagraph(open, raw)
      return
    }
    open = null
    sections.body.push(paragraphOf(raw))
  }

  function endParagraph(): void {
    if (pending.length > 0) routeParagraph(pending.join(' '))
    pending = []
  }

  function endFootnote(): void {
    if (footnote) {
      const { number, content, raw } = footnote
      sections.footnotes.push(parseFootnote(number, content.join(' '), raw.join('\n')))
    }
    footnote = null
  }

  lines.forEach((line, index) => {
    const text = line.trim()
    if (text === '' || skip.has(index)) {
      endParagraph()
      if (footnote) footnote.afterBlank = true
      return
    }
    const heading = mode === 'contacts' ? null : matchContactsHeading(text)
    if (heading !== null) {
      endParagraph()
      endFootnote()
      ;[mode, open] = ['contacts', null]
      if (heading !== '') contactLines.push(heading)
      return
    }
    const footnoteLine = matchFootnoteLine(text)
    if (footnoteLine) {
      endParagraph()
      endFootnote()
      ;[mode, open] = ['footnotes', null]
      const { number, content } = footnoteLine
      footnote = { number, content: [content], raw: [text], afterBlank: false }
      return
    }
    if (mode === 'contacts') {
      contactLines.push(text)
      return
    }
    if (mode === 'footnotes') {
      if (footnote && (BARE_URL.test(text) || (hasBlankLines && !footnote.afterBlank))) {
        footnote.content.push(text)
        footnote.raw.push(text)
        return
      }
      endFootnote()
      mode = 'body'
    }
    if (FOOTNOTES_HEADING.test(text) || END_MARKER.test(text)) {
      endParagraph()
      return
    }
    const speakerLine = matchSpeakerLine(text)
    if (speakerLine) {
      endParagraph()
      const quote: Quote = { speaker: speakerLine.speaker, paragraphs: [] }
      sections.quotes.push(quote)
      open = { quote, mode: 'awaiting' }
      if (speakerLine.text !== null) {
        quote.paragraphs.push(paragraphOf(speakerLine.text))
        open.mode = speakerLine.closed ? 'closed' : 'quoted'
      }
      return
    }
    pending.push(text)
    if (!hasBlankLines) endParagraph()
  })
  endParagraph()
  endFootnote()
  sections.pressContacts = parseContacts(contactLines)
  return sections
}
