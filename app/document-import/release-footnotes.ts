// Footnote markers in paragraphs ("…in 2019.[1]") and the footnotes themselves
// ("[2] The Moscow Times (16 February 2023), “Russia detains …”, accessible at https://…").
import type { PartialDate } from '../domain/dates'
import { findDateIn, parseDateText } from './release-dates'
import type { Footnote, Paragraph } from './types'

/** "[1]", "[1, 2]", "[3–5]" with the space before it. */
const MARKER = /\s*\[(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\]/g
const FOOTNOTE_LINE = /^\[(\d{1,3})\]\s*(.*)$/

function markerNumbers(inside: string): number[] {
  const numbers: number[] = []
  for (const part of inside.split(/\s*[,;]\s*/)) {
    const [from, to = from] = part.split(/\s*[–-]\s*/).map(Number) as [number, number?]
    const last = to - from > 20 ? from : to // "[1-300]" is not a marker range we believe
    for (let n = from; n <= last; n++) numbers.push(n)
  }
  return numbers
}

/** A paragraph with its footnote markers taken out and listed (each once, in order of citing). */
export function paragraphOf(raw: string): Paragraph {
  const spaced = raw.replace(/ {2,}/g, ' ').trim()
  const footnotes: number[] = []
  const text = spaced
    .replace(MARKER, (_marker, inside: string) => {
      for (const n of markerNumbers(inside)) if (!footnotes.includes(n)) footnotes.push(n)
      return ''
    })
    .replace(/ {2,}/g, ' ')
    .trim()
  return { text, footnotes, raw: spaced }
}

/** The number and the rest of a footnote line ("[1] European Parliament …"), or null. */
export function matchFootnoteLine(line: string): { number: number; content: string } | null {
  const m = FOOTNOTE_LINE.exec(line.trim())
  return m ? { number: Number(m[1]), content: m[2]!.trim() } : null
}

const URL = /https?:\/\/[^\s<>"“”«»]+/i
const LINK_ANNOUNCED =
  /(?:accessible|available|disponible|consultable|online|en ligne|link|lien)(?:\s+(?:at|on|here|from|à|ici|sur))?(?:\s+l['’]adresse(?:\s+suivante)?)?\s*:?\s*$/i
const LINK_PHRASE =
  /[,;.]?\s*(?:accessible|available|disponible|consultable)\b(?:\s+(?:at|on|here|from|à|ici|sur))?(?:\s+l['’]adresse(?:\s+suivante)?)?\s*:?\s*$/i
const QUOTED = /[“"«„]\s*([^”"»“]+?)\s*[”"»“]/
const DOCUMENT_WORDS =
  'resolution|report|statement|press release|decision|judgment|judgement|opinion|letter|declaration|communication|briefing|recommendation|conclusions|urgent appeal|submission'
const DOCUMENT_WORD = new RegExp(String.raw`^(.+?)\s+(?:${DOCUMENT_WORDS})\b`, 'i')
const ENDS_WITH_DOCUMENT_WORD = new RegExp(String.raw`\s+(?:${DOCUMENT_WORDS})$`, 'i')
const NAME_OF_BODY =
  /^(?:\p{Lu}[\p{L}\p{N}'’&./-]*|of|the|for|on|against|and|de|du|des|la|le|&)(?:\s|$)/u

function trimUrl(url: string): string {
  let value = url.replace(/[.,;:!?’'”»\]]+$/, '')
  while (value.endsWith(')') && value.split('(').length < value.split(')').length) {
    value = value.slice(0, -1)
  }
  return value
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.–—-]+|[\s,;:–—-]+$/g, '')
    .trim()
}

/** Parenthesised dates removed ("(12 February 2019)", "(2019)"); returns the date found first. */
function takeDates(text: string): { text: string; date: PartialDate | null } {
  let date: PartialDate | null = null
  const rest = text.replace(/\s*\(([^()]*)\)/g, (whole, inside: string) => {
    const found = parseDateText(inside, { allowYear: true })
    if (!found) return whole
    date ??= found
    return ''
  })
  return { text: rest, date: date ?? findDateIn(rest) }
}

function isOnlyDate(text: string): boolean {
  return parseDateText(text, { allowYear: true }) !== null
}

/**
 * The body a document comes from, read off its title: "European Parliament resolution on …" ->
 * "European Parliament" (capitalised words before a word naming a kind of document).
 */
function publisherFromTitle(title: string): string | null {
  const m = DOCUMENT_WORD.exec(title)
  if (!m) return null
  const words = m[1]!.split(/\s+/)
  if (words.length > 8 || !/^\p{Lu}/u.test(m[1]!) || /^(?:the|a|an|this|our)$/i.test(m[1]!)) {
    return null
  }
  return words.every((word) => NAME_OF_BODY.test(word)) ? m[1]! : null
}

/**
 * A footnote read into publisher, title, date and link. Publisher and title are best guesses the
 * user checks: with a quoted title, the publisher is what precedes it (or else the first part after
 * it); without one, the text is the title and its publisher is read off its first words.
 */
export function parseFootnote(number: number, content: string, raw: string): Footnote {
  const urlMatch = URL.exec(content)
  const url = urlMatch ? trimUrl(urlMatch[0]) : null
  const withoutUrl = urlMatch ? content.replace(urlMatch[0], ' ') : content
  const urlMissing = url === null && LINK_ANNOUNCED.test(withoutUrl.trim())
  const text = withoutUrl.replace(LINK_PHRASE, '').trim()

  const quoted = QUOTED.exec(text)
  let publisher: string | null = null
  let title: string | null = null
  let date: PartialDate | null
  if (quoted) {
    title = tidy(quoted[1]!.replace(/[,.]$/, ''))
    const lead = takeDates(text.slice(0, quoted.index))
    const trail = takeDates(text.slice(quoted.index + quoted[0].length))
    date = lead.date ?? trail.date
    publisher = tidy(lead.text) || null
    if (publisher === null) {
      const parts = trail.text.split(/[,;]/).map(tidy)
      publisher = parts.find((part) => part !== '' && !isOnlyDate(part)) ?? null
    }
    // "Amnesty International report “…”" -> "Amnesty International"
    if (publisher !== null) publisher = publisher.replace(ENDS_WITH_DOCUMENT_WORD, '') || null
  } else {
    const rest = takeDates(text)
    date = rest.date
    const parts = rest.text
      .split(/,\s+/)
      .map(tidy)
      .filter((part) => part !== '' && !isOnlyDate(part))
    if (parts.length >= 2) {
      publisher = parts[0]!
      title = parts.slice(1).join(', ')
    } else {
      title = parts[0] ?? null
      publisher = title === null ? null : publisherFromTitle(title)
    }
  }
  return { number, publisher, title: title || null, date, url, urlMissing, raw }
}
