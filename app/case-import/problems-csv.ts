// The downloadable problem rows: the file's own columns, as uploaded, and one more naming each
// row's problems, so the user fixes them in their spreadsheet and uploads that file again (the extra
// column is left out on the way back in). Rows only: the CSV writer makes it spreadsheet-safe.
import { PROBLEM_COLUMN } from './fields'
import type { CsvRow } from './parse'
import type { Problem } from './plan'

export function describeProblem(p: Problem): string {
  const where = p.column ? `${p.column}: ` : ''
  return `${where}${p.message} (expected ${p.expected})`
}

export function problemRows(
  headers: readonly string[],
  rows: readonly CsvRow[],
  problems: readonly Problem[],
): string[][] {
  const byLine = new Map<number, Problem[]>()
  for (const p of problems)
    if (p.severity === 'error') byLine.set(p.line, [...(byLine.get(p.line) ?? []), p])
  const out: string[][] = [[...headers, PROBLEM_COLUMN]]
  for (const row of rows) {
    const found = byLine.get(row.line)
    if (!found) continue
    const cells = headers.map((_, i) => row.cells[i] ?? '')
    out.push([...cells, `Line ${row.line}: ${found.map(describeProblem).join('; ')}`])
  }
  return out
}
