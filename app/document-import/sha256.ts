// SHA-256 of a text's UTF-8 bytes, from node:crypto rather than written by hand. The parsers run
// on the server only: routes take them from import-page.server.ts, which the browser build leaves
// out. Should a parser ever run in the browser, Web Crypto's crypto.subtle.digest does the same
// (asynchronously).
import { createHash } from 'node:crypto'

/** The hex SHA-256 digest of `text` encoded as UTF-8. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
