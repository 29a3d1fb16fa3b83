// The table every chart is drawn from, and its CSV download: the same headings, rows and cells.

/** A table as charts show it: a caption, a heading for the row headers, and one heading per column. */
export type ChartTable = {
  caption: string
  rowHeading: string
  columns: string[]
  rows: { key: string; header: string; cells: (string | number)[] }[]
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (= + - @, tab, carriage return) gets a
 * leading apostrophe; quotes, commas and line breaks are quoted as RFC 4180 says.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** The CSV download of a chart's table: the same headings, row headers and cells, nothing else. */
export function chartTableCsv(table: ChartTable): string {
  return toCsv([
    [table.rowHeading, ...table.columns],
    ...table.rows.map((row) => [row.header, ...row.cells]),
  ])
}

/** "advocacy-actions-2023-01-01-to-2023-12-31.csv": only safe characters in a download's name. */
export function csvFileName(...parts: string[]): string {
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return `${name.slice(0, 100) || 'chart'}.csv`
}
