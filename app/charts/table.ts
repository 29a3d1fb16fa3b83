// The table every chart is drawn from, and its CSV download: the same headings, rows and cells.
import { csvFileName as safeCsvFileName, csvRows } from '../utils/csv'

/** A table as charts show it: a caption, a heading for the row headers, and one heading per column. */
export type ChartTable = {
  caption: string
  rowHeading: string
  columns: string[]
  rows: { key: string; header: string; cells: (string | number)[] }[]
}

/**
 * One CSV cell, as the shared writer (app/utils/csv.ts, csv-stringify) writes it: text that a
 * spreadsheet would run as a formula (= + - @, tab, carriage return) gets a leading apostrophe;
 * quotes, commas and line breaks are quoted as RFC 4180 says.
 */
export function csvCell(value: string | number): string {
  return csvRows([[value]]).replace(/\r\n$/, '')
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return csvRows(rows)
}

/** The rows of a chart's CSV: the same headings, row headers and cells, nothing else. */
export function chartTableRows(table: ChartTable): (string | number)[][] {
  return [
    [table.rowHeading, ...table.columns],
    ...table.rows.map((row) => [row.header, ...row.cells]),
  ]
}

/** The CSV download of a chart's table (without its byte-order mark, which the route adds). */
export function chartTableCsv(table: ChartTable): string {
  return csvRows(chartTableRows(table))
}

/** "advocacy-actions-2023-01-01-to-2023-12-31.csv": only safe characters in a download's name. */
export function csvFileName(...parts: string[]): string {
  const name = safeCsvFileName(...parts)
  return name === 'export.csv' ? 'chart.csv' : name
}
