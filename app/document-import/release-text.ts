// Normalising pasted text, its size limit and its content hash.
import { MAX_IMPORT_BYTES } from './limits'
import { sha256Hex } from './sha256'

export { MAX_IMPORT_BYTES }

const WIDE_SPACES = /[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g
const INVISIBLES = /[\ufeff\u200b\u2060]/g

/**
 * The text every parser and the content hash work on: no BOM or zero-width characters, LF line
 * endings (CRLF, CR, U+2028/9 too), non-breaking and other wide spaces as plain spaces, Unicode NFC,
 * no trailing spaces on a line, at most one blank line in a row, no blank lines at either end.
 * Quotation marks and apostrophes are kept as pasted.
 */
export function normaliseText(text: string): string {
  return text
    .replace(INVISIBLES, '')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(WIDE_SPACES, ' ')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '')
}

/** True when `text` is over MAX_IMPORT_BYTES in UTF-8 (each UTF-16 unit is at least one byte). */
export function exceedsImportLimit(text: string): boolean {
  if (text.length > MAX_IMPORT_BYTES) return true
  return new TextEncoder().encode(text).length > MAX_IMPORT_BYTES
}

/**
 * Hex sha256 of the normalised text, so the same release pasted again — from Windows, with a BOM,
 * with trailing spaces or extra blank lines — is recognised as already imported.
 */
export function contentHashOf(text: string): string {
  return sha256Hex(normaliseText(text))
}

const ENGLISH = new Set(['the', 'and', 'of', 'to', 'is', 'in', 'for', 'on', 'with', 'that', 'was'])
const FRENCH = new Set(['le', 'la', 'les', 'des', 'et', 'est', 'du', 'une', 'pour', 'que', 'dans'])

/** 'en' or 'fr' when one clearly outnumbers the other in common words; else null. */
export function guessLanguage(text: string): 'en' | 'fr' | null {
  let [en, fr] = [0, 0]
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (ENGLISH.has(word)) en++
    else if (FRENCH.has(word)) fr++
  }
  if (en + fr < 5) return null
  if (en >= 2 * fr) return 'en'
  return fr >= 2 * en ? 'fr' : null
}
