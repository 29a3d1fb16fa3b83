// The import's limits, declared once: the upload page states them and the parser enforces them.

export const MAX_IMPORT_ROWS = 50_000
export const MAX_IMPORT_BYTES = 20 * 1_000_000
/** Rows read, checked and written together; between batches other requests get their turn. */
export const IMPORT_BATCH_ROWS = 500
/**
 * The same on the embedded database, whose statements run in the app's own process one transaction
 * at a time: a batch of 500 paused every other request for about 2 s (docs/csv-import.md).
 */
export const IMPORT_BATCH_ROWS_EMBEDDED = 100
/** A running dry run or commit that has not reported for this long is taken as stopped. */
export const IMPORT_STALE_MS = 120_000
