// Pure steps of importing a press release that the parser (app/import) leaves to the app: reading
// an uploaded file, guessing the issuer and addressee from the title, the Markdown the preview
// proposes, and which footnotes become which citations.
import { MAX_IMPORT_BYTES } from './limits'
import type { ActorKind } from '../domain/vocabularies'
import { escapeBlockSyntax, renumberMarkers } from '../domain/markdown'

const MEGABYTES = `${MAX_IMPORT_BYTES / 1_000_000} MB`
export const TOO_LARGE_MESSAGE = `The text is larger than ${MEGABYTES}: import one press release at a time.`
const TEXT_FILE = /\.(?:txt|text|md|markdown)$/i

/**
 * The text of an uploaded file, or a message fit to show: only .txt and .md files, at most
 * MAX_IMPORT_BYTES, UTF-8 (a BOM is dropped), and no NUL bytes (a sign of a binary file).
 */
export function decodeImportFile(
  name: string,
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: string } {
  if (name !== '' && /\.[a-z0-9]{1,8}$/i.test(name) && !TEXT_FILE.test(name)) {
    return {
      ok: false,
      error: `“${name}” is not a text file: upload a .txt or .md file (save the press release as plain text first).`,
    }
  }
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, error: TOO_LARGE_MESSAGE }
  const utf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  if (utf16) {
    return {
      ok: false,
      error: 'This file is saved as UTF-16: save it as UTF-8 text and upload it again.',
    }
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      error:
        'This file is not plain text (it looks like a binary file, such as a PDF or a Word document): save the press release as a .txt file and upload that.',
    }
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return {
      ok: false,
      error:
        'This file is not UTF-8 text (it may be in an older encoding such as Windows-1252): save it as UTF-8 and upload it again.',
    }
  }
}

const VERBS = [
  'calls?\\s+(?:on|upon|for)',
  'renews?\\s+(?:its|their|her|his)\\s+calls?',
  'reiterates?',
  'urges?',
  'condemns?',
  'welcomes?',
  'demands?',
  'denounces?',
  'appeals?\\s+to',
  'asks?',
  'deplores?',
  'warns?',
  'insists?',
  'requests?',
  'protests?',
  'stands?\\s+with',
  'expresses',
  '(?:is|are)\\s+alarmed',
].join('|')
const ISSUER = new RegExp(`^(?:the\\s+)?(.{2,120}?)\\s+(?:${VERBS})\\b`, 'iu')
const TARGET =
  /\b(?:calls?\s+(?:on|upon)|urges?|appeals?\s+to|asks?)\s+(?:the\s+)?(.{2,120}?)\s+to\s+\p{L}/iu

/** "LGBTI Intergroup calls on Chechen authorities to release …" -> "LGBTI Intergroup". */
export function issuerFromTitle(title: string): string | null {
  const m = ISSUER.exec(title.trim())
  const name = m?.[1]?.trim()
  return name && !/^(?:we|they|he|she|it|this|mep)$/i.test(name) ? name : null
}

/** "… calls on Chechen authorities to release …" -> "Chechen authorities". */
export function targetFromTitle(title: string): string | null {
  return TARGET.exec(title.trim())?.[1]?.trim() ?? null
}

/** The kind a new actor of that name most likely is (the user can change it in the preview). */
export function guessActorKind(name: string, fallback: ActorKind = 'organisation'): ActorKind {
  if (/\bintergroup\b/i.test(name)) return 'intergroup'
  if (/\b(?:authorit|police|court|prosecut|security service)/i.test(name)) return 'authority'
  if (/\b(?:government|ministry|minister|president of)\b/i.test(name)) return 'government'
  if (/\b(?:parliament|commission|council|united nations|osce)\b/i.test(name)) return 'institution'
  return fallback
}

/** Committee acronyms in roles: "Member in the Foreign Affairs Committee (AFET)" -> AFET. */
export function committeesOf(roles: readonly string[]): string[] {
  const found = roles.flatMap((role) => [...role.matchAll(/\(([A-Z]{4,5})\)/g)].map((m) => m[1]!))
  return [...new Set(found)]
}

/** Paragraphs as the Markdown the preview proposes: blank-line separated, nothing read as syntax. */
export function paragraphsToMarkdown(paragraphs: readonly { raw: string }[]): string {
  return paragraphs.map((p) => escapeBlockSyntax(p.raw)).join('\n\n')
}

export type CitationPlan = {
  /** The body with its markers numbered 1, 2, … in the order of the document's citations. */
  body: string
  quoteBodies: string[]
  /** Footnote numbers (of the release) the document cites, in citation order. */
  documentFootnotes: number[]
  /** Per quote, the footnote numbers it cites, in citation order. */
  quoteFootnotes: number[][]
}

/**
 * Which footnote becomes which citation. The body's markers become the document's citations in
 * order of first use, each quote's markers that quote's citations; footnotes no marker cites are
 * cited for the document after the others. Markers are renumbered to match ("[1]" is always the
 * first citation of its text); a marker with no footnote stays as text but cites nothing.
 */
export function planImportCitations({
  body,
  quoteBodies,
  footnoteNumbers,
}: {
  body: string
  quoteBodies: readonly string[]
  footnoteNumbers: readonly number[]
}): CitationPlan {
  const known = new Set(footnoteNumbers)
  const renumber = (text: string) => {
    const order: number[] = []
    const rewritten = renumberMarkers(text, (n) => {
      if (!known.has(n)) return null
      if (!order.includes(n)) order.push(n)
      return order.indexOf(n) + 1
    })
    return { text: rewritten, order }
  }
  const ofBody = renumber(body)
  const ofQuotes = quoteBodies.map(renumber)
  const used = new Set([...ofBody.order, ...ofQuotes.flatMap((q) => q.order)])
  const unreferenced = [...known].filter((n) => !used.has(n)).sort((a, b) => a - b)
  return {
    body: ofBody.text,
    quoteBodies: ofQuotes.map((q) => q.text),
    documentFootnotes: [...ofBody.order, ...unreferenced],
    quoteFootnotes: ofQuotes.map((q) => q.order),
  }
}
