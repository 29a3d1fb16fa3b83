// The one CSV writer of every download (case list, actions, chart tables): csv-stringify does the
// quoting, this module makes the file safe to open in a spreadsheet — a byte-order mark so Excel reads
// UTF-8 (names in Cyrillic, Chinese, Arabic), and no cell that a spreadsheet would run as a formula.
// Large exports are streamed batch by batch, never built as one string. Not a .server module: the
// chart tables in domain/ write their CSV with it (nothing here is server-only; routes alone send it).
import { stringify } from 'csv-stringify/sync'

/** The UTF-8 byte-order mark, first in every CSV download. */
export const BOM = '\uFEFF'

export type CsvCell = string | number | null | undefined

/**
 * Rows as CSV text (RFC 4180 quoting, CRLF line ends); null and undefined are empty cells. Text a
 * spreadsheet would run as a formula — starting with = + - @, a tab or a carriage return, or their
 * full-width forms — gets a leading apostrophe, which Excel and LibreOffice show as plain text:
 * "=HYPERLINK(…)" is written "'=HYPERLINK(…)" (OWASP "CSV injection"; csv-stringify's
 * `escape_formulas`). Numbers are left alone (-3 is a number, not a formula); the text "-3" is not.
 * Cells with a leading or trailing space are quoted so the space survives.
 */
export function csvRows(rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return ''
  return stringify(
    rows.map((row) => [...row]),
    {
      record_delimiter: 'windows',
      // With an explicit record delimiter csv-stringify stops quoting a lone \n or \r by default.
      quote_record_delimiter: true,
      // A leading tab or carriage return is not a leading space: it gets the apostrophe instead.
      quoted_match: [/^[^\S\t\r]/, /\s$/],
      escape_formulas: true,
    },
  )
}

/** "cases-2026-11-30.csv": lower case letters, digits and dashes only in a download's name. */
export function csvFileName(...parts: string[]): string {
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return `${name.slice(0, 100) || 'export'}.csv`
}

const CSV_HEADERS = {
  'Content-Type': 'text/csv; charset=utf-8',
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
}

/** A whole CSV file (small ones: a chart's table) with its BOM, as a download named `fileName`. */
export function csvResponse(rows: readonly (readonly CsvCell[])[], fileName: string): Response {
  return new Response(`${BOM}${csvRows(rows)}`, {
    headers: { ...CSV_HEADERS, 'Content-Disposition': `attachment; filename="${fileName}"` },
  })
}

/**
 * A CSV file written while it is read: the BOM and the header first, then each batch the iterator
 * yields, stringified alone. A batch is only asked for when the reader wants more (pull), so a slow
 * download holds one batch in memory at a time; a download cancelled half-way stops the queries.
 */
export function csvStream(
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvCell[])[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = batches[Symbol.asyncIterator]()
  let headerSent = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true
        controller.enqueue(encoder.encode(`${BOM}${csvRows([header])}`))
        return
      }
      try {
        // A pull must enqueue something or close: an empty batch would stall the stream.
        for (;;) {
          const next = await iterator.next()
          if (next.done) return controller.close()
          if (next.value.length === 0) continue
          return controller.enqueue(encoder.encode(csvRows(next.value)))
        }
      } catch (error) {
        // The header is already sent, so the status cannot change: the response is broken off
        // (the browser reports a failed download rather than saving a short file) and logged.
        console.error(error)
        controller.error(error)
      }
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}

/** A streamed CSV download named `fileName`. */
export function csvStreamResponse(
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvCell[])[]>,
  fileName: string,
): Response {
  return new Response(csvStream(header, batches), {
    headers: { ...CSV_HEADERS, 'Content-Disposition': `attachment; filename="${fileName}"` },
  })
}
