// CSV or TSV text to a header and rows, with csv-parse: the delimiter (comma, semicolon, tab) is read
// from the header line, quoted values may hold newlines, Windows line endings are read as such.
// Each row keeps the line of the file it starts on, so every problem can name it.
import { CsvError, parse } from 'csv-parse/sync'
import { MAX_IMPORT_ROWS } from './limits'

export type CsvRow = { line: number; cells: string[] }
export type ParsedCsv = { delimiter: Delimiter; headers: string[]; rows: CsvRow[] }
export type Delimiter = ',' | ';' | '\t'

export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
}

/** The delimiter used most often outside quotes on the first line; a comma when there is none. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch === '\n') break
    else if (!quoted && ch in counts) counts[ch as Delimiter]++
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0] ?? ','
  return counts[best] > 0 ? best : ','
}

const LOOKS_LIKE_DATA = [
  /^\d{4}([-/.]\d{1,2}){0,2}$/, // a date
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/,
  /^https?:\/\//i, // a link
  /^[\d\s.,+-]+$/, // a number
]

function csvErrorMessage(error: CsvError): string {
  const line = (error as CsvError & { lines?: number }).lines
  const at = line ? `Line ${line}: ` : ''
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${at}a quoted value opens with " but never closes, so the rest of the file would be read as one value. Close the quote, or remove it.`
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${at}a quote " stands inside a value that is not quoted as a whole. Put the whole value in quotes and double the quote inside it ("").`
    default:
      return `${at}the file could not be read as CSV (${error.message.split(':')[0]}).`
  }
}

/** The whole text, or a message naming what makes it unreadable as a list of cases. */
export function parseCsvText(
  input: string,
): { ok: true; value: ParsedCsv } | { ok: false; error: string } {
  const text = input.replace(/\r\n?/g, '\n')
  if (text.trim() === '')
    return { ok: false, error: 'The file is empty: it needs a header line and at least one row.' }
  const delimiter = detectDelimiter(text)
  let records: string[][]
  try {
    // Blank lines are kept as records (and skipped below) so that lines can be counted without
    // csv-parse's `info`, which costs several times the parse itself.
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      to: MAX_IMPORT_ROWS + 2,
    }) as string[][]
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, error: csvErrorMessage(error) }
    throw error
  }
  const newlines = (record: string[]) =>
    record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0)
  let line = 1
  const numbered = records.map((record) => {
    const start = line
    line += 1 + newlines(record)
    return { record, line: start }
  })
  const filled = numbered.filter(({ record }) => record.some((cell) => cell.trim() !== ''))
  const [head, ...body] = filled
  if (!head)
    return { ok: false, error: 'The file is empty: it needs a header line and at least one row.' }
  const headers = head.record.map((h) => h.trim())
  if (headers.every((h) => h === ''))
    return { ok: false, error: 'Line 1 is empty: the first line must name the columns.' }
  const dataLike = headers.find((h) => LOOKS_LIKE_DATA.some((re) => re.test(h)))
  if (dataLike !== undefined)
    return {
      ok: false,
      error: `The file has no header line: line 1 holds "${dataLike.slice(0, 60)}", which looks like data, not a column name. Add a first line naming each column (for example Name, Country, Detained since).`,
    }
  const rows: CsvRow[] = []
  for (const { record, line: start } of body) rows.push({ line: start, cells: record })
  if (rows.length === 0)
    return {
      ok: false,
      error: 'The file has a header line but no rows: there is nothing to import.',
    }
  if (rows.length > MAX_IMPORT_ROWS)
    return {
      ok: false,
      error: `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows: split it into files of at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows each.`,
    }
  return { ok: true, value: { delimiter, headers, rows } }
}

/** What each column is called on the pages: its header, or its position when the header is empty or repeated. */
export function columnLabels(headers: readonly string[]): string[] {
  return headers.map((header, i) => {
    const repeated = headers.indexOf(header) !== i
    if (header === '') return `Column ${i + 1}`
    return repeated ? `${header} (column ${i + 1})` : header
  })
}

/** A few values of each column from the start of the file, for the mapping page; never fails. */
export function exampleValues(sample: string, columnCount: number, wanted = 3): string[][] {
  const text = sample.replace(/\r\n?/g, '\n')
  let records: string[][] = []
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      to: 30,
    }) as string[][]
  } catch {
    records = []
  }
  return Array.from({ length: columnCount }, (_, i) =>
    records
      .slice(1)
      .map((r) => (r[i] ?? '').trim())
      .filter(Boolean)
      .slice(0, wanted)
      .map((v) => (v.length > 60 ? `${v.slice(0, 57)}…` : v)),
  )
}
