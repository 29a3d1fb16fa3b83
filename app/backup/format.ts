// The backup file's layout, shared by the writer and the reader. One JSON document, written so that
// every line is one piece the reader can parse alone (docs/backup.md):
//
//   {"format":"case-tracker-backup","formatVersion":1,"schemaVersion":…,"rowCounts":{…},…,"tables":[
//   {"name":"users","columns":["id","email",…],"rows":[
//   [1,"admin@example.org",…],
//   [2,"editor@example.org",…]
//   ]},
//   {"name":"cases",…,"rows":[
//   ]}
//   ],"complete":true}
//
// No clock time is written: a restored database backs up to the same bytes. The download names the
// file with its date instead.
export const BACKUP_FORMAT = 'case-tracker-backup'
export const BACKUP_FORMAT_VERSION = 1

export type BackupHeader = {
  format: string
  formatVersion: number
  schemaVersion: string
  /** Rows per table, in the order the tables follow. */
  rowCounts: Record<string, number>
  /** The next value each identity or serial column hands out ("table.column" → value). */
  sequences: Record<string, string>
  /** Tables present in the database and left out of the file (see EXCLUDED_TABLES). */
  excluded: string[]
}

export type BackupTableStart = { name: string; columns: string[] }

export const headerLine = (header: BackupHeader) =>
  `${JSON.stringify({ ...header, tables: [] }).slice(0, -2)}\n`
export const tableStartLine = (table: BackupTableStart) =>
  `${JSON.stringify({ name: table.name, columns: table.columns, rows: [] }).slice(0, -2)}\n`
export const tableEndLine = (last: boolean) => (last ? ']}\n' : ']},\n')
export const END_LINE = '],"complete":true}\n'

/** A file the restore refuses: the message names the problem, and nothing has been written. */
export class BackupRefusedError extends Error {
  name = 'BackupRefusedError'
}

/** Today's file name for a download: case-tracker-backup-YYYY-MM-DD.json (UTC). */
export function backupFileName(now = new Date()): string {
  return `${BACKUP_FORMAT}-${now.toISOString().slice(0, 10)}.json`
}
