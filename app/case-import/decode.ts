// Bytes of an uploaded file to text: UTF-8 with or without its byte-order mark, nothing else. A file
// in another encoding is refused with the line of its first byte that is not UTF-8, never guessed.
import { MAX_IMPORT_BYTES } from './limits'

export type Decoded = { ok: true; text: string } | { ok: false; error: string }

const SAVE_AS_UTF8 =
  'Save it again as "CSV UTF-8" (Excel: File → Save As → CSV UTF-8; LibreOffice: Character set Unicode (UTF-8)) and upload it again.'

/** Where the first byte that is not part of a valid UTF-8 sequence sits, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    let need = 0
    let min = 0
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    if (i + need >= bytes.length) return i
    let code = b & (0xff >> (need + 2))
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] ?? 0
      if ((c & 0xc0) !== 0x80) return i
      code = (code << 6) | (c & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0)
    return {
      ok: false,
      error: 'The file is empty: choose a CSV file with a header line and at least one row.',
    }
  if (bytes.length > MAX_IMPORT_BYTES)
    return {
      ok: false,
      error: `The file is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB: split it into several files.`,
    }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, error: `The file is UTF-16 text, not UTF-8. ${SAVE_AS_UTF8}` }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(start)
  const nul = body.indexOf(0)
  if (nul !== -1)
    return {
      ok: false,
      error: `The file is not text (line ${lineOf(body, nul)} holds a NUL byte): upload a CSV or TSV file.`,
    }
  const invalid = firstInvalidUtf8Byte(body)
  if (invalid !== -1) {
    const hex = (body[invalid] ?? 0).toString(16).toUpperCase().padStart(2, '0')
    return {
      ok: false,
      error: `The file is not UTF-8: line ${lineOf(body, invalid)} holds the byte 0x${hex}, which UTF-8 does not allow there (the file is probably in Windows-1252, Latin-1 or another legacy encoding). ${SAVE_AS_UTF8}`,
    }
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(body) }
}
